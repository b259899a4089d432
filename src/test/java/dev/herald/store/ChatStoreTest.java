package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Chat state in the state database: upgrades in place, expires on time. */
class ChatStoreTest {

  private static final Instant T = Instant.parse("2025-10-20T12:00:00Z");

  @TempDir Path dir;

  static java.util.stream.Stream<String> kinds() {
    return TestDatabases.kinds();
  }

  @Test
  void should_add_the_chat_tables_to_a_version_1_database_keeping_its_ingest_data() throws Exception {
    Path file = dir.resolve("herald.db");
    LegacyStateFile.write(file, 1, "INSERT INTO source_state(url, items, consecutive_failures) VALUES('http://x/feed', 2, 0)");

    try (StateDb db = StateDb.open(file)) {
      ChatStore chats = new ChatStore(db);
      chats.setZone(9, "Europe/Kyiv", T);

      assertThat(db.schemaVersion()).isEqualTo(4);
      assertThat(new IngestStore(db).sourceState("http://x/feed")).get().satisfies(s -> assertThat(s.items()).isEqualTo(2));
      assertThat(chats.zone(9)).contains("Europe/Kyiv");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void should_purge_expired_memory_topics_and_delivery_log_but_keep_settings_and_subscriptions(String kind) throws Exception {
    try (StateDb db = TestDatabases.target(kind, dir).open()) {
      ChatStore chats = new ChatStore(db);
      chats.setZone(9, "UTC", T);
      chats.remember(9, List.of("Geneva", "talks"), T);
      chats.asked(9, "talk", T);
      Subscription s = chats.subscribe(9, false, "talks", "talk", "hourly", T, T.plusSeconds(3600), T);
      chats.claim(s, T.plusSeconds(3600));
      chats.finish(s, ChatStore.SENT, 1, T.plusSeconds(3600), T.plusSeconds(7200), T.plusSeconds(3600));
      Instant later = T.plus(Duration.ofDays(40));

      chats.purge(later.minus(Duration.ofMinutes(10)), later.minus(Duration.ofDays(30)), later.minus(Duration.ofDays(30)));

      assertThat(chats.memory(9)).isEmpty();
      assertThat(chats.lastAsked(9, "talk")).isEmpty();
      assertThat(chats.delivery(s.id(), T.plusSeconds(3600))).isEmpty();
      assertThat(chats.zone(9)).contains("UTC");
      assertThat(chats.subscriptions(9)).hasSize(1);
      assertThat(chats.rowsAbout(9)).isEqualTo(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void should_keep_every_kind_of_chat_state_and_forget_a_chat_everywhere(String kind) throws Exception {
    try (StateDb db = TestDatabases.target(kind, dir).open()) {
      ChatStore chats = new ChatStore(db);
      InstanceStore instances = new InstanceStore(db);
      for (long chat : List.of(9L, 10L)) {
        chats.setZone(chat, "UTC", T);
        chats.setZone(chat, "Europe/Kyiv", T.plusSeconds(1));
        chats.remember(chat, List.of("Geneva"), T);
        chats.remember(chat, List.of("Geneva", "talks"), T.plusSeconds(2));
        chats.asked(chat, "talk", T);
        chats.asked(chat, "talk", T.plusSeconds(3));
        chats.saveBucket(chat + 100, chat, new ChatStore.Bucket(1.5, T));
        chats.saveBucket(chat + 100, chat, new ChatStore.Bucket(0.25, T.plusSeconds(4)));
        chats.addTokens(chat + 100, chat, "2025-10-20", 300);
        chats.addTokens(chat + 100, chat, "2025-10-20", 200);
        Subscription s = chats.subscribe(chat, false, "talks", "talk", "hourly", T, T.plusSeconds(3600), T);
        chats.claim(s, T.plusSeconds(3600));
        instances.claimUpdate(1, chat, chat, "{\"text\":\"secret question\"}", "a", T);
      }

      assertThat(chats.zone(9)).contains("Europe/Kyiv");
      assertThat(chats.memory(9)).get().satisfies(m -> assertThat(m.words()).containsExactly("Geneva", "talks"));
      assertThat(chats.lastAsked(9, "talk")).contains(T.plusSeconds(3));
      assertThat(chats.bucket(109)).get().satisfies(b -> assertThat(b.tokens()).isEqualTo(0.25));
      assertThat(chats.tokensUsed(109, "2025-10-20")).isEqualTo(500);
      assertThat(chats.due(T.plusSeconds(3600))).hasSize(2);
      // chat_settings, chat_memory, topic_asked, rate_bucket, user_tokens, subscription, delivery, update_claim
      assertThat(chats.rowsAbout(9)).isEqualTo(8);

      int gone = chats.forget(9);

      assertThat(gone).isEqualTo(8);
      assertThat(chats.rowsAbout(9)).isZero();
      assertThat(chats.zone(9)).isEmpty();
      assertThat(chats.subscriptions(9)).isEmpty();
      assertThat(chats.tokensUsed(109, "2025-10-20")).isZero();
      // the update stays claimed (a redelivery is not answered again) but holds nothing the chat wrote
      assertThat(instances.claimUpdate(1, 9, 9L, "again", "b", T)).isFalse();
      assertThat(chats.rowsAbout(10)).isEqualTo(8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void should_let_one_holder_send_a_digest_until_its_heartbeat_stops(String kind) throws Exception {
    try (StateDb db = TestDatabases.target(kind, dir).open()) {
      ChatStore chats = new ChatStore(db);
      InstanceStore instances = new InstanceStore(db);
      Subscription s = chats.subscribe(9, false, "talks", "talk", "hourly", T, T.plusSeconds(3600), T);
      Instant due = T.plusSeconds(3600);
      instances.heartbeat("a", "host", due);
      instances.heartbeat("b", "host", due);

      assertThat(chats.claim(s, due, "a", due.minusSeconds(10))).get().satisfies(d -> assertThat(d.attempts()).isEqualTo(1));
      // b finds a alive: not b's to send
      assertThat(chats.claim(s, due.plusSeconds(5), "b", due.minusSeconds(5))).isEmpty();
      // a, asking again, keeps it
      assertThat(chats.claim(s, due.plusSeconds(5), "a", due.minusSeconds(5))).get()
          .satisfies(d -> assertThat(d.attempts()).isEqualTo(2));
      // a stops beating: after the timeout b takes the claim, with the as-of moment a fixed
      instances.heartbeat("b", "host", due.plusSeconds(30));
      assertThat(chats.claim(s, due.plusSeconds(30), "b", due.plusSeconds(20))).get().satisfies(d -> {
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.asOf()).isEqualTo(due);
      });
      assertThat(chats.claim(s, due.plusSeconds(31), "a", due.plusSeconds(21))).isEmpty();
      chats.finish(s, ChatStore.SENT, 1, due, due.plusSeconds(3600), due.plusSeconds(31));
      // a finished digest is reported as such to anyone, and never claimed again
      assertThat(chats.claim(s, due.plusSeconds(40), "a", due.plusSeconds(30))).get().satisfies(d -> assertThat(d.finished()).isTrue());
    }
  }
}
