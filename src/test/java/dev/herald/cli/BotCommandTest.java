package dev.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.bot.telegram.FakeBotApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BotCommandTest {

  @TempDir Path data;
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env) {
    CommandLine cl = HeraldCommand.commandLine(new HeraldCommand(env, Clock.systemUTC()));
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    return cl.execute("--data", data.toString(), "bot");
  }

  @Test
  void should_exit_2_with_one_line_when_token_missing() {
    int code = run(Map.of());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo(
        "herald: bot: TELEGRAM_BOT_TOKEN is not set; create a bot with @BotFather and export its token");
  }

  @Test
  void should_exit_2_without_echoing_token_when_telegram_rejects_it() throws Exception {
    try (FakeBotApi api = new FakeBotApi("1:right")) {
      int code = run(Map.of("TELEGRAM_BOT_TOKEN", "1:wrong-secret", "TELEGRAM_API_URL", api.url()));

      assertThat(code).isEqualTo(2);
      assertThat(err.toString()).contains("herald: bot: Telegram rejected the bot token").doesNotContain("wrong-secret");
      assertThat(api.calls()).containsExactly("getMe");
    }
  }
}
