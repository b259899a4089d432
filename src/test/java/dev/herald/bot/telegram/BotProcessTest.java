package dev.herald.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.bot.NewsFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald bot} as a real process: answers, then stops cleanly on SIGTERM with exit code 0. */
class BotProcessTest {

  private static final String TOKEN = "4242:process-token";

  @TempDir Path dir;

  @Test
  void should_answer_then_exit_0_on_sigterm_without_logging_token() throws Exception {
    NewsFixture.open(dir).close();
    try (FakeBotApi api = new FakeBotApi(TOKEN)) {
      String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
          "dev.herald.cli.HeraldCommand", "--data", dir.resolve("data").toString(), "bot");
      pb.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
      pb.environment().put("TELEGRAM_API_URL", api.url());
      pb.redirectErrorStream(true);
      pb.redirectOutput(dir.resolve("out.log").toFile());
      Process p = pb.start();
      try {
        assertThat(api.awaitCalls("getUpdates", 1, Duration.ofSeconds(30))).isTrue();
        api.privateText(70, "Where did the presidents of Freedonia and Sylvania meet?");
        List<FakeBotApi.Sent> replies = api.awaitSent(s -> s.chatId() == 70, 1, Duration.ofSeconds(20));
        assertThat(replies).hasSize(1);

        p.destroy(); // SIGTERM

        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        String log = Files.readString(dir.resolve("out.log"));
        assertThat(log).contains("is running").doesNotContain("process-token");
      } finally {
        p.destroyForcibly();
      }
    }
  }
}
