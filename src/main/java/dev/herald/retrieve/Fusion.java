package dev.herald.retrieve;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How hybrid retrieval combines the BM25 and k-NN rankings. */
public enum Fusion {
  /** Reciprocal rank fusion: the sum of 1 / (rrf-k + rank) over both lists; ignores score scales. */
  RRF,
  /** Each side's scores divided by its best score, then mixed by the dense weight. */
  WEIGHTED;

  /** The name used in config. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Finds a fusion by name, case-insensitively. */
  public static Optional<Fusion> byName(String name) {
    return Arrays.stream(values()).filter(m -> m.id().equals(name.strip().toLowerCase(Locale.ROOT))).findFirst();
  }

  /** The known names, for messages. */
  public static String names() {
    return Arrays.stream(values()).map(Fusion::id).collect(Collectors.joining(", "));
  }
}
