package dev.herald.bot.telegram;

import dev.herald.Herald;
import dev.herald.bot.BotHandler;
import dev.herald.bot.TelegramSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * For tests outside this package: starts the real bot on a {@code herald} (whatever its index backend)
 * against the fake Bot API, asks one private question and returns the reply as Telegram received it.
 */
public final class BotRoundTrip {

  private static final String TOKEN = "123456:ROUND-trip";

  private BotRoundTrip() {}

  /** The reply's HTML and plain text, as the fake Bot API received them. */
  public record Reply(String html, String text) {}

  /** Asks {@code question} as user {@code chat} in a private chat and waits for the one reply. */
  public static Reply ask(Herald herald, Path stateDir, long chat, String question) throws Exception {
    try (FakeBotApi api = new FakeBotApi(TOKEN)) {
      TelegramSettings s = new TelegramSettings(api.url(), Set.of(), Set.of(), Set.of(), 10, Duration.ofMinutes(10), 1000,
          Duration.ofMillis(5), 1000, 4, 1);
      TelegramBot bot = TelegramBot.start(s, TOKEN, stateDir, name -> new BotHandler(herald, s, name, Clock.systemUTC()),
          Duration.ofMillis(20));
      try {
        api.privateText(chat, question);
        List<FakeBotApi.Sent> sent = api.awaitSent(m -> m.chatId() == chat, 1, Duration.ofSeconds(20));
        if (sent.isEmpty()) {
          throw new AssertionError("no reply to '" + question + "' within 20 s");
        }
        return new Reply(sent.get(0).html(), sent.get(0).text());
      } finally {
        bot.stop(Duration.ofSeconds(5));
      }
    }
  }
}
