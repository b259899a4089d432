package dev.herald.store;

import java.io.Closeable;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Herald's state database: an embedded SQLite file ({@code data/herald.db}, the default) or a shared
 * PostgreSQL database ({@code state.url: jdbc:postgresql://…}) that several bot instances use at once.
 * Opening it brings it to the newest schema with Flyway, from one migration history for both
 * ({@code dev/herald/store/migration}); a SQLite file made by a release that kept its own
 * {@code schema_version} table is baselined at that version and upgraded from there. One connection is
 * shared; callers serialise on {@link #lock()}. A PostgreSQL connection that broke is opened again on
 * next use.
 */
public final class StateDb implements Closeable {

  /** The SQL dialect in use, for the few statements that differ. */
  enum Dialect { SQLITE, POSTGRESQL }

  private static final String MIGRATIONS = "classpath:dev/herald/store/migration";
  private static final Pattern SECRET_PARAM = Pattern.compile("(?i)(password|sslpassword)=[^&;]*");

  private final String url;
  private final Properties credentials;
  private final Path file;
  private final Dialect dialect;
  private final Object lock = new Object();
  private Connection connection;

  private StateDb(String url, Properties credentials, Path file, Dialect dialect) throws SQLException {
    this.url = url;
    this.credentials = credentials;
    this.file = file;
    this.dialect = dialect;
    this.connection = connect();
  }

  /** Opens (creating if needed) the SQLite database file and applies pending migrations. */
  public static StateDb open(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return open("jdbc:sqlite:" + file.toAbsolutePath(), file.toAbsolutePath(), new Properties());
  }

  /**
   * Opens the database {@code url} names: a {@code jdbc:postgresql:} url, or {@code null} for the SQLite
   * file {@code dataDir/herald.db}. {@code password}, when not {@code null}, is used instead of one in the url.
   */
  public static StateDb open(String url, Path dataDir, String password) throws IOException {
    if (url == null || url.isBlank()) {
      return open(dataDir.resolve("herald.db"));
    }
    if (url.startsWith("jdbc:sqlite:")) {
      Path f = Path.of(url.substring("jdbc:sqlite:".length()));
      return open(f.isAbsolute() ? f : dataDir.resolve(f));
    }
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IOException("state.url must start with jdbc:postgresql: or jdbc:sqlite: (got " + mask(url) + ")");
    }
    // The credentials travel as properties, so that neither the driver nor Flyway ever sees (or logs) them in a url.
    Properties p = new Properties();
    String bare = withoutCredentials(url, p);
    if (password != null && !password.isEmpty()) {
      p.setProperty("password", password);
    }
    return open(bare, null, p);
  }

  private static StateDb open(String url, Path file, Properties credentials) throws IOException {
    Dialect dialect = url.startsWith("jdbc:sqlite:") ? Dialect.SQLITE : Dialect.POSTGRESQL;
    String shown = file != null ? file.toString() : mask(url);
    StateDb db;
    try {
      db = new StateDb(url, credentials, file, dialect);
    } catch (SQLException e) {
      throw new IOException("cannot open state database " + shown + ": " + mask(String.valueOf(e.getMessage())), e);
    }
    try {
      db.migrate();
      return db;
    } catch (SQLException | FlywayException e) {
      db.close();
      throw new IOException("cannot migrate state database " + shown + ": " + mask(String.valueOf(e.getMessage())), e);
    }
  }

  /** {@code url} with any password replaced by {@code ***}, fit for a log line or an error message. */
  public static String mask(String url) {
    return url == null ? null : SECRET_PARAM.matcher(url).replaceAll("$1=***");
  }

  // Moves user and password query parameters of a PostgreSQL url into {@code into}; returns the rest.
  private static String withoutCredentials(String url, Properties into) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    List<String> kept = new ArrayList<>();
    for (String param : url.substring(q + 1).split("&")) {
      int eq = param.indexOf('=');
      String key = eq < 0 ? param : param.substring(0, eq);
      String value = eq < 0 ? "" : URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
      if (key.equals("user") || key.equals("password")) {
        into.setProperty(key, value);
      } else if (!param.isEmpty()) {
        kept.add(param);
      }
    }
    return url.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
  }

  private Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, credentials);
    if (dialect == Dialect.SQLITE) {
      try (Statement s = c.createStatement()) {
        // WAL lets a reader (the bot's /feeds) look while a pass writes; busy_timeout rides out short locks.
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA busy_timeout=5000");
      }
    }
    return c;
  }

  /** Whether this is a database several processes share (PostgreSQL), so that claims must name their holder. */
  public boolean shared() {
    return dialect == Dialect.POSTGRESQL;
  }

  /** Where the database is, for messages: the file, or the url without its password. */
  public String describe() {
    return file != null ? file.toString() : mask(url);
  }

  Dialect dialect() {
    return dialect;
  }

  /** The schema version now in force (the newest migration applied, or the baseline). */
  public int schemaVersion() {
    MigrationInfo current = flyway(null).info().current();
    return current == null || current.getVersion() == null ? 0 : Integer.parseInt(current.getVersion().getVersion());
  }

  /**
   * What keeps the database from being used, or empty when it answers a query: a SQLite file must still
   * be where it was opened (an open connection keeps working on a deleted or moved file, which would
   * lose every later write) and the connection must run a statement.
   */
  public Optional<String> problem() {
    if (file != null && !Files.isRegularFile(file)) {
      return Optional.of("state database " + file + " is missing");
    }
    synchronized (lock) {
      try (Statement s = connection().createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM instance")) {
        rs.next();
        return Optional.empty();
      } catch (SQLException | StoreException e) {
        return Optional.of("state database " + describe() + " does not answer: " + mask(e.getMessage()));
      }
    }
  }

  /**
   * The shared connection; use it only while holding {@link #lock()}. A PostgreSQL connection found
   * closed (the server restarted, the network broke) is replaced by a new one.
   */
  Connection connection() {
    try {
      if (dialect == Dialect.POSTGRESQL && (connection == null || connection.isClosed())) {
        connection = connect();
      }
      return connection;
    } catch (SQLException e) {
      throw new StoreException("cannot reconnect to state database " + describe(), e);
    }
  }

  /** Drops the connection after {@code e} if it says the connection itself failed, so that the next use reconnects. */
  void failed(SQLException e) {
    String state = e.getSQLState();
    if (dialect == Dialect.POSTGRESQL && state != null && (state.startsWith("08") || state.startsWith("57P"))) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // already broken; the next connection() opens a fresh one
      }
    }
  }

  /** Work done inside one transaction on the shared connection. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction, holding the connection's lock: committed when it returns,
   * rolled back when it throws, reported as "{@code what} failed".
   */
  <T> T transaction(String what, Work<T> work) {
    synchronized (lock) {
      Connection c = connection();
      try {
        c.setAutoCommit(false);
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException e) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // the original failure is the one worth reporting
        }
        failed(e);
        throw new StoreException(what + " failed", e);
      } finally {
        try {
          if (!c.isClosed()) {
            c.setAutoCommit(true);
          }
        } catch (SQLException e) {
          failed(e);
        }
      }
    }
  }

  /** The monitor that guards the connection. */
  Object lock() {
    return lock;
  }

  private Flyway flyway(String baseline) {
    var config = Flyway.configure()
        .dataSource(url, credentials.getProperty("user"), credentials.getProperty("password"))
        .locations(MIGRATIONS)
        .placeholders(dialect == Dialect.SQLITE
            ? Map.of("id", "INTEGER PRIMARY KEY AUTOINCREMENT", "row_order", "rowid")
            : Map.of("id", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "row_order", "0"))
        .validateMigrationNaming(true);
    if (baseline != null) {
      config = config.baselineOnMigrate(true).baselineVersion(baseline)
          .baselineDescription("schema_version of an earlier Herald");
    }
    return config.load();
  }

  private void migrate() throws SQLException {
    synchronized (lock) {
      // On PostgreSQL Flyway takes an advisory lock, so instances starting together migrate one at a time.
      flyway(legacyVersion()).migrate();
    }
  }

  // A database made before Flyway kept its history in schema_version; it is baselined at the version
  // found there, so that the migrations after it (and only those) are applied.
  private String legacyVersion() throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    if (!hasTable(meta, "schema_version") || hasTable(meta, "flyway_schema_history")) {
      return null;
    }
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      int v = rs.next() ? rs.getInt(1) : 0;
      return v > 0 ? Integer.toString(v) : null;
    }
  }

  private static boolean hasTable(DatabaseMetaData meta, String name) throws SQLException {
    try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
      return rs.next();
    }
  }

  /** Closes the connection. */
  @Override
  public void close() throws IOException {
    try {
      synchronized (lock) {
        if (connection != null) {
          connection.close();
        }
      }
    } catch (SQLException e) {
      throw new IOException("cannot close state database: " + e.getMessage(), e);
    }
  }
}
