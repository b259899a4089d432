package dev.herald.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.Herald;
import dev.herald.answer.AnswerSettings;
import dev.herald.config.HeraldConfig;
import dev.herald.retrieve.RetrievalSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Articles on a ceasefire over ten days from three outlets, plus off-topic and out-of-window ones. */
public final class TrendFixture {

  /** The topic the trend tests chart. */
  public static final String TOPIC = "ceasefire talks";
  /** Start of the charted window. */
  public static final Instant SINCE = Instant.parse("2025-09-28T00:00:00Z");
  /** End of the charted window. */
  public static final Instant AS_OF = Instant.parse("2025-10-07T12:00:00Z");

  /** One fixture article and whether it is on the topic. */
  public record Item(String id, String title, String source, String published, String text, boolean onTopic) {}

  /** Every article written. */
  public static final List<Item> ITEMS = List.of(
      new Item("early", "Ceasefire talks first proposed", "Daily Planet", "2025-09-20T09:00:00Z",
          "Diplomats first proposed ceasefire talks between Freedonia and Sylvania in a letter.", true),
      new Item("open-dp", "Ceasefire talks open in Geneva", "Daily Planet", "2025-10-01T08:00:00Z",
          "Ceasefire talks between Freedonia and Sylvania opened in Geneva on Wednesday morning.", true),
      new Item("open-cg", "Ceasefire talks open in Geneva, delegates say", "Coast Gazette", "2025-10-01T12:00:00Z",
          "Delegates said the ceasefire talks in Geneva opened with a long session on prisoners.", true),
      new Item("strike", "Harbour strike ends", "Coast Gazette", "2025-10-02T10:00:00Z",
          "Dock workers in Port Verdant ended their strike after a pay rise was agreed.", false),
      new Item("stall", "Ceasefire talks stall over border observers", "Daily Planet", "2025-10-03T15:00:00Z",
          "The ceasefire talks stalled when Sylvania demanded observers along the whole border.", true),
      new Item("glacier", "Glacier retreats again", "Alpine Times", "2025-10-04T07:00:00Z",
          "The glacier above Lumen retreated by twelve metres this summer, surveyors reported.", false),
      new Item("resume", "Ceasefire talks resume after pause", "Valley Times", "2025-10-05T09:00:00Z",
          "Negotiators returned to the ceasefire talks after a two-day pause for consultations at home.", true),
      new Item("round", "Ceasefire talks: second round agreed", "Coast Gazette", "2025-10-05T18:00:00Z",
          "A second round of ceasefire talks was agreed for November, both foreign ministries confirmed.", true));

  private TrendFixture() {}

  /** Writes the articles under {@code dir}, indexes them and returns Herald over them (data in {@code dir}/data). */
  public static Herald open(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    for (Item i : ITEMS) {
      Map<String, String> a = new LinkedHashMap<>();
      a.put("id", i.id());
      a.put("title", i.title());
      a.put("url", "https://news.example/" + i.id());
      a.put("source", i.source());
      a.put("published", i.published());
      a.put("text", i.text());
      lines.add(json.writeValueAsString(a));
    }
    Path file = Files.createDirectories(dir.resolve("in")).resolve("articles.jsonl");
    Files.write(file, lines);
    Herald h = Herald.openWritable(config(dir));
    h.index(List.of(file), p -> {
      throw new IllegalStateException("bad fixture: " + p);
    }, (a, p) -> {});
    return h;
  }

  /** The settings of a Herald with its data under {@code dir}/data. */
  public static HeraldConfig config(Path dir) {
    return new HeraldConfig(dir, dir.resolve("data"), dir.resolve("corpus"), ZoneOffset.UTC, 10,
        RetrievalSettings.defaults(), AnswerSettings.defaults());
  }
}
