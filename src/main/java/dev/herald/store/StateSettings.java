package dev.herald.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where Herald keeps its state ({@code state:} in the config).
 *
 * @param url {@code null} for the embedded SQLite file {@code data/herald.db} (the default), or a
 *     {@code jdbc:postgresql://…} url shared by several instances (it may carry {@code user} and
 *     {@code password}); {@code HERALD_STATE_URL} overrides it
 * @param password the database password from {@code HERALD_STATE_PASSWORD}, or {@code null} to take the url's
 * @param instanceTimeout how long an instance may miss heartbeats before the others count it dead and take
 *     over its claims and its ingest lease
 */
public record StateSettings(String url, String password, Duration instanceTimeout) {

  /** The embedded default: SQLite in the data folder. */
  public static StateSettings defaults() {
    return new StateSettings(null, null, Duration.ofSeconds(30));
  }

  /** Whether the state lives in a database that several processes share (PostgreSQL). */
  public boolean shared() {
    return url != null && url.startsWith("jdbc:postgresql:");
  }

  /** Opens (and migrates) the state database, the SQLite one in {@code dataDir} by default. */
  public StateDb open(Path dataDir) throws IOException {
    return StateDb.open(url, dataDir, password);
  }

  /** Whether there is a state database to read: a shared one always counts as there. */
  public boolean exists(Path dataDir) {
    if (url == null || url.isBlank()) {
      return Files.exists(dataDir.resolve("herald.db"));
    }
    if (url.startsWith("jdbc:sqlite:")) {
      Path f = Path.of(url.substring("jdbc:sqlite:".length()));
      return Files.exists(f.isAbsolute() ? f : dataDir.resolve(f));
    }
    return true;
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "StateSettings[url=" + StateDb.mask(url) + ", password=" + (password == null ? "none" : "***")
        + ", instanceTimeout=" + instanceTimeout + "]";
  }
}
