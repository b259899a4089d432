package dev.herald.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads evaluation question files: one JSON object per line, snake_case keys. */
public final class Jsonl {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Jsonl() {}

  /** Reads every non-blank line of {@code file} as a {@code type}; a bad line fails with its number. */
  public static <T> List<T> read(Path file, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(MAPPER.readValue(line, type));
        } catch (IOException e) {
          throw new IOException(file + ":" + n + ": not a " + type.getSimpleName() + " line: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
      }
    }
    return out;
  }
}
