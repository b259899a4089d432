package dev.herald.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Herald's embedded SQLite state database ({@code data/herald.db}), brought to the newest schema by
 * plain versioned migrations when opened. One connection is shared; callers serialise on {@link #lock()}.
 */
public final class StateDb implements Closeable {

  /** One schema step: applied once, in version order, inside a transaction. */
  record Migration(int version, String description, List<String> statements) {}

  // Append only: a released migration is never edited, so every database reaches the same schema.
  private static final List<Migration> MIGRATIONS = List.of(
      new Migration(1, "ingest state", List.of(
          """
          CREATE TABLE source_state(
            url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT,
            last_attempt INTEGER, last_success INTEGER,
            consecutive_failures INTEGER NOT NULL DEFAULT 0, last_error TEXT,
            next_attempt INTEGER, items INTEGER NOT NULL DEFAULT 0)""",
          """
          CREATE TABLE seen_item(
            source_url TEXT NOT NULL, item_key TEXT NOT NULL, first_seen INTEGER NOT NULL,
            PRIMARY KEY(source_url, item_key))""",
          """
          CREATE TABLE article(
            canonical_url TEXT PRIMARY KEY, article_id TEXT NOT NULL, story_id TEXT NOT NULL,
            outlet TEXT NOT NULL, title TEXT, language TEXT, published INTEGER NOT NULL,
            first_seen INTEGER NOT NULL, simhash INTEGER NOT NULL, indexed INTEGER NOT NULL)""",
          "CREATE INDEX article_story ON article(story_id)",
          "CREATE INDEX article_id ON article(article_id)",
          """
          CREATE TABLE added_source(
            url TEXT PRIMARY KEY, kind TEXT NOT NULL, outlet TEXT, language TEXT,
            interval_minutes INTEGER, trusted INTEGER NOT NULL, added_by TEXT, added_at INTEGER NOT NULL)""",
          """
          CREATE TABLE seen_file(path TEXT PRIMARY KEY, modified INTEGER NOT NULL, size INTEGER NOT NULL)""")),
      // Every table holding something about a chat has a chat_id column, so that /forget can find it all.
      new Migration(2, "chat state and digests", List.of(
          "CREATE TABLE chat_settings(chat_id INTEGER PRIMARY KEY, zone TEXT NOT NULL, updated INTEGER NOT NULL)",
          """
          CREATE TABLE chat_memory(chat_id INTEGER PRIMARY KEY, words TEXT NOT NULL, at INTEGER NOT NULL)""",
          """
          CREATE TABLE topic_asked(
            chat_id INTEGER NOT NULL, topic_key TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY(chat_id, topic_key))""",
          """
          CREATE TABLE subscription(
            id INTEGER PRIMARY KEY AUTOINCREMENT, chat_id INTEGER NOT NULL, grp INTEGER NOT NULL,
            topic TEXT NOT NULL, topic_key TEXT NOT NULL, schedule TEXT NOT NULL,
            covered_until INTEGER NOT NULL, next_due INTEGER NOT NULL, created INTEGER NOT NULL,
            UNIQUE(chat_id, topic_key))""",
          "CREATE INDEX subscription_due ON subscription(next_due)",
          """
          CREATE TABLE delivery(
            subscription_id INTEGER NOT NULL, chat_id INTEGER NOT NULL, due INTEGER NOT NULL,
            state TEXT NOT NULL, as_of INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
            claimed INTEGER NOT NULL, finished INTEGER, items INTEGER,
            PRIMARY KEY(subscription_id, due))""",
          "CREATE INDEX delivery_chat ON delivery(chat_id)")),
      new Migration(3, "per-user daily model tokens and question rate", List.of(
          """
          CREATE TABLE user_tokens(
            user_id INTEGER NOT NULL, chat_id INTEGER NOT NULL, day TEXT NOT NULL, tokens INTEGER NOT NULL,
            PRIMARY KEY(user_id, chat_id, day))""",
          """
          CREATE TABLE rate_bucket(
            user_id INTEGER PRIMARY KEY, chat_id INTEGER NOT NULL, tokens REAL NOT NULL, at INTEGER NOT NULL)""")));

  private final Connection connection;
  private final Path file;
  private final Object lock = new Object();

  private StateDb(Connection connection, Path file) {
    this.connection = connection;
    this.file = file;
  }

  /** Opens (creating if needed) the database file and applies pending migrations. */
  public static StateDb open(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        // WAL lets a reader (the bot's /feeds) look while a pass writes; busy_timeout rides out short locks.
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA busy_timeout=5000");
      }
      StateDb db = new StateDb(c, file.toAbsolutePath());
      db.migrate();
      return db;
    } catch (SQLException e) {
      throw new IOException("cannot open state database " + file + ": " + e.getMessage(), e);
    }
  }

  /** The schema version now in force. */
  public int schemaVersion() throws SQLException {
    synchronized (lock) {
      try (Statement s = connection.createStatement();
           ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  /**
   * What keeps the database from being used, or empty when it answers a query: the file must still be
   * where it was opened (an open connection keeps working on a deleted or moved file, which would lose
   * every later write) and the connection must run a statement.
   */
  public java.util.Optional<String> problem() {
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.of("state database " + file + " is missing");
    }
    synchronized (lock) {
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_version")) {
        rs.next();
        return java.util.Optional.empty();
      } catch (SQLException e) {
        return java.util.Optional.of("state database " + file + " does not answer: " + e.getMessage());
      }
    }
  }

  /** The shared connection; use it only while holding {@link #lock()}. */
  Connection connection() {
    return connection;
  }

  /** The monitor that guards the connection. */
  Object lock() {
    return lock;
  }

  private void migrate() throws SQLException {
    synchronized (lock) {
      try (Statement s = connection.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied INTEGER NOT NULL)");
      }
      int current = schemaVersion();
      for (Migration m : MIGRATIONS) {
        if (m.version() <= current) {
          continue;
        }
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
          for (String sql : m.statements()) {
            s.execute(sql);
          }
          try (PreparedStatement ps = connection.prepareStatement("INSERT INTO schema_version VALUES(?,?,?)")) {
            ps.setInt(1, m.version());
            ps.setString(2, m.description());
            ps.setLong(3, System.currentTimeMillis());
            ps.executeUpdate();
          }
          connection.commit();
        } catch (SQLException e) {
          connection.rollback();
          throw new SQLException("migration " + m.version() + " (" + m.description() + ") failed: " + e.getMessage(), e);
        } finally {
          connection.setAutoCommit(true);
        }
      }
    }
  }

  /** Closes the connection. */
  @Override
  public void close() throws IOException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IOException("cannot close state database: " + e.getMessage(), e);
    }
  }
}
