package dev.herald;

import dev.herald.answer.AnswerSettings;
import dev.herald.config.HeraldConfig;
import dev.herald.llm.LlmSettings;
import dev.herald.retrieve.RetrievalSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

/** Small articles written for the tests, and a Herald over a temp-dir index built from them. */
public final class Fixtures {

  private Fixtures() {}

  /** Article JSONL lines: diplomacy, economy and sport stories on known dates. */
  public static final List<String> ARTICLES =
      List.of(
          """
          {"id":"summit-alaska","title":"Trump and Putin meet in Anchorage","url":"https://news.test/summit-alaska","source":"Test Wire","author":"A. Writer","published":"2025-08-15T20:00:00Z","text":"Donald Trump and Vladimir Putin met at a military base in Anchorage, Alaska, on Friday. The talks lasted nearly three hours and ended without a ceasefire agreement for Ukraine.\\n\\n“There's no deal until there's a deal,” Trump told reporters after the meeting. Kremlin aide Yury Ushakov said the talks had been constructive. He added that no date had been set for a second summit."}
          """,
          """
          {"id":"budapest-plan","title":"Budapest named as venue for next summit","url":"https://news.test/budapest-plan","source":"Capital Times","published":"2025-10-16T18:00:00Z","text":"After a long phone call, the two leaders agreed to meet in Budapest, the Hungarian capital. Hungarian Prime Minister Viktor Orban welcomed the plan. “The preparations are under way,” Orban wrote on social media."}
          """,
          """
          {"id":"tomahawk-warning","title":"Kremlin says Tomahawks would not change the front","url":"https://news.test/tomahawk-warning","source":"Test Wire","published":"2025-10-13T09:00:00Z","text":"Russia's president played down the prospect of American long-range missiles for Kyiv. Tomahawk missiles would not change the situation on the front line, Vladimir Putin said at a forum in Moscow. He warned that such deliveries would damage relations with Washington."}
          """,
          """
          {"id":"fed-cut","title":"Federal Reserve lowers interest rates by a quarter point","url":"https://news.test/fed-cut","source":"Money Daily","published":"2025-09-17T18:30:00Z","text":"The Federal Reserve cut its benchmark interest rate by a quarter of a percentage point on Wednesday, to a range of 4 to 4.25 percent. It was the first cut of the year. Fed chair Jerome Powell described the decision as a risk-management cut as the labor market cooled."}
          """,
          """
          {"id":"marathon-record","title":"Kenyan runner wins Berlin marathon","url":"https://news.test/marathon","source":"Sport Today","published":"2025-09-21T12:00:00Z","text":"Sabastian Sawe won the Berlin marathon on Sunday in hot conditions. The Kenyan finished in two hours, two minutes and sixteen seconds, well clear of the field."}
          """);

  /** Writes the fixture articles to {@code dir/articles.jsonl} and returns the file. */
  public static Path writeArticles(Path dir) throws IOException {
    Path f = dir.resolve("articles.jsonl");
    Files.write(f, ARTICLES.stream().map(String::strip).toList());
    return f;
  }

  /** A configuration whose data folder is {@code dir}/data. */
  public static HeraldConfig config(Path dir) {
    return new HeraldConfig(dir, dir.resolve("data"), dir.resolve("corpus"), ZoneOffset.UTC, 10,
        RetrievalSettings.defaults(), AnswerSettings.defaults());
  }

  /** Opens a writable Herald over a fresh temp-dir index holding the fixture articles. */
  public static Herald herald(Path dir) throws IOException {
    return herald(dir, config(dir));
  }

  /** Opens a writable Herald with {@code config} over a fresh index holding the fixture articles. */
  public static Herald herald(Path dir, HeraldConfig config) throws IOException {
    Herald h = Herald.openWritable(config);
    h.index(List.of(writeArticles(dir)), p -> {
      throw new AssertionError("fixture article rejected: " + p);
    }, (a, b) -> {});
    return h;
  }
}
