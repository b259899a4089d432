package dev.herald.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Herald;
import dev.herald.MutableClock;
import dev.herald.answer.StoryLookup;
import dev.herald.digest.DigestRunner;
import dev.herald.digest.DigestSettings;
import dev.herald.digest.Subscriptions;
import dev.herald.digest.TalksFixture;
import dev.herald.store.ChatStore;
import dev.herald.store.StateDb;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat side of updates and digests: commands, per-chat windows, persistent memory and /forget. */
class DigestCommandsTest {

  private static final long ALICE = 9;
  private static final long BOB = 10;

  @TempDir Path dir;
  private Herald herald;
  private StateDb db;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-10-20T12:00:00Z"));

  @BeforeEach
  void open() throws IOException {
    herald = TalksFixture.open(dir);
    db = StateDb.open(dir.resolve("data/herald.db"));
  }

  @AfterEach
  void close() throws IOException {
    db.close();
    herald.close();
  }

  private Subscriptions subscriptions() {
    return new Subscriptions(new ChatStore(db), DigestSettings.defaults(), herald.updates()::topicKey, clock);
  }

  private BotHandler handler() {
    return new BotHandler(herald, TelegramSettings.defaults(), "herald_bot", clock, null, subscriptions(), StoryLookup.NONE);
  }

  private String say(BotHandler h, long chat, String text) {
    return h.handle(new Incoming(1, chat, false, chat, 100, text, false), () -> {}).get(0).html();
  }

  @Test
  void should_subscribe_list_and_unsubscribe_in_the_chats_time_zone() {
    BotHandler h = handler();

    assertThat(say(h, ALICE, "/timezone Europe/Kyiv")).isEqualTo("Time zone set to Europe/Kyiv; your digests now follow it.");
    assertThat(say(h, ALICE, "/subscribe ceasefire talks daily 08:00"))
        .startsWith("Subscribed to <b>ceasefire talks</b>, daily 08:00 (Europe/Kyiv). The first digest comes Tue 21 Oct 08:00;");
    assertThat(say(h, ALICE, "/subscribe harbour strike weekly fri 18:30")).contains("weekly fri 18:30");
    assertThat(say(h, ALICE, "/subscriptions")).isEqualTo("<b>Your digests</b> (Europe/Kyiv)"
        + "\n• ceasefire talks — daily 08:00, next Tue 21 Oct 08:00"
        + "\n• harbour strike — weekly fri 18:30, next Fri 24 Oct 18:30");
    assertThat(say(h, ALICE, "/unsubscribe the Ceasefire Talks")).isEqualTo("Unsubscribed from <b>the Ceasefire Talks</b>.");
    assertThat(subscriptions().list(ALICE)).extracting(s -> s.topic()).containsExactly("harbour strike");
  }

  @Test
  void should_explain_a_bad_schedule_or_zone_and_keep_nothing() {
    BotHandler h = handler();

    assertThat(say(h, ALICE, "/subscribe ceasefire talks daily 25:00")).contains("use hourly, daily HH:MM or weekly DAY HH:MM");
    assertThat(say(h, ALICE, "/timezone Mars/Olympus")).contains("is not a time zone: use an IANA name such as Europe/Kyiv");
    assertThat(say(h, ALICE, "/unsubscribe ceasefire talks")).startsWith("This chat has no subscription to");
    assertThat(new ChatStore(db).rowsAbout(ALICE)).isZero();
  }

  @Test
  void should_cover_what_is_new_since_the_chat_last_asked_else_the_last_24_hours() {
    BotHandler h = handler();
    assertThat(say(h, ALICE, "What's new on the ceasefire talks?")).contains("(reported by 3 outlets)");

    clock.advance(Duration.ofHours(49));
    String alice = say(h, ALICE, "What's new on the ceasefire talks?");
    String bob = say(h, BOB, "/latest ceasefire talks");

    assertThat(alice).startsWith("What's new on ceasefire talks since 20 Oct 2025 12:00 UTC, as of 22 Oct 2025 13:00 UTC:")
        .contains("stalled").doesNotContain("opened");
    assertThat(bob).startsWith("What's new on ceasefire talks since 21 Oct 2025 13:00 UTC").contains("stalled");
    assertThat(say(h, BOB, "/latest ceasefire talks since Monday"))
        .startsWith("What's new on ceasefire talks since 20 Oct 2025 00:00 UTC").contains("stalled", "opened");
  }

  @Test
  void should_keep_conversation_memory_across_a_restart_until_it_expires() throws IOException {
    say(handler(), ALICE, "Where did Freedonia and Sylvania open their talks?");

    db.close();
    db = StateDb.open(dir.resolve("data/herald.db"));
    assertThat(new ChatStore(db).memory(ALICE)).get().satisfies(m -> assertThat(m.words()).contains("Freedonia", "Sylvania"));

    clock.advance(TelegramSettings.defaults().followUpExpiry().plusMinutes(1));
    new DigestRunner(herald.updates(), subscriptions(), StoryLookup.NONE, DigestSettings.defaults(), (c, g, d) -> {}, clock)
        .purge(TelegramSettings.defaults().followUpExpiry());
    assertThat(new ChatStore(db).memory(ALICE)).isEmpty();
  }

  @Test
  void should_forget_every_row_about_the_chat_and_only_that_chat() throws IOException {
    BotHandler h = handler();
    say(h, ALICE, "/timezone Europe/Kyiv");
    say(h, ALICE, "/subscribe ceasefire talks hourly");
    say(h, ALICE, "Where did Freedonia and Sylvania open their talks?");
    say(h, ALICE, "What's new on the ceasefire talks?");
    say(h, BOB, "/subscribe ceasefire talks hourly");
    clock.advance(Duration.ofHours(1));
    new DigestRunner(herald.updates(), subscriptions(), StoryLookup.NONE, DigestSettings.defaults(), (c, g, d) -> {}, clock).runDue();
    ChatStore store = new ChatStore(db);
    // settings, memory, topic asked, subscription, one delivery log row and the question-rate bucket
    assertThat(store.rowsAbout(ALICE)).isEqualTo(6);
    int bobRows = store.rowsAbout(BOB);

    String reply = say(h, ALICE, "/forget");

    assertThat(reply).startsWith("Done: I deleted everything I kept about this chat (6 stored records");
    assertThat(store.rowsAbout(ALICE)).isZero();
    assertThat(store.rowsAbout(BOB)).isEqualTo(bobRows).isPositive();
    assertThat(subscriptions().zoneOf(ALICE).getId()).isEqualTo("Z");
  }
}
