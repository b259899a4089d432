package dev.herald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What several bot instances sharing one {@link StateDb} agree on through it: which instances are alive
 * (a heartbeat per instance), who holds a named lease (the ingester), and which Telegram updates were
 * taken in and answered (one row per bot and update id, unique, so that an update is answered once).
 * A claim or lease held by an instance whose heartbeat is older than the caller's {@code staleBefore}
 * passes to the caller: that is how the work of a crashed instance is picked up.
 */
public final class InstanceStore {

  /** An update taken in but not answered, with what is needed to answer it elsewhere. */
  public record OpenUpdate(long updateId, String payload) {}

  private final StateDb db;

  /** Creates a store over an open database. */
  public InstanceStore(StateDb db) {
    this.db = db;
  }

  /** Records that instance {@code id} (on {@code host}) is alive at {@code now}, adding it if it is new. */
  public void heartbeat(String id, String host, Instant now) {
    update("""
        INSERT INTO instance(id, host, started, heartbeat) VALUES(?,?,?,?)
        ON CONFLICT(id) DO UPDATE SET heartbeat=excluded.heartbeat""", id, host, now.toEpochMilli(), now.toEpochMilli());
  }

  /** Removes instance {@code id}: it left cleanly, so what it held passes to the others at once. */
  public void leave(String id) {
    transaction(c -> {
      update(c, "DELETE FROM lease WHERE holder=?", id);
      update(c, "DELETE FROM instance WHERE id=?", id);
      return null;
    });
  }

  /** The ids of the instances whose heartbeat is no older than {@code staleBefore}, in id order. */
  public List<String> alive(Instant staleBefore) {
    return transaction(c -> {
      try (PreparedStatement ps = prepare(c, "SELECT id FROM instance WHERE heartbeat>=? ORDER BY id", staleBefore.toEpochMilli());
           ResultSet rs = ps.executeQuery()) {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
          out.add(rs.getString(1));
        }
        return out;
      }
    });
  }

  /**
   * Takes or keeps the lease {@code name} for {@code holder}: granted when nobody holds it, the holder
   * already does, or its holder's heartbeat is older than {@code staleBefore}. Returns whether
   * {@code holder} holds it now.
   */
  public boolean acquireLease(String name, String holder, Instant now, Instant staleBefore) {
    return transaction(c -> {
      update(c, """
          INSERT INTO lease(name, holder, expires) VALUES(?,?,?)
          ON CONFLICT(name) DO UPDATE SET holder=excluded.holder, expires=excluded.expires
          WHERE lease.holder=excluded.holder
             OR NOT EXISTS (SELECT 1 FROM instance i WHERE i.id=lease.holder AND i.heartbeat>=?)""",
          name, holder, now.toEpochMilli(), staleBefore.toEpochMilli());
      return one(c, "SELECT holder FROM lease WHERE name=?", name).map(holder::equals).orElse(false);
    });
  }

  /** Who holds the lease {@code name}, if anyone. */
  public Optional<String> leaseHolder(String name) {
    return transaction(c -> one(c, "SELECT holder FROM lease WHERE name=?", name));
  }

  /**
   * Claims update {@code updateId} of bot {@code botId} for {@code holder}; false when any instance
   * claimed it before (answered, being answered, or left to be picked up from a dead holder).
   */
  public boolean claimUpdate(long botId, long updateId, Long chatId, String payload, String holder, Instant now) {
    return update("""
        INSERT INTO update_claim(bot_id, update_id, chat_id, payload, holder, claimed) VALUES(?,?,?,?,?,?)
        ON CONFLICT DO NOTHING""", botId, updateId, chatId, payload, holder, now.toEpochMilli()) == 1;
  }

  /** Marks an update answered and drops its payload: what the user wrote is kept only while it is being answered. */
  public void updateDone(long botId, long updateId, Instant now) {
    update("UPDATE update_claim SET done=?, payload='' WHERE bot_id=? AND update_id=?", now.toEpochMilli(), botId, updateId);
  }

  /**
   * Takes over at most {@code max} updates of bot {@code botId} that were claimed but not answered by
   * instances whose heartbeat is older than {@code staleBefore}; each is moved to {@code holder} by a
   * conditional update, so two instances never take the same one. Oldest first.
   */
  public List<OpenUpdate> takeOrphans(long botId, String holder, Instant now, Instant staleBefore, int max) {
    return transaction(c -> {
      record Candidate(long updateId, String payload, String holder) {}
      List<Candidate> candidates = new ArrayList<>();
      try (PreparedStatement ps = prepare(c, """
          SELECT update_id, payload, holder FROM update_claim u
          WHERE bot_id=? AND done IS NULL AND holder<>?
            AND NOT EXISTS (SELECT 1 FROM instance i WHERE i.id=u.holder AND i.heartbeat>=?)
          ORDER BY claimed, update_id LIMIT ?""", botId, holder, staleBefore.toEpochMilli(), max);
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          candidates.add(new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
      }
      List<OpenUpdate> taken = new ArrayList<>();
      for (Candidate o : candidates) {
        // Only if nobody took it since the read: the holder it had must still be the one found.
        if (update(c, "UPDATE update_claim SET holder=?, claimed=? WHERE bot_id=? AND update_id=? AND holder=? AND done IS NULL",
            holder, now.toEpochMilli(), botId, o.updateId(), o.holder()) == 1) {
          taken.add(new OpenUpdate(o.updateId(), o.payload()));
        }
      }
      return taken;
    });
  }

  /**
   * Deletes update claims answered or taken before {@code before} (an update that old is not delivered
   * again, and answering it now would be pointless) and instances silent since then.
   */
  public void purge(Instant before) {
    transaction(c -> {
      update(c, "DELETE FROM update_claim WHERE done<? OR claimed<?", before.toEpochMilli(), before.toEpochMilli());
      update(c, "DELETE FROM instance WHERE heartbeat<?", before.toEpochMilli());
      return null;
    });
  }

  /** Work on the connection that either completes or leaves the database as it was. */
  private <T> T transaction(StateDb.Work<T> work) {
    return db.transaction("instance state update", work);
  }

  private int update(String sql, Object... args) {
    return transaction(c -> update(c, sql, args));
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args)) {
      return ps.executeUpdate();
    }
  }

  private static Optional<String> one(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
    return ps;
  }
}
