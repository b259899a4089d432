package dev.herald.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Herald;
import dev.herald.MutableClock;
import dev.herald.answer.StoryLookup;
import dev.herald.bot.BotHandler;
import dev.herald.bot.TelegramSettings;
import dev.herald.bot.telegram.FakeBotApi.Fault;
import dev.herald.bot.telegram.FakeBotApi.Sent;
import dev.herald.digest.DigestRunner;
import dev.herald.digest.DigestSettings;
import dev.herald.digest.Subscriptions;
import dev.herald.digest.TalksFixture;
import dev.herald.store.ChatStore;
import dev.herald.store.StateDb;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A digest subscribed to over Telegram arrives through the bot's throttled, retrying sender, once. */
class TelegramDigestTest {

  private static final String TOKEN = "123456:TEST-token";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final long CHAT = 50;

  @TempDir Path dir;
  private Herald herald;
  private StateDb db;
  private FakeBotApi api;
  private TelegramBot bot;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-10-20T07:00:00Z"));

  @BeforeEach
  void start() throws Exception {
    herald = TalksFixture.open(dir);
    db = StateDb.open(dir.resolve("data/herald.db"));
    api = new FakeBotApi(TOKEN);
  }

  @AfterEach
  void stop() throws Exception {
    if (bot != null) {
      bot.stop(Duration.ofSeconds(5));
    }
    api.close();
    db.close();
    herald.close();
  }

  @Test
  void should_deliver_a_subscribed_digest_through_telegram_once_despite_a_429() throws Exception {
    TelegramSettings s = new TelegramSettings(api.url(), Set.of(), Set.of(), Set.of(), 10, Duration.ofMinutes(10), 1000,
        Duration.ofMillis(5), 1000, 2, 1);
    Subscriptions subscriptions = new Subscriptions(new ChatStore(db), DigestSettings.defaults(), herald.updates()::topicKey, clock);
    bot = TelegramBot.start(s, TOKEN, dir.resolve("bot"),
        name -> new BotHandler(herald, s, name, clock, null, subscriptions, StoryLookup.NONE), Duration.ofMillis(20));
    api.privateText(CHAT, "/subscribe ceasefire talks daily 12:00");
    assertThat(api.awaitSent(m -> m.chatId() == CHAT, 1, WAIT).get(0).text()).startsWith("Subscribed to ceasefire talks");
    DigestRunner runner = new DigestRunner(herald.updates(), subscriptions, StoryLookup.NONE, DigestSettings.defaults(), bot, clock);

    clock.advance(Duration.ofHours(5));
    api.failNext("sendMessage", Fault.tooManyRequests(1));
    runner.runDue();
    runner.runDue();

    List<Sent> sent = api.awaitSent(m -> m.chatId() == CHAT, 2, WAIT);
    assertThat(sent).hasSize(2);
    Sent digest = sent.get(1);
    assertThat(digest.text()).startsWith("Digest on ceasefire talks: 1 new since").contains("(reported by 3 outlets)");
    assertThat(digest.html()).contains("<a href=\"https://news.test/open-wire\">");
    assertThat(digest.replyTo()).isNull();
  }
}
