package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The state database on SQLite and PostgreSQL: one migration history, data kept across reopening. */
class StateDbTest {

  private static final int NEWEST = 4;

  @TempDir Path dir;

  static java.util.stream.Stream<String> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void should_migrate_a_new_database_once_and_keep_its_data_on_reopen(String kind) throws Exception {
    TestDatabases.Target target = TestDatabases.target(kind, dir);
    Instant t = Instant.parse("2025-11-01T00:00:00Z");
    try (StateDb db = target.open()) {
      assertThat(db.schemaVersion()).isEqualTo(NEWEST);
      IngestStore store = new IngestStore(db);
      store.recordSuccess("http://x/feed", "\"e\"", "Sat, 01 Nov 2025 00:00:00 GMT", t, t.plusSeconds(900), 3);
      store.saveBatch("http://x/feed", List.of(new StoredArticle("http://x/a", "id-a", "id-a", "X", "A", "en", t, t, 42L, true)),
          List.of("guid-a"), t);
      // the same batch again (a retried pass) changes nothing
      store.saveBatch("http://x/feed", List.of(new StoredArticle("http://x/a", "id-a", "id-a", "X", "A", "en", t, t, 42L, true)),
          List.of("guid-a"), t);
      store.addSource(new AddedSource("http://y/feed", "feed", null, null, null, false, "admin", t));
      store.addSource(new AddedSource("http://y/feed", "feed", "Y", "en", 30, true, "opml", t.plusSeconds(1)));
      store.markFileSeen("/in/a.md", 5, 6);
      store.markFileSeen("/in/a.md", 7, 8);
    }

    try (StateDb db = target.open()) {
      IngestStore store = new IngestStore(db);

      assertThat(db.schemaVersion()).isEqualTo(NEWEST);
      assertThat(store.sourceState("http://x/feed")).get()
          .satisfies(s -> {
            assertThat(s.etag()).isEqualTo("\"e\"");
            assertThat(s.items()).isEqualTo(3);
            assertThat(s.nextAttempt()).isEqualTo(t.plusSeconds(900));
          });
      assertThat(store.isSeen("http://x/feed", "guid-a")).isTrue();
      assertThat(store.articleByUrl("http://x/a")).isPresent();
      assertThat(store.fingerprints()).containsExactly(new IngestStore.Fingerprint("id-a", 42L));
      assertThat(store.addedSources()).singleElement().satisfies(a -> {
        assertThat(a.outlet()).isEqualTo("Y");
        assertThat(a.intervalMinutes()).isEqualTo(30);
        assertThat(a.trusted()).isTrue();
      });
      assertThat(store.isFileSeen("/in/a.md", 7, 8)).isTrue();
      assertThat(store.isFileSeen("/in/a.md", 5, 6)).isFalse();
      assertThat(store.storyOf("id-a")).get().satisfies(s -> assertThat(s.outlets()).containsExactly("X"));
      assertThat(db.problem()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void should_count_consecutive_failures_and_reset_them_on_success(String kind) throws Exception {
    Instant t = Instant.parse("2025-11-01T00:00:00Z");
    try (StateDb db = TestDatabases.target(kind, dir).open()) {
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

  @Test
  void should_baseline_a_file_of_the_earlier_release_and_upgrade_it_keeping_every_row() throws Exception {
    Path file = dir.resolve("herald.db");
    LegacyStateFile.write(file, 3,
        "INSERT INTO source_state(url, items, consecutive_failures) VALUES('http://x/feed', 7, 0)",
        "INSERT INTO seen_item VALUES('http://x/feed', 'guid-1', 1)",
        "INSERT INTO chat_settings VALUES(9, 'Europe/Kyiv', 1)",
        "INSERT INTO subscription(chat_id, grp, topic, topic_key, schedule, covered_until, next_due, created)"
            + " VALUES(9, 0, 'talks', 'talk', 'hourly', 0, 3600000, 0)",
        "INSERT INTO delivery VALUES(1, 9, 3600000, 'claimed', 3600000, 1, 3600000, NULL, NULL)",
        "INSERT INTO rate_bucket VALUES(5, 9, 2.5, 1)");

    try (StateDb db = StateDb.open(file)) {
      ChatStore chats = new ChatStore(db);

      assertThat(db.schemaVersion()).isEqualTo(NEWEST);
      assertThat(new IngestStore(db).sourceState("http://x/feed")).get().satisfies(s -> assertThat(s.items()).isEqualTo(7));
      assertThat(new IngestStore(db).isSeen("http://x/feed", "guid-1")).isTrue();
      assertThat(chats.zone(9)).contains("Europe/Kyiv");
      assertThat(chats.bucket(5)).get().satisfies(b -> assertThat(b.tokens()).isEqualTo(2.5));
      Subscription s = chats.subscriptions(9).get(0);
      // the claim left by the earlier release has no holder: it is this process's to finish
      assertThat(chats.claim(s, Instant.ofEpochMilli(3_700_000)).attempts()).isEqualTo(2);
      // the new subscription ids continue after the old ones
      assertThat(chats.subscribe(9, false, "rates", "rate", "hourly", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH).id())
          .isEqualTo(2);
    }
    // and a second open finds nothing left to do
    try (StateDb db = StateDb.open(file)) {
      assertThat(db.schemaVersion()).isEqualTo(NEWEST);
      assertThat(new ChatStore(db).zone(9)).contains("Europe/Kyiv");
    }
  }

  @Test
  void should_open_a_sqlite_url_relative_to_the_data_folder_and_the_default_file_without_one() throws Exception {
    try (StateDb db = StateDb.open("jdbc:sqlite:state/other.db", dir, null)) {
      assertThat(db.shared()).isFalse();
      assertThat(db.describe()).isEqualTo(dir.resolve("state/other.db").toAbsolutePath().toString());
    }
    try (StateDb db = StateDb.open(null, dir, null)) {
      assertThat(db.describe()).isEqualTo(dir.resolve("herald.db").toAbsolutePath().toString());
    }
    assertThat(new StateSettings("jdbc:sqlite:state/other.db", null, java.time.Duration.ofSeconds(30)).exists(dir)).isTrue();
    assertThat(StateSettings.defaults().exists(dir.resolve("nowhere"))).isFalse();
  }

  @Test
  void should_refuse_a_state_url_of_another_database_naming_it_without_its_password() {
    assertThatThrownBy(() -> StateDb.open("jdbc:mysql://db/herald?user=h&password=hunter2", dir, null))
        .hasMessageContaining("jdbc:postgresql:")
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void should_report_an_unreachable_postgresql_without_its_password() {
    assertThatThrownBy(() -> StateDb.open("jdbc:postgresql://127.0.0.1:1/herald?user=h&password=hunter2&connectTimeout=2", dir, null))
        .hasMessageContaining("cannot open state database jdbc:postgresql://127.0.0.1:1/herald")
        .hasMessageNotContaining("hunter2");
  }
}
