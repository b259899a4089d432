package dev.herald.digest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.Fixtures;
import dev.herald.Herald;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A story told over several days for update and digest tests: ceasefire talks opening (reported by three
 * outlets with near-identical copies), stalling, and, added later by {@link #addSigning}, a signing;
 * plus an unrelated harbour story.
 */
public final class TalksFixture {

  /** The topic every test follows. */
  public static final String TOPIC = "ceasefire talks";

  private TalksFixture() {}

  /** Indexes the first articles into a fresh Herald under {@code dir}. */
  public static Herald open(Path dir) throws IOException {
    Herald h = Herald.openWritable(Fixtures.config(dir));
    index(h, dir, "first.jsonl", List.of(
        article("open-wire", "Freedonia and Sylvania open ceasefire talks in Geneva", "Wire A", "2025-10-20T08:00:00Z",
            "Freedonia and Sylvania opened ceasefire talks in Geneva on Monday, the first direct negotiations since the war began. "
                + "Both delegations called the first session constructive."),
        article("open-gazette", "Freedonia and Sylvania open ceasefire talks in Geneva", "Gazette B", "2025-10-20T09:30:00Z",
            "Freedonia and Sylvania opened ceasefire talks in Geneva on Monday, the first direct negotiations since the war began. "
                + "Both delegations called the first session constructive, the Gazette learned."),
        article("open-herald", "Freedonia, Sylvania open ceasefire talks in Geneva", "Herald C", "2025-10-20T10:00:00Z",
            "Freedonia and Sylvania opened ceasefire talks in Geneva on Monday, the first direct negotiations since the war began. "
                + "Both delegations called the first session constructive."),
        article("harbour", "Harbour strike ends in Port Verdant", "Wire A", "2025-10-21T09:00:00Z",
            "Dock workers in Port Verdant ended their strike after the harbour authority agreed to a pay rise."),
        article("stall", "Ceasefire talks stall over border observers", "Wire A", "2025-10-22T12:00:00Z",
            "The ceasefire talks between Freedonia and Sylvania stalled on Wednesday over Sylvania's demand for border observers. "
                + "Mediators said the delegations would meet again next week.")));
    return h;
  }

  /** Indexes the next development: the ceasefire is signed on 24 October. */
  public static void addSigning(Herald h, Path dir) throws IOException {
    index(h, dir, "signing.jsonl", List.of(
        article("signed", "Freedonia and Sylvania sign a ceasefire after Geneva talks", "Gazette B", "2025-10-24T07:00:00Z",
            "Freedonia and Sylvania signed a ceasefire on Friday after four days of talks in Geneva. "
                + "The ceasefire takes effect at midnight.")));
  }

  private static void index(Herald h, Path dir, String name, List<Map<String, String>> articles) throws IOException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder lines = new StringBuilder();
    for (Map<String, String> a : articles) {
      lines.append(json.writeValueAsString(a)).append('\n');
    }
    Path f = dir.resolve(name);
    Files.writeString(f, lines);
    h.index(List.of(f), p -> {
      throw new IllegalStateException("bad fixture: " + p);
    }, (a, p) -> {});
  }

  private static Map<String, String> article(String id, String title, String source, String published, String text) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("id", id);
    a.put("title", title);
    a.put("url", "https://news.test/" + id);
    a.put("source", source);
    a.put("published", published);
    a.put("text", text);
    return a;
  }
}
