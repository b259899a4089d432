package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDbTest {

  @TempDir Path dir;

  @Test
  void should_migrate_a_new_database_once_and_keep_its_data_on_reopen() throws Exception {
    Path file = dir.resolve("data/herald.db");
    Instant t = Instant.parse("2025-11-01T00:00:00Z");
    try (StateDb db = StateDb.open(file)) {
      assertThat(db.schemaVersion()).isEqualTo(3);
      IngestStore store = new IngestStore(db);
      store.recordSuccess("http://x/feed", "\"e\"", "Sat, 01 Nov 2025 00:00:00 GMT", t, t.plusSeconds(900), 3);
      store.saveBatch("http://x/feed", List.of(new StoredArticle("http://x/a", "id-a", "id-a", "X", "A", "en", t, t, 42L, true)),
          List.of("guid-a"), t);
    }

    try (StateDb db = StateDb.open(file)) {
      IngestStore store = new IngestStore(db);

      assertThat(db.schemaVersion()).isEqualTo(3);
      assertThat(store.sourceState("http://x/feed")).get()
          .satisfies(s -> {
            assertThat(s.etag()).isEqualTo("\"e\"");
            assertThat(s.items()).isEqualTo(3);
            assertThat(s.nextAttempt()).isEqualTo(t.plusSeconds(900));
          });
      assertThat(store.isSeen("http://x/feed", "guid-a")).isTrue();
      assertThat(store.articleByUrl("http://x/a")).isPresent();
      assertThat(store.fingerprints()).containsExactly(new IngestStore.Fingerprint("id-a", 42L));
    }
  }

  @Test
  void should_count_consecutive_failures_and_reset_them_on_success() throws Exception {
    Instant t = Instant.parse("2025-11-01T00:00:00Z");
    try (StateDb db = StateDb.open(dir.resolve("herald.db"))) {
      IngestStore store = new IngestStore(db);

      assertThat(store.recordFailure("u", "HTTP 500", t, t.plusSeconds(60))).isEqualTo(1);
      assertThat(store.recordFailure("u", "HTTP 502", t, t.plusSeconds(120))).isEqualTo(2);
      store.recordSuccess("u", null, null, t, t.plusSeconds(900), 0);

      assertThat(store.sourceState("u")).get().satisfies(s -> {
        assertThat(s.consecutiveFailures()).isZero();
        assertThat(s.lastError()).isNull();
        assertThat(s.lastSuccess()).isEqualTo(t);
      });
    }
  }
}
