package dev.herald.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.Herald;
import dev.herald.config.ConfigException;
import dev.herald.config.ConfigLoader;
import dev.herald.config.HeraldConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A temp-dir Herald over a few fixture articles written here, for bot tests. */
public final class NewsFixture {

  private NewsFixture() {}

  /** Writes the fixture articles as JSONL under {@code dir}, indexes them and returns Herald over them. */
  public static Herald open(Path dir) throws IOException, ConfigException {
    List<Map<String, String>> articles = new ArrayList<>();
    articles.add(article("geneva", "Leaders <meet> in Geneva & talk peace", "Daily <Planet>", "2025-10-14T08:00:00Z",
        "The presidents of Freedonia and Sylvania met in Geneva on Monday to discuss a ceasefire. "
            + "Both delegations described the talks as constructive. A second round is planned for November."));
    articles.add(article("harbour", "Harbour strike ends after two weeks", "Coast Gazette", "2025-10-15T09:00:00Z",
        "Dock workers in Port Verdant ended their strike on Tuesday after the harbour authority agreed to a pay rise. "
            + "\"We will not give up on safety,\" said union leader Mara Quill. Ships began unloading in the afternoon."));
    articles.add(article("sylvania-reply", "Sylvania answers on the ceasefire", "Coast Gazette", "2025-10-16T10:00:00Z",
        "Sylvania's foreign minister said the ceasefire proposal from Geneva needs guarantees. "
            + "Sylvania wants observers along the border before any agreement."));
    StringBuilder longTitle = new StringBuilder();
    for (int i = 0; i < 60; i++) {
        longTitle.append("glacier ");
    }
    for (int i = 0; i < 10; i++) {
      articles.add(article("glacier-" + i, "Glacier report " + i + ": " + longTitle.toString().strip(), "Alpine Times",
          "2025-09-" + String.format("%02d", 10 + i) + "T07:00:00Z",
          "The glacier above Lumen retreated by " + (10 + i) + " metres this summer, surveyors reported."));
    }
    Path jsonl = dir.resolve("articles.jsonl");
    ObjectMapper json = new ObjectMapper();
    StringBuilder lines = new StringBuilder();
    for (Map<String, String> a : articles) {
      lines.append(json.writeValueAsString(a)).append('\n');
    }
    Files.writeString(jsonl, lines);
    HeraldConfig config = new ConfigLoader().load(dir, null, Map.of("HERALD_DATA", dir.resolve("data").toString()));
    Herald herald = Herald.openWritable(config);
    herald.index(List.of(jsonl), p -> {
      throw new IllegalStateException("bad fixture: " + p);
    }, (a, p) -> {});
    return herald;
  }

  private static Map<String, String> article(String id, String title, String source, String published, String text) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("id", id);
    a.put("title", title);
    a.put("url", "https://news.example/" + id + "?a=1&b=2");
    a.put("source", source);
    a.put("published", published);
    a.put("text", text);
    return a;
  }
}
