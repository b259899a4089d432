package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Instances, leases and update claims on SQLite and PostgreSQL. */
class InstanceStoreTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path dir;

  static Stream<String> kinds() {
    return TestDatabases.kinds();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void should_claim_each_update_once_and_hand_a_dead_holders_open_updates_to_one_other(String kind) throws Exception {
    try (StateDb db = TestDatabases.target(kind, dir).open()) {
      InstanceStore store = new InstanceStore(db);
      store.heartbeat("a", "h", T);
      store.heartbeat("b", "h", T);

      assertThat(store.claimUpdate(7, 1, 100L, "p1", "a", T)).isTrue();
      assertThat(store.claimUpdate(7, 1, 100L, "p1", "b", T)).isFalse();
      // the same update id of another bot is another update
      assertThat(store.claimUpdate(8, 1, 100L, "q1", "b", T)).isTrue();
      assertThat(store.claimUpdate(7, 2, null, "p2", "a", T)).isTrue();
      store.updateDone(7, 2, T);
      assertThat(payloadOf(db, 7, 2)).as("an answered update's text is not kept").isEmpty();
      assertThat(payloadOf(db, 7, 1)).isEqualTo("p1");

      // a is alive: nothing to take
      assertThat(store.takeOrphans(7, "b", T, T.minusSeconds(10), 10)).isEmpty();
      // a went silent; b beats on: b takes update 1 (not 2, which a answered), and only once
      store.heartbeat("b", "h", T.plusSeconds(60));
      assertThat(store.takeOrphans(7, "b", T.plusSeconds(60), T.plusSeconds(50), 10))
          .containsExactly(new InstanceStore.OpenUpdate(1, "p1"));
      assertThat(store.takeOrphans(7, "b", T.plusSeconds(61), T.plusSeconds(51), 10)).isEmpty();
      assertThat(store.alive(T.plusSeconds(50))).containsExactly("b");

      store.purge(T.plusSeconds(1));
      assertThat(store.alive(T.minusSeconds(100))).containsExactly("b");
      assertThat(store.claimUpdate(7, 2, null, "p2", "b", T)).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void should_give_a_lease_to_one_instance_and_pass_it_on_when_its_holder_dies_or_leaves(String kind) throws Exception {
    try (StateDb db = TestDatabases.target(kind, dir).open()) {
      InstanceStore store = new InstanceStore(db);
      store.heartbeat("a", "h", T);
      store.heartbeat("b", "h", T);
      store.heartbeat("c", "h", T);

      assertThat(store.acquireLease("ingest", "a", T, T.minusSeconds(10))).isTrue();
      assertThat(store.acquireLease("ingest", "b", T, T.minusSeconds(10))).isFalse();
      assertThat(store.acquireLease("ingest", "a", T.plusSeconds(1), T.minusSeconds(9))).isTrue();

      store.heartbeat("b", "h", T.plusSeconds(30));
      store.heartbeat("c", "h", T.plusSeconds(30));
      assertThat(store.acquireLease("ingest", "b", T.plusSeconds(30), T.plusSeconds(20))).isTrue();
      assertThat(store.leaseHolder("ingest")).contains("b");

      store.leave("b");
      assertThat(store.acquireLease("ingest", "c", T.plusSeconds(31), T.plusSeconds(21))).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void should_let_exactly_one_of_many_racing_claimers_win_each_update(String kind) throws Exception {
    TestDatabases.Target target = TestDatabases.target(kind, dir);
    try (StateDb a = target.open()) {
      // two connections race as two processes would
      try (StateDb b = target.open()) {
        InstanceStore sa = new InstanceStore(a);
        InstanceStore sb = new InstanceStore(b);
        ConcurrentLinkedQueue<String> won = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        Thread ta = new Thread(() -> race(sa, "a", go, won));
        Thread tb = new Thread(() -> race(sb, "b", go, won));
        ta.start();
        tb.start();
        go.countDown();
        ta.join();
        tb.join();

        assertThat(won).hasSize(200);
        assertThat(won.stream().map(w -> w.substring(2)).distinct()).hasSize(200);
      }
    }
  }

  private static String payloadOf(StateDb db, long bot, long update) throws Exception {
    synchronized (db.lock()) {
      try (var ps = db.connection().prepareStatement("SELECT payload FROM update_claim WHERE bot_id=? AND update_id=?")) {
        ps.setLong(1, bot);
        ps.setLong(2, update);
        try (var rs = ps.executeQuery()) {
          rs.next();
          return rs.getString(1);
        }
      }
    }
  }

  private static void race(InstanceStore store, String holder, CountDownLatch go, ConcurrentLinkedQueue<String> won) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    for (long id = 1; id <= 200; id++) {
      if (store.claimUpdate(1, id, 1L, "p", holder, T)) {
        won.add(holder + ":" + id);
      }
    }
  }
}
