package dev.herald.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.ingest.Source;
import dev.herald.ingest.SourceKind;
import dev.herald.ingest.SourceOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Ingest items, errors and lag per source, labelled by host only. */
class IngestMetricsTest {

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2025-10-16T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void should_count_items_and_errors_and_report_lag_by_host() {
    HandClock clock = new HandClock();
    try (HeraldMetrics m = HeraldMetrics.prometheus(clock)) {
      Source feed = Source.feed("https://News.Example/rss.xml?api_key=SECRET123");
      Source folder = new Source(SourceKind.FOLDER, "/srv/news/drop", null, null, null, true);

      m.ingest(new SourceOutcome(feed, 3, 1, 5, 1, null));
      m.ingest(new SourceOutcome(folder, 2, 0, 0, 0, null));
      clock.now = clock.now.plus(Duration.ofSeconds(90));
      m.ingest(new SourceOutcome(feed, 0, 0, 0, 1, "HTTP 503"));
      PrometheusText t = PrometheusText.parse(m.scrape());

      assertThat(t.value("herald_ingest_items_total", "source", "news.example", "result", "new")).isEqualTo(3);
      assertThat(t.value("herald_ingest_items_total", "source", "news.example", "result", "duplicate")).isEqualTo(1);
      assertThat(t.value("herald_ingest_items_total", "source", "news.example", "result", "unchanged")).isEqualTo(5);
      assertThat(t.value("herald_ingest_errors_total", "source", "news.example")).isEqualTo(2);
      assertThat(t.value("herald_ingest_items_total", "source", "folder:drop", "result", "new")).isEqualTo(2);
      // The failed pass leaves the last success 90 s behind.
      assertThat(t.value("herald_ingest_lag_seconds", "source", "news.example")).isEqualTo(90);
      assertThat(m.scrape()).doesNotContain("SECRET123").doesNotContain("api_key").doesNotContain("/srv/news");
    }
  }

  @Test
  void should_record_nothing_when_off() {
    HeraldMetrics m = HeraldMetrics.off();
    m.question("question", "answered", Duration.ofMillis(5));

    assertThat(m.enabled()).isFalse();
    assertThat(m.scrape()).isEmpty();
  }
}
