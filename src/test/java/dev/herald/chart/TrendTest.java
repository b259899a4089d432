package dev.herald.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.Herald;
import dev.herald.answer.Development;
import dev.herald.answer.StoryLookup;
import dev.herald.bot.ReplyFormatter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.data.time.TimeTableXYDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trend chart's data against the indexed fixture, and the PNG it renders. */
class TrendTest {

  @TempDir static java.nio.file.Path dir;
  private static Herald herald;

  @BeforeAll
  static void open() throws Exception {
    herald = TrendFixture.open(dir);
  }

  @AfterAll
  static void close() throws Exception {
    herald.close();
  }

  private static Trend trend() throws Exception {
    return Trend.of(herald.updates(), TrendFixture.TOPIC, TrendFixture.SINCE, TrendFixture.AS_OF, ZoneOffset.UTC, StoryLookup.NONE, 6);
  }

  /** The expected count per outlet and day, from the fixture's own list: on topic and inside the window. */
  private static Map<String, Map<LocalDate, Integer>> expected() {
    Map<String, Map<LocalDate, Integer>> e = new HashMap<>();
    for (TrendFixture.Item i : TrendFixture.ITEMS) {
      Instant t = Instant.parse(i.published());
      if (i.onTopic() && !t.isBefore(TrendFixture.SINCE) && !t.isAfter(TrendFixture.AS_OF)) {
        e.computeIfAbsent(i.source(), s -> new HashMap<>()).merge(t.atZone(ZoneOffset.UTC).toLocalDate(), 1, Integer::sum);
      }
    }
    return e;
  }

  @Test
  void should_count_every_on_topic_article_per_day_and_outlet_inside_the_window() throws Exception {
    Trend t = trend();

    assertThat(t.days()).hasSize(10);
    assertThat(t.days().get(0)).isEqualTo(LocalDate.of(2025, 9, 28));
    assertThat(t.days().get(9)).isEqualTo(LocalDate.of(2025, 10, 7));
    Map<String, Map<LocalDate, Integer>> expected = expected();
    assertThat(t.perOutlet().keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Map.Entry<String, int[]> outlet : t.perOutlet().entrySet()) {
      for (int d = 0; d < t.days().size(); d++) {
        assertThat(outlet.getValue()[d]).as(outlet.getKey() + " on " + t.days().get(d))
            .isEqualTo(expected.get(outlet.getKey()).getOrDefault(t.days().get(d), 0));
      }
    }
    assertThat(t.articles()).isEqualTo(5);
    // Most articles first: Daily Planet and Coast Gazette (2 each, by name), then Valley Times.
    assertThat(t.perOutlet().keySet()).containsExactly("Coast Gazette", "Daily Planet", "Valley Times");
  }

  @Test
  void should_mark_the_developments_the_timeline_finds_in_date_order() throws Exception {
    Trend t = trend();

    // The two Geneva openings are one development reported by two outlets.
    assertThat(t.developments()).hasSize(4);
    assertThat(t.developments()).extracting(Development::date).isSorted();
    assertThat(t.developments().get(0).outlets()).containsExactlyInAnyOrder("Daily Planet", "Coast Gazette");
    assertThat(t.developments()).isEqualTo(herald.updates().developments(TrendFixture.TOPIC, TrendFixture.SINCE,
        TrendFixture.AS_OF, StoryLookup.NONE));
  }

  @Test
  void should_keep_the_most_reported_developments_when_asked_for_fewer() throws Exception {
    Trend t = Trend.of(herald.updates(), TrendFixture.TOPIC, TrendFixture.SINCE, TrendFixture.AS_OF, ZoneOffset.UTC,
        StoryLookup.NONE, 1);

    assertThat(t.developments()).hasSize(1);
    assertThat(t.developments().get(0).outlets()).hasSize(2);
  }

  @Test
  void should_put_exactly_the_trend_counts_in_the_chart() throws Exception {
    Trend t = trend();

    JFreeChart chart = TrendChart.chart(t);
    TimeTableXYDataset data = (TimeTableXYDataset) chart.getXYPlot().getDataset();

    assertThat(data.getSeriesCount()).isEqualTo(t.perOutlet().size());
    assertThat(data.getItemCount()).isEqualTo(t.days().size());
    int s = 0;
    for (Map.Entry<String, int[]> outlet : t.perOutlet().entrySet()) {
      assertThat(data.getSeriesKey(s)).isEqualTo(outlet.getKey());
      for (int d = 0; d < t.days().size(); d++) {
        assertThat(data.getYValue(s, d)).isEqualTo(outlet.getValue()[d]);
      }
      s++;
    }
    assertThat(chart.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).hasSize(t.developments().size());
  }

  @Test
  void should_render_a_png_of_the_documented_size() throws Exception {
    byte[] png = TrendChart.png(trend());

    assertThat(png).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(TrendChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(TrendChart.HEIGHT);
  }

  @Test
  void should_caption_each_marked_development_with_a_link_within_telegram_limit() throws Exception {
    Trend t = trend();

    String caption = new ReplyFormatter(ZoneOffset.UTC).trendCaption(t);

    assertThat(caption).startsWith("<b>Trend</b>: 5 articles on ceasefire talks, 28 Sep 2025 – 7 Oct 2025 (UTC), from 3 outlets.");
    assertThat(caption).contains("\n1. 1 Oct 2025: ", "\n4. 5 Oct 2025: ")
        .contains("<a href=\"https://news.example/open-dp\">Daily Planet</a> (2 outlets)")
        .contains("<a href=\"https://news.example/round\">Coast Gazette</a>");
    assertThat(caption.replaceAll("<[^>]+>", "").length()).isLessThanOrEqualTo(1024);
  }

  @Test
  void should_keep_the_caption_within_the_limit_for_a_very_long_topic() throws Exception {
    String topic = "ceasefire talks " + "and more words ".repeat(130);
    Trend t = trend();
    Trend longTopic = new Trend(topic, t.since(), t.asOf(), t.zone(), t.days(), t.perOutlet(), t.developments());

    String caption = new ReplyFormatter(ZoneOffset.UTC).trendCaption(longTopic);

    assertThat(topic.length()).isGreaterThan(1024);
    assertThat(caption.replaceAll("<[^>]+>", "").length()).isLessThanOrEqualTo(1024);
    assertThat(caption).contains("\n1. 1 Oct 2025: ");
    assertThat(TrendChart.png(longTopic)).isNotEmpty();
  }

  @Test
  void should_refuse_an_empty_or_overlong_window() {
    assertThatThrownBy(() -> Trend.of(herald.updates(), TrendFixture.TOPIC, TrendFixture.AS_OF, TrendFixture.SINCE,
        ZoneOffset.UTC, StoryLookup.NONE, 6)).hasMessageContaining("must come before");
    assertThatThrownBy(() -> Trend.of(herald.updates(), TrendFixture.TOPIC, Instant.parse("2020-01-01T00:00:00Z"),
        TrendFixture.AS_OF, ZoneOffset.UTC, StoryLookup.NONE, 6)).hasMessageContaining("at most 366 days");
  }
}
