package dev.herald.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Herald;
import dev.herald.answer.StoryLookup;
import dev.herald.bot.BotHandler;
import dev.herald.bot.TelegramSettings;
import dev.herald.bot.telegram.FakeBotApi.Fault;
import dev.herald.bot.telegram.FakeBotApi.Sent;
import dev.herald.chart.Trend;
import dev.herald.chart.TrendChart;
import dev.herald.chart.TrendFixture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /trend} end to end: the chart goes out as a multipart sendPhoto with a cited caption. */
class TelegramTrendTest {

  private static final String TOKEN = "123456:TREND-token";
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir static Path dir;
  private static Herald herald;

  @TempDir Path stateDir;
  private FakeBotApi api;
  private TelegramBot bot;

  @BeforeAll
  static void index() throws Exception {
    herald = TrendFixture.open(dir);
  }

  @AfterAll
  static void closeIndex() throws Exception {
    herald.close();
  }

  @BeforeEach
  void start() throws Exception {
    api = new FakeBotApi(TOKEN);
    TelegramSettings s = new TelegramSettings(api.url(), Set.of(), Set.of(), Set.of(), 100, Duration.ofMinutes(10), 1000,
        Duration.ofMillis(5), 1000, 2, 1);
    Clock asOf = Clock.fixed(TrendFixture.AS_OF, ZoneOffset.UTC);
    bot = TelegramBot.start(s, TOKEN, stateDir, name -> new BotHandler(herald, s, name, asOf), Duration.ofMillis(20));
  }

  @AfterEach
  void stop() throws Exception {
    bot.stop(Duration.ofSeconds(5));
    api.close();
  }

  private static BufferedImage image(byte[] png) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  @Test
  void should_send_the_trend_chart_as_a_photo_with_cited_caption() throws Exception {
    int asked = api.privateText(60, "/trend ceasefire talks since 2025-09-28");

    List<Sent> sent = api.awaitSent(m -> m.chatId() == 60, 1, WAIT);

    assertThat(sent).hasSize(1);
    Sent photo = sent.get(0);
    assertThat(photo.photo()).as("sent as a photo").isNotNull();
    assertThat(photo.replyTo()).isEqualTo(asked);
    BufferedImage image = image(photo.photo());
    assertThat(image.getWidth()).isEqualTo(TrendChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(TrendChart.HEIGHT);
    assertThat(photo.text()).startsWith("Trend: 5 articles on ceasefire talks, 28 Sep 2025 – 7 Oct 2025 (UTC)")
        .contains("1. 1 Oct 2025: ");
    assertThat(photo.html()).contains("<a href=\"https://news.example/open-dp\">Daily Planet</a>");
    var request = api.requests("sendPhoto").get(0);
    assertThat(request.get("chat_id").asText()).isEqualTo("60");
    assertThat(request.get("parse_mode").asText()).isEqualTo("HTML");
    assertThat(request.get("photo").asText()).isEqualTo("attach://trend.png");
    assertThat(request.get("trend.png").asText()).isEqualTo("<upload trend.png, " + photo.photo().length + " bytes>");
    // The same chart as the one drawn straight from the index for that window.
    Trend direct = Trend.of(herald.updates(), "ceasefire talks", Instant.parse("2025-09-28T00:00:00Z"), TrendFixture.AS_OF,
        ZoneOffset.UTC, StoryLookup.NONE, 6);
    BufferedImage expected = image(TrendChart.png(direct));
    assertThat(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))
        .isEqualTo(expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0, expected.getWidth()));
  }

  @Test
  void should_send_a_timeline_then_its_chart() throws Exception {
    int asked = api.privateText(63, "timeline of ceasefire talks");

    List<Sent> sent = api.awaitSent(m -> m.chatId() == 63, 2, WAIT);

    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).photo()).as("the timeline text comes first").isNull();
    assertThat(sent.get(0).text()).contains("ceasefire");
    Sent photo = sent.get(1);
    assertThat(photo.photo()).as("then the chart, as a photo").isNotNull();
    assertThat(photo.replyTo()).isEqualTo(asked);
    BufferedImage image = image(photo.photo());
    assertThat(image.getWidth()).isEqualTo(TrendChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(TrendChart.HEIGHT);
    // The last 30 days, as /trend without "since": the same chart and its cited caption.
    assertThat(photo.text()).startsWith("Trend: 6 articles on ceasefire talks");
    assertThat(photo.html()).contains("<a href=\"https://news.example/");
    Trend direct = Trend.of(herald.updates(), "ceasefire talks", TrendFixture.AS_OF.minus(Duration.ofDays(30)), TrendFixture.AS_OF,
        ZoneOffset.UTC, StoryLookup.NONE, 6);
    BufferedImage expected = image(TrendChart.png(direct));
    assertThat(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))
        .isEqualTo(expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0, expected.getWidth()));
  }

  @Test
  void should_upload_the_whole_image_again_after_429() throws Exception {
    api.failNext("sendPhoto", Fault.tooManyRequests(1));
    api.privateText(61, "/trend ceasefire talks");

    List<Sent> sent = api.awaitSent(m -> m.chatId() == 61, 1, WAIT);

    assertThat(sent).hasSize(1);
    assertThat(api.requests("sendPhoto")).hasSize(2);
    assertThat(api.requests("sendPhoto").get(0).get("trend.png").asText())
        .isEqualTo(api.requests("sendPhoto").get(1).get("trend.png").asText()).startsWith("<upload trend.png, ");
    // Without "since" the chart covers the last 30 days, which include the proposal of 20 September.
    assertThat(sent.get(0).text()).startsWith("Trend: 6 articles on ceasefire talks");
  }

  @Test
  void should_answer_in_text_when_there_is_nothing_to_chart() throws Exception {
    api.privateText(62, "/trend");
    api.privateText(62, "/trend volcano eruption");

    List<Sent> sent = api.awaitSent(m -> m.chatId() == 62, 2, WAIT);

    assertThat(sent).extracting(Sent::photo).containsOnlyNulls();
    assertThat(sent.get(0).text()).startsWith("Which topic?");
    assertThat(sent.get(1).text()).contains("I have no articles on volcano eruption");
  }
}
