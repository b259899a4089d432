package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat state in the state database: upgrades in place, expires on time. */
class ChatStoreTest {

  private static final Instant T = Instant.parse("2025-10-20T12:00:00Z");

  @TempDir Path dir;

  @Test
  void should_add_the_chat_tables_to_a_version_1_database_keeping_its_ingest_data() throws Exception {
    Path file = dir.resolve("herald.db");
    try (StateDb db = StateDb.open(file)) {
      new IngestStore(db).recordSuccess("http://x/feed", null, null, T, T.plusSeconds(60), 2);
      // Turn it back into the schema an earlier release left behind.
      try (Statement s = db.connection().createStatement()) {
        for (String t : List.of("chat_settings", "chat_memory", "topic_asked", "subscription", "delivery", "user_tokens", "rate_bucket")) {
          s.execute("DROP TABLE " + t);
        }
        s.execute("DELETE FROM schema_version WHERE version>=2");
      }
      assertThat(db.schemaVersion()).isEqualTo(1);
    }

    try (StateDb db = StateDb.open(file)) {
      ChatStore chats = new ChatStore(db);
      chats.setZone(9, "Europe/Kyiv", T);

      assertThat(db.schemaVersion()).isEqualTo(3);
      assertThat(new IngestStore(db).sourceState("http://x/feed")).get().satisfies(s -> assertThat(s.items()).isEqualTo(2));
      assertThat(chats.zone(9)).contains("Europe/Kyiv");
    }
  }

  @Test
  void should_purge_expired_memory_topics_and_delivery_log_but_keep_settings_and_subscriptions() throws Exception {
    try (StateDb db = StateDb.open(dir.resolve("herald.db"))) {
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
}
