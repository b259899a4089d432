package dev.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Herald;
import dev.herald.answer.StoryLookup;
import dev.herald.chart.Trend;
import dev.herald.chart.TrendChart;
import dev.herald.chart.TrendFixture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code herald trend --png}: the same chart the bot sends, and clear messages for bad input. */
class TrendCommandTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void index() throws Exception {
    TrendFixture.open(dir).close();
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    HeraldCommand root = new HeraldCommand(Map.of("HERALD_DATA", dir.resolve("data").toString()),
        Clock.fixed(Instant.parse("2025-11-01T00:00:00Z"), ZoneOffset.UTC));
    CommandLine cl = HeraldCommand.commandLine(root);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  private static BufferedImage image(byte[] png) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  @Test
  void should_write_the_same_chart_the_bot_sends() throws Exception {
    Path png = dir.resolve("trend.png");

    Run r = run("trend", "ceasefire talks", "--since", "2025-09-28", "--as-of", "2025-10-07T12:00:00Z", "--png", png.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("5 articles on ceasefire talks").contains("1. 1 Oct 2025: ", "https://news.example/open-dp");
    BufferedImage written = image(Files.readAllBytes(png));
    assertThat(written.getWidth()).isEqualTo(TrendChart.WIDTH);
    assertThat(written.getHeight()).isEqualTo(TrendChart.HEIGHT);
    byte[] direct;
    try (Herald h = Herald.openForQuestions(TrendFixture.config(dir), Map.of(), p -> {}, m -> {})) {
      direct = TrendChart.png(Trend.of(h.updates(), "ceasefire talks", TrendFixture.SINCE, TrendFixture.AS_OF, ZoneOffset.UTC,
          StoryLookup.NONE, 6));
    }
    BufferedImage expected = image(direct);
    assertThat(written.getRGB(0, 0, TrendChart.WIDTH, TrendChart.HEIGHT, null, 0, TrendChart.WIDTH))
        .isEqualTo(expected.getRGB(0, 0, TrendChart.WIDTH, TrendChart.HEIGHT, null, 0, TrendChart.WIDTH));
  }

  @Test
  void should_write_nothing_when_no_article_is_on_the_topic() {
    Path png = dir.resolve("none.png");

    Run r = run("trend", "volcano eruption", "--since", "2025-09-28", "--as-of", "2025-10-07", "--png", png.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("No articles on volcano eruption");
    assertThat(png).doesNotExist();
  }

  @Test
  void should_explain_bad_dates_and_folders() {
    Run badSince = run("trend", "ceasefire talks", "--since", "last week", "--png", dir.resolve("x.png").toString());
    Run reversed = run("trend", "ceasefire talks", "--since", "2025-10-07", "--as-of", "2025-10-01", "--png",
        dir.resolve("x.png").toString());
    Run noFolder = run("trend", "ceasefire talks", "--since", "2025-09-28", "--png", dir.resolve("missing/x.png").toString());
    Run tooLong = run("trend", "ceasefire talks", "--since", "2020-01-01", "--png", dir.resolve("x.png").toString());

    assertThat(badSince.code()).isEqualTo(2);
    assertThat(badSince.err()).contains("--since: 'last week' is not an ISO date");
    assertThat(reversed.code()).isEqualTo(2);
    assertThat(reversed.err()).contains("is not before --as-of");
    assertThat(noFolder.code()).isEqualTo(2);
    assertThat(noFolder.err()).contains("does not exist");
    assertThat(tooLong.code()).isEqualTo(2);
    assertThat(tooLong.err()).contains("at most 366 days");
  }
}
