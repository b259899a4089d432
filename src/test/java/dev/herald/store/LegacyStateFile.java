package dev.herald.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

/**
 * Writes a SQLite state file exactly as Herald releases before Flyway left it: their own
 * {@code schema_version} table and the schema of migrations 1 to {@code version}, with the column
 * types they used.
 */
final class LegacyStateFile {

  private static final List<List<String>> STEPS = List.of(
      List.of(
          """
          CREATE TABLE source_state(url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_attempt INTEGER,
            last_success INTEGER, consecutive_failures INTEGER NOT NULL DEFAULT 0, last_error TEXT,
            next_attempt INTEGER, items INTEGER NOT NULL DEFAULT 0)""",
          """
          CREATE TABLE seen_item(source_url TEXT NOT NULL, item_key TEXT NOT NULL, first_seen INTEGER NOT NULL,
            PRIMARY KEY(source_url, item_key))""",
          """
          CREATE TABLE article(canonical_url TEXT PRIMARY KEY, article_id TEXT NOT NULL, story_id TEXT NOT NULL,
            outlet TEXT NOT NULL, title TEXT, language TEXT, published INTEGER NOT NULL, first_seen INTEGER NOT NULL,
            simhash INTEGER NOT NULL, indexed INTEGER NOT NULL)""",
          "CREATE INDEX article_story ON article(story_id)",
          "CREATE INDEX article_id ON article(article_id)",
          """
          CREATE TABLE added_source(url TEXT PRIMARY KEY, kind TEXT NOT NULL, outlet TEXT, language TEXT,
            interval_minutes INTEGER, trusted INTEGER NOT NULL, added_by TEXT, added_at INTEGER NOT NULL)""",
          "CREATE TABLE seen_file(path TEXT PRIMARY KEY, modified INTEGER NOT NULL, size INTEGER NOT NULL)"),
      List.of(
          "CREATE TABLE chat_settings(chat_id INTEGER PRIMARY KEY, zone TEXT NOT NULL, updated INTEGER NOT NULL)",
          "CREATE TABLE chat_memory(chat_id INTEGER PRIMARY KEY, words TEXT NOT NULL, at INTEGER NOT NULL)",
          """
          CREATE TABLE topic_asked(chat_id INTEGER NOT NULL, topic_key TEXT NOT NULL, at INTEGER NOT NULL,
            PRIMARY KEY(chat_id, topic_key))""",
          """
          CREATE TABLE subscription(id INTEGER PRIMARY KEY AUTOINCREMENT, chat_id INTEGER NOT NULL, grp INTEGER NOT NULL,
            topic TEXT NOT NULL, topic_key TEXT NOT NULL, schedule TEXT NOT NULL, covered_until INTEGER NOT NULL,
            next_due INTEGER NOT NULL, created INTEGER NOT NULL, UNIQUE(chat_id, topic_key))""",
          "CREATE INDEX subscription_due ON subscription(next_due)",
          """
          CREATE TABLE delivery(subscription_id INTEGER NOT NULL, chat_id INTEGER NOT NULL, due INTEGER NOT NULL,
            state TEXT NOT NULL, as_of INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, claimed INTEGER NOT NULL,
            finished INTEGER, items INTEGER, PRIMARY KEY(subscription_id, due))""",
          "CREATE INDEX delivery_chat ON delivery(chat_id)"),
      List.of(
          """
          CREATE TABLE user_tokens(user_id INTEGER NOT NULL, chat_id INTEGER NOT NULL, day TEXT NOT NULL,
            tokens INTEGER NOT NULL, PRIMARY KEY(user_id, chat_id, day))""",
          """
          CREATE TABLE rate_bucket(user_id INTEGER PRIMARY KEY, chat_id INTEGER NOT NULL, tokens REAL NOT NULL,
            at INTEGER NOT NULL)"""));

  private LegacyStateFile() {}

  /** Creates {@code file} at schema {@code version} (1 to 3), running {@code extra} statements after it. */
  static void write(Path file, int version, String... extra) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
         Statement s = c.createStatement()) {
      s.execute("CREATE TABLE schema_version(version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied INTEGER NOT NULL)");
      for (int v = 1; v <= version; v++) {
        for (String sql : STEPS.get(v - 1)) {
          s.execute(sql);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version VALUES(?,?,?)")) {
          ps.setInt(1, v);
          ps.setString(2, "step " + v);
          ps.setLong(3, 0);
          ps.executeUpdate();
        }
      }
      for (String sql : extra) {
        s.execute(sql);
      }
    }
  }
}
