package dev.herald.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.Herald;
import dev.herald.MutableClock;
import dev.herald.answer.Answer;
import dev.herald.answer.Citation;
import dev.herald.answer.StoryLookup;
import dev.herald.store.ChatStore;
import dev.herald.store.Instance;
import dev.herald.store.StateDb;
import dev.herald.store.TestDatabases;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import dev.herald.store.Subscription;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled digests: only what is new, once, across restarts and kills, in the chat's time zone; on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql"})
class DigestRunnerTest {

  @Parameter String kind;

  private static final long CHAT = 7;

  /** A process dying mid-run: nothing after the throw happens, as after kill -9. */
  static final class Killed extends RuntimeException {
    Killed() {
      super("kill -9");
    }
  }

  @TempDir Path dir;
  private Herald herald;
  private StateDb db;
  private TestDatabases.Target state;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-10-20T07:00:00Z"));
  private final List<Answer> sent = new ArrayList<>();
  private final DigestOutbox recording = (chat, group, digest) -> sent.add(digest);

  @BeforeEach
  void open() throws IOException {
    herald = TalksFixture.open(dir);
    state = TestDatabases.target(kind, dir.resolve("data"));
    db = state.open();
  }

  @AfterEach
  void close() throws IOException {
    db.close();
    herald.close();
  }

  private Subscriptions subscriptions(DigestSettings settings) {
    return new Subscriptions(new ChatStore(db), settings, herald.updates()::topicKey, clock);
  }

  private DigestRunner runner(DigestOutbox outbox) {
    return runner(outbox, DigestSettings.defaults());
  }

  private DigestRunner runner(DigestOutbox outbox, DigestSettings settings) {
    return new DigestRunner(herald.updates(), subscriptions(settings), StoryLookup.NONE, settings, outbox, clock);
  }

  /** Simulates a process restart: the state database is closed as it stands and opened afresh. */
  private void restart() throws IOException {
    db.close();
    db = state.open();
  }

  private Subscription subscribe(String schedule) {
    return subscriptions(DigestSettings.defaults()).subscribe(CHAT, false, TalksFixture.TOPIC, schedule);
  }

  private static List<String> articles(Answer a) {
    return a.citations().stream().map(Citation::articleId).toList();
  }

  @Test
  void should_send_a_due_digest_once_with_syndicated_copies_as_one_bullet() throws Exception {
    subscribe("daily 12:00");
    DigestRunner runner = runner(recording);

    assertThat(runner.runDue()).isZero();
    clock.advance(Duration.ofHours(5));
    assertThat(runner.runDue()).isEqualTo(1);
    assertThat(runner.runDue()).isZero();

    assertThat(sent).singleElement().satisfies(d -> {
      assertThat(d.text()).startsWith("Digest on ceasefire talks: 1 new since 19 Oct 2025 07:00 UTC, as of 20 Oct 2025 12:00 UTC:")
          .contains("(reported by 3 outlets)");
      assertThat(articles(d)).containsExactly("open-wire", "open-gazette", "open-herald");
    });
  }

  @Test
  void should_hold_only_what_is_new_since_the_previous_digest_and_skip_empty_ones() throws Exception {
    subscribe("daily 12:00");
    DigestRunner runner = runner(recording);

    clock.advance(Duration.ofHours(5));
    runner.runDue();
    clock.advance(Duration.ofDays(1));
    runner.runDue();
    clock.advance(Duration.ofDays(1));
    runner.runDue();
    TalksFixture.addSigning(herald, dir);
    clock.advance(Duration.ofDays(2));
    runner.runDue();

    assertThat(sent).extracting(DigestRunnerTest::articles).containsExactly(
        List.of("open-wire", "open-gazette", "open-herald"), List.of("stall"), List.of("signed"));
    assertThat(new ChatStore(db).subscriptions(CHAT)).singleElement()
        .satisfies(s -> assertThat(s.nextDue()).isEqualTo(Instant.parse("2025-10-25T12:00:00Z")));
  }

  @Test
  void should_say_nothing_new_when_configured_to_send_empty_digests() throws Exception {
    subscribe("daily 12:00");
    DigestRunner runner = runner(recording, DigestSettings.defaults().withSendEmpty(true));

    clock.advance(Duration.ofHours(5));
    runner.runDue();
    clock.advance(Duration.ofDays(1));
    runner.runDue();

    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).text()).isEqualTo(
        "Digest on ceasefire talks: nothing new since 20 Oct 2025 12:00 UTC, as of 21 Oct 2025 12:00 UTC.");
  }

  @Test
  void should_send_once_a_digest_whose_process_was_killed_between_claim_and_send() throws Exception {
    Subscription s = subscribe("daily 12:00");
    clock.advance(Duration.ofHours(5));
    DigestRunner dying = runner((chat, group, digest) -> {
      throw new Killed();
    });

    assertThatThrownBy(dying::runDue).isInstanceOf(Killed.class);
    restart();
    clock.advance(Duration.ofMinutes(1));
    DigestRunner restarted = runner(recording);
    restarted.runDue();
    clock.advance(Duration.ofMinutes(1));
    restarted.runDue();

    assertThat(sent).singleElement().satisfies(d -> {
      // The window was fixed by the first claim, so the re-sent digest is the one that was due.
      assertThat(d.asOf()).isEqualTo(Instant.parse("2025-10-20T12:00:00Z"));
      assertThat(articles(d)).containsExactly("open-wire", "open-gazette", "open-herald");
    });
    assertThat(new ChatStore(db).delivery(s.id(), s.nextDue())).get().satisfies(d -> {
      assertThat(d.state()).isEqualTo(ChatStore.SENT);
      assertThat(d.attempts()).isEqualTo(2);
    });
  }

  @Test
  void should_not_send_again_a_digest_marked_sent_before_the_process_was_killed() throws Exception {
    subscribe("daily 12:00");
    clock.advance(Duration.ofHours(5));
    runner(recording).runDue();

    restart();
    runner(recording).runDue();
    clock.advance(Duration.ofHours(1));
    runner(recording).runDue();

    assertThat(sent).hasSize(1);
  }

  @Test
  void should_send_again_once_a_digest_sent_but_not_yet_marked_when_the_process_was_killed() throws Exception {
    subscribe("daily 12:00");
    clock.advance(Duration.ofHours(5));
    DigestRunner dying = runner((chat, group, digest) -> {
      sent.add(digest);
      throw new Killed();
    });

    assertThatThrownBy(dying::runDue).isInstanceOf(Killed.class);
    restart();
    runner(recording).runDue();
    runner(recording).runDue();

    // At least once: Telegram cannot tell whether the first one arrived, so it is sent once more, never more.
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1)).isEqualTo(sent.get(0));
  }

  @Test
  void should_retry_a_failed_delivery_then_give_up_and_carry_its_news_into_the_next_digest() throws Exception {
    subscribe("daily 12:00");
    clock.advance(Duration.ofHours(5));
    DigestRunner failing = runner((chat, group, digest) -> {
      throw new IOException("403 Forbidden: bot was blocked by the user");
    });

    for (int i = 0; i <= DigestSettings.defaults().maxAttempts(); i++) {
      failing.runDue();
      clock.advance(Duration.ofSeconds(30));
    }
    clock.advance(Duration.ofDays(1));
    runner(recording).runDue();

    assertThat(new ChatStore(db).delivery(1, Instant.parse("2025-10-20T12:00:00Z"))).get()
        .satisfies(d -> assertThat(d.state()).isEqualTo(ChatStore.FAILED));
    assertThat(sent).singleElement().satisfies(d -> assertThat(articles(d)).contains("open-wire"));
  }

  @Test
  void should_deliver_at_0800_in_the_chats_zone_across_the_october_dst_change() throws Exception {
    clock.advance(Duration.ofDays(4).plusHours(5));
    subscriptions(DigestSettings.defaults()).setZone(CHAT, "Europe/Kyiv");
    Subscription s = subscribe("daily 08:00");
    assertThat(s.nextDue()).isEqualTo(Instant.parse("2025-10-25T05:00:00Z"));

    clock.advance(Duration.between(clock.instant(), s.nextDue()));
    runner(recording).runDue();

    assertThat(new ChatStore(db).subscriptions(CHAT)).singleElement()
        .satisfies(x -> assertThat(x.nextDue()).isEqualTo(Instant.parse("2025-10-26T06:00:00Z")));
  }

  @Test
  void should_fold_digests_missed_while_down_into_one() throws Exception {
    subscribe("hourly");
    DigestRunner runner = runner(recording);

    clock.advance(Duration.ofDays(2).plusHours(6));
    runner.runDue();
    runner.runDue();

    assertThat(sent).singleElement().satisfies(d -> assertThat(articles(d)).contains("open-wire", "stall"));
    assertThat(new ChatStore(db).subscriptions(CHAT)).singleElement()
        .satisfies(x -> assertThat(x.nextDue()).isEqualTo(Instant.parse("2025-10-22T14:00:00Z")));
  }

  @Test
  void should_send_each_due_digest_once_when_two_instances_race_for_them() throws Exception {
    DigestSettings settings = DigestSettings.defaults().withSendEmpty(true);
    for (long chat = 100; chat < 130; chat++) {
      subscriptions(settings).subscribe(chat, false, TalksFixture.TOPIC, "daily 12:00");
    }
    clock.advance(Duration.ofHours(5));
    List<Long> delivered = Collections.synchronizedList(new ArrayList<>());
    DigestOutbox outbox = (chat, group, digest) -> delivered.add(chat);
    try (StateDb other = state.open();
         Instance a = Instance.join(db, Duration.ofSeconds(30), clock);
         Instance b = Instance.join(other, Duration.ofSeconds(30), clock)) {
      DigestRunner ra = new DigestRunner(herald.updates(), subscriptions(settings), StoryLookup.NONE, settings, outbox, clock, a);
      DigestRunner rb = new DigestRunner(herald.updates(),
          new Subscriptions(new ChatStore(other), settings, herald.updates()::topicKey, clock), StoryLookup.NONE, settings, outbox, clock, b);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService two = Executors.newFixedThreadPool(2, r -> new Thread(r, "test-instance"));
      Future<Integer> fa = two.submit(() -> {
        go.await();
        return ra.runDue() + ra.runDue();
      });
      Future<Integer> fb = two.submit(() -> {
        go.await();
        return rb.runDue() + rb.runDue();
      });
      go.countDown();
      int sent = fa.get() + fb.get();
      two.shutdown();

      assertThat(sent).isEqualTo(30);
      assertThat(delivered).hasSize(30).doesNotHaveDuplicates();
    }
  }
}
