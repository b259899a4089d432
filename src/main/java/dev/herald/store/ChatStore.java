package dev.herald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes what the bot keeps about chats in the {@link StateDb}: time zones, conversation
 * memory, when a topic was last asked about, digest subscriptions and the digest delivery log.
 */
public final class ChatStore {

  /** Delivery state of a digest being sent (or whose sender died before marking it). */
  public static final String CLAIMED = "claimed";
  /** Delivery state of a digest that was sent. */
  public static final String SENT = "sent";
  /** Delivery state of a digest left out because nothing was new. */
  public static final String SKIPPED = "skipped";
  /** Delivery state of a digest given up after repeated send failures. */
  public static final String FAILED = "failed";

  /** The holder name of claims made by the only process using a database (SQLite). */
  public static final String LOCAL = "local";

  private static final List<String> CHAT_TABLES =
      List.of("chat_settings", "chat_memory", "topic_asked", "subscription", "delivery", "user_tokens", "rate_bucket");

  /**
   * Remembered content words of a chat's previous question.
   *
   * @param words the words, oldest first
   * @param at when the question was asked
   */
  public record Remembered(List<String> words, Instant at) {}

  private final StateDb db;

  /** Creates a store over an open database. */
  public ChatStore(StateDb db) {
    this.db = db;
  }

  /** The chat's IANA time zone name, if it set one. */
  public Optional<String> zone(long chat) {
    return one("SELECT zone FROM chat_settings WHERE chat_id=?", rs -> rs.getString(1), chat);
  }

  /** Sets the chat's time zone. */
  public void setZone(long chat, String zone, Instant now) {
    update("INSERT INTO chat_settings VALUES(?,?,?) ON CONFLICT(chat_id) DO UPDATE SET zone=excluded.zone, updated=excluded.updated",
        chat, zone, now.toEpochMilli());
  }

  /** The chat's previous question's words, if remembered. */
  public Optional<Remembered> memory(long chat) {
    return one("SELECT words, at FROM chat_memory WHERE chat_id=?",
        rs -> new Remembered(Arrays.asList(rs.getString(1).split(" ")), Instant.ofEpochMilli(rs.getLong(2))), chat);
  }

  /** Forgets the chat's previous question. */
  public void forgetMemory(long chat) {
    update("DELETE FROM chat_memory WHERE chat_id=?", chat);
  }

  /** Remembers the words of the chat's latest question, replacing the previous ones. */
  public void remember(long chat, List<String> words, Instant at) {
    update("INSERT INTO chat_memory VALUES(?,?,?) ON CONFLICT(chat_id) DO UPDATE SET words=excluded.words, at=excluded.at", chat, String.join(" ", words), at.toEpochMilli());
  }

  /** A user's question-rate bucket: tokens left and when they were counted. */
  public record Bucket(double tokens, Instant at) {}

  /** The user's stored question-rate bucket, if any. */
  public Optional<Bucket> bucket(long user) {
    return one("SELECT tokens, at FROM rate_bucket WHERE user_id=?",
        rs -> new Bucket(rs.getDouble(1), Instant.ofEpochMilli(rs.getLong(2))), user);
  }

  /** Stores the user's question-rate bucket, counted in {@code chat} (so that /forget there removes it). */
  public void saveBucket(long user, long chat, Bucket b) {
    update("""
        INSERT INTO rate_bucket VALUES(?,?,?,?)
        ON CONFLICT(user_id) DO UPDATE SET chat_id=excluded.chat_id, tokens=excluded.tokens, at=excluded.at""", user, chat, b.tokens(), b.at().toEpochMilli());
  }

  /** Model tokens {@code user} used on {@code day} (an ISO date), over all chats. */
  public long tokensUsed(long user, String day) {
    return one("SELECT COALESCE(SUM(tokens), 0) FROM user_tokens WHERE user_id=? AND day=?", rs -> rs.getLong(1), user, day)
        .orElse(0L);
  }

  /** Adds {@code tokens} to what {@code user} used in {@code chat} on {@code day}. */
  public void addTokens(long user, long chat, String day, long tokens) {
    update("INSERT INTO user_tokens VALUES(?,?,?,?) ON CONFLICT(user_id, chat_id, day) DO UPDATE SET tokens=user_tokens.tokens+excluded.tokens",
        user, chat, day, tokens);
  }

  /** When the chat last asked for updates on a topic (by its normalised key), if it did. */
  public Optional<Instant> lastAsked(long chat, String topicKey) {
    return one("SELECT at FROM topic_asked WHERE chat_id=? AND topic_key=?", rs -> Instant.ofEpochMilli(rs.getLong(1)), chat, topicKey);
  }

  /** Records that the chat asked for updates on a topic. */
  public void asked(long chat, String topicKey, Instant at) {
    update("INSERT INTO topic_asked VALUES(?,?,?) ON CONFLICT(chat_id, topic_key) DO UPDATE SET at=excluded.at", chat, topicKey, at.toEpochMilli());
  }

  /**
   * Subscribes the chat to a topic, or changes the schedule of its existing subscription (which keeps
   * what earlier digests covered); returns the subscription.
   */
  public Subscription subscribe(long chat, boolean group, String topic, String topicKey, String schedule, Instant coveredUntil,
      Instant nextDue, Instant now) {
    update("""
        INSERT INTO subscription(chat_id, grp, topic, topic_key, schedule, covered_until, next_due, created)
        VALUES(?,?,?,?,?,?,?,?)
        ON CONFLICT(chat_id, topic_key) DO UPDATE SET schedule=excluded.schedule, next_due=excluded.next_due,
          topic=excluded.topic, grp=excluded.grp""",
        chat, group ? 1 : 0, topic, topicKey, schedule, coveredUntil.toEpochMilli(), nextDue.toEpochMilli(), now.toEpochMilli());
    return subscriptions("SELECT * FROM subscription WHERE chat_id=? AND topic_key=?", chat, topicKey).get(0);
  }

  /** Removes the chat's subscription to a topic and its delivery log; returns whether there was one. */
  public boolean unsubscribe(long chat, String topicKey) {
    return transaction(c -> {
      update(c, "DELETE FROM delivery WHERE subscription_id IN (SELECT id FROM subscription WHERE chat_id=? AND topic_key=?)",
          chat, topicKey);
      return update(c, "DELETE FROM subscription WHERE chat_id=? AND topic_key=?", chat, topicKey) > 0;
    });
  }

  /** The chat's subscriptions, oldest first. */
  public List<Subscription> subscriptions(long chat) {
    return subscriptions("SELECT * FROM subscription WHERE chat_id=? ORDER BY id", chat);
  }

  /** The subscription with this id, if it still exists. */
  public Optional<Subscription> subscription(long id) {
    List<Subscription> l = subscriptions("SELECT * FROM subscription WHERE id=?", id);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** Every subscription due at {@code now}, earliest due first. */
  public List<Subscription> due(Instant now) {
    return subscriptions("SELECT * FROM subscription WHERE next_due<=? ORDER BY next_due, id", now.toEpochMilli());
  }

  /** Moves a subscription's next due time (after a schedule or time zone change). */
  public void reschedule(long id, Instant nextDue) {
    update("UPDATE subscription SET next_due=? WHERE id=?", nextDue.toEpochMilli(), id);
  }

  /**
   * Claims the digest of {@code s} due at its next due time before sending it, for a single process: as
   * {@link #claim(Subscription, Instant, String, Instant)} by the one holder there is.
   */
  public Delivery claim(Subscription s, Instant now) {
    return claim(s, now, LOCAL, now).orElseThrow();
  }

  /**
   * Claims the digest of {@code s} due at its next due time for {@code holder} before sending it: the
   * first claim fixes its as-of moment at {@code now}; every claim counts an attempt. Returns the log row
   * as it now stands (a finished row means the digest was already dealt with and must not be sent again),
   * or empty when another instance holds the claim and its heartbeat is no older than {@code staleBefore}.
   * A claim whose holder stopped beating passes to the next instance that asks, so a digest whose sender
   * died is sent by another.
   */
  public Optional<Delivery> claim(Subscription s, Instant now, String holder, Instant staleBefore) {
    return Optional.ofNullable(transaction(c -> {
      update(c, """
          INSERT INTO delivery(subscription_id, chat_id, due, state, as_of, attempts, claimed, holder) VALUES(?,?,?,?,?,0,?,?)
          ON CONFLICT DO NOTHING""",
          s.id(), s.chatId(), s.nextDue().toEpochMilli(), CLAIMED, now.toEpochMilli(), now.toEpochMilli(), holder);
      int taken = update(c, """
          UPDATE delivery SET attempts=attempts+1, holder=?, claimed=?
          WHERE subscription_id=? AND due=? AND state=?
            AND (holder IS NULL OR holder=? OR NOT EXISTS (
              SELECT 1 FROM instance i WHERE i.id=delivery.holder AND i.heartbeat>=?))""",
          holder, now.toEpochMilli(), s.id(), s.nextDue().toEpochMilli(), CLAIMED, holder, staleBefore.toEpochMilli());
      Delivery d = delivery(c, s.id(), s.nextDue());
      return taken == 0 && d != null && !d.finished() ? null : d;
    }));
  }

  /** The delivery log row of a subscription's digest due at {@code due}, if any. */
  public Optional<Delivery> delivery(long subscriptionId, Instant due) {
    return Optional.ofNullable(transaction(c -> delivery(c, subscriptionId, due)));
  }

  /**
   * Marks a claimed digest finished ({@link #SENT}, {@link #SKIPPED} or {@link #FAILED}) and moves the
   * subscription on, in one transaction: {@code coveredUntil} is where the next digest starts (unchanged
   * when nothing was delivered), {@code nextDue} when it is due.
   */
  public void finish(Subscription s, String state, int items, Instant coveredUntil, Instant nextDue, Instant now) {
    transaction(c -> {
      update(c, "UPDATE delivery SET state=?, items=?, finished=? WHERE subscription_id=? AND due=?",
          state, items, now.toEpochMilli(), s.id(), s.nextDue().toEpochMilli());
      update(c, "UPDATE subscription SET covered_until=?, next_due=? WHERE id=?",
          coveredUntil.toEpochMilli(), nextDue.toEpochMilli(), s.id());
      return null;
    });
  }

  /** Deletes everything stored about a chat, in one transaction; returns how many rows went. */
  public int forget(long chat) {
    return transaction(c -> {
      int n = 0;
      for (String table : CHAT_TABLES) {
        n += update(c, "DELETE FROM " + table + " WHERE chat_id=?", chat);
      }
      // The record of which updates were answered must stay (or a redelivery would be answered again),
      // but what the chat wrote goes.
      n += update(c, "UPDATE update_claim SET payload='', chat_id=NULL WHERE chat_id=?", chat);
      return n;
    });
  }

  /** Counts the rows stored about a chat over every table that has a {@code chat_id} column. */
  public int rowsAbout(long chat) {
    return transaction(c -> {
      List<String> tables = new ArrayList<>();
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery(db.dialect() == StateDb.Dialect.SQLITE
               ? "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type='table' AND p.name='chat_id'"
               : "SELECT table_name FROM information_schema.columns WHERE table_schema=current_schema() AND column_name='chat_id'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      int n = 0;
      for (String t : tables) {
        n += one(c, "SELECT COUNT(*) FROM " + t + " WHERE chat_id=?", rs -> rs.getInt(1), chat).orElse(0);
      }
      return n;
    });
  }

  /**
   * Deletes expired state: conversation memory from before {@code memoryBefore}, topic-asked times from
   * before {@code topicsBefore} and delivery log rows from before {@code deliveriesBefore}.
   */
  public void purge(Instant memoryBefore, Instant topicsBefore, Instant deliveriesBefore) {
    transaction(c -> {
      update(c, "DELETE FROM chat_memory WHERE at<?", memoryBefore.toEpochMilli());
      update(c, "DELETE FROM topic_asked WHERE at<?", topicsBefore.toEpochMilli());
      // a bucket untouched for as long as memory lasts is full again anyway
      update(c, "DELETE FROM rate_bucket WHERE at<?", memoryBefore.toEpochMilli());
      // token counts matter for one day only
      update(c, "DELETE FROM user_tokens WHERE day<?", LocalDate.ofInstant(memoryBefore, ZoneOffset.UTC).minusDays(1).toString());
      // A claim never finished (its subscription was re-planned meanwhile) ages out like a finished row.
      update(c, "DELETE FROM delivery WHERE COALESCE(finished, claimed)<?", deliveriesBefore.toEpochMilli());
      return null;
    });
  }

  private Delivery delivery(Connection c, long subscriptionId, Instant due) throws SQLException {
    return one(c, "SELECT state, as_of, attempts FROM delivery WHERE subscription_id=? AND due=?",
        rs -> new Delivery(subscriptionId, due, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getInt(3)),
        subscriptionId, due.toEpochMilli()).orElse(null);
  }

  private List<Subscription> subscriptions(String sql, Object... args) {
    return transaction(c -> {
      try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
        List<Subscription> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Subscription(rs.getLong("id"), rs.getLong("chat_id"), rs.getInt("grp") == 1, rs.getString("topic"),
              rs.getString("schedule"), Instant.ofEpochMilli(rs.getLong("covered_until")),
              Instant.ofEpochMilli(rs.getLong("next_due")), Instant.ofEpochMilli(rs.getLong("created"))));
        }
        return out;
      }
    });
  }

  /** Work on the connection that either completes or leaves the database as it was. */
  /** A reader of one result row. */
  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> T transaction(StateDb.Work<T> work) {
    return db.transaction("chat state update", work);
  }

  private int update(String sql, Object... args) {
    return transaction(c -> update(c, sql, args));
  }

  private <T> Optional<T> one(String sql, Row<T> row, Object... args) {
    return transaction(c -> one(c, sql, row, args));
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args)) {
      return ps.executeUpdate();
    }
  }

  private static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
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
