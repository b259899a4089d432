package dev.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Fixtures;
import dev.herald.Herald;
import dev.herald.ingest.FeedServer.Route;
import dev.herald.ingest.IngestFixtures.Item;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest throughput from a local feed server: items per second fetched, extracted, deduplicated and
 * indexed. Not part of the default run (the name does not end in Test); run it with
 * {@code mvn -q test -Dtest=IngestThroughputBench [-Dbench.items=4000]}.
 */
class IngestThroughputBench {

  @TempDir Path dir;

  @Test
  void measure_items_per_second() throws Exception {
    int items = Integer.getInteger("bench.items", 2000);
    int perFeed = 100;
    int feeds = items / perFeed;
    Random random = new Random(42);
    List<String> vocabulary = vocabulary(random, 3000);
    try (FeedServer server = new FeedServer()) {
      List<Source> fullContent = new ArrayList<>();
      List<Source> pages = new ArrayList<>();
      DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
      for (int f = 0; f < feeds; f++) {
        List<Item> full = new ArrayList<>();
        List<Item> teasers = new ArrayList<>();
        for (int i = 0; i < perFeed; i++) {
          int n = f * perFeed + i;
          String text = text(random, vocabulary, 350);
          String date = rfc.format(Instant.parse("2025-10-01T00:00:00Z").plusSeconds(n * 60L));
          full.add(new Item("Story " + n, server.url("/full/" + n + "?utm_source=rss"), "f" + n, date, null, "<p>" + text + "</p>"));
          String pageText = text(random, vocabulary, 350);
          teasers.add(new Item("Page story " + n, server.url("/page/" + n), "p" + n, date, "Teaser.", null));
          server.route("/page/" + n, Route.ok("text/html; charset=utf-8",
              IngestFixtures.page("Page story " + n, server.url("/page/" + n), "2025-10-01T00:00:00Z", pageText)));
        }
        // Every feed also carries five copies of the previous feed's first stories: syndication to deduplicate.
        if (f > 0) {
          for (int i = 0; i < 5; i++) {
            Item orig = full.get(i);
            full.add(new Item(orig.title(), server.url("/copy/" + f + "/" + i), "c" + f + "-" + i, orig.date(), null,
                orig.content() + "<p>Syndicated copy.</p>"));
          }
        }
        server.route("/full/feed" + f + ".xml", Route.ok("application/rss+xml", IngestFixtures.rss("Full " + f, full)));
        server.route("/page/feed" + f + ".xml", Route.ok("application/rss+xml", IngestFixtures.rss("Pages " + f, teasers)));
        fullContent.add(Source.feed(server.url("/full/feed" + f + ".xml")));
        pages.add(Source.feed(server.url("/page/feed" + f + ".xml")));
      }
      IngestSettings settings = HttpFetcherTest.settings(false, List.of()).withLimits(Duration.ofSeconds(5), Duration.ofSeconds(30), 5_000_000);
      try (Herald h = Herald.openWritable(Fixtures.config(dir).withIngest(settings, List.of()));
           Ingestion ingestion = h.openIngestion(Clock.systemUTC())) {
        report("full content in feed", ingestion.runOnce(fullContent));
        report("teaser + page fetch + readability", ingestion.runOnce(pages));
        IngestSummary again = ingestion.runOnce(fullContent);
        report("second pass (all seen)", again);
        assertThat(again.newArticles()).isZero();
        assertThat(h.stats().articles()).isEqualTo(2 * feeds * perFeed);
      }
    }
  }

  private static void report(String what, IngestSummary s) {
    int processed = s.newArticles() + s.duplicates();
    System.out.printf(Locale.ROOT, "BENCH %-36s %5d new, %4d duplicates in %6.2f s = %7.1f items/s%n",
        what, s.newArticles(), s.duplicates(), s.seconds(), processed / Math.max(s.seconds(), 1e-9));
  }

  private static List<String> vocabulary(Random r, int n) {
    String[] syl = {"ka", "lo", "mi", "ner", "tas", "vo", "ril", "den", "sa", "po", "gur", "el", "ith", "an", "ko", "ve"};
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = 0, m = 1 + r.nextInt(3); k < m; k++) {
        b.append(syl[r.nextInt(syl.length)]);
      }
      out.add(b.toString());
    }
    return out;
  }

  private static String text(Random r, List<String> vocabulary, int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = vocabulary.get(r.nextInt(vocabulary.size()));
      b.append(i % 15 == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
      b.append(i % 15 == 14 ? ". " : " ");
    }
    return b.toString().strip() + ".";
  }
}
