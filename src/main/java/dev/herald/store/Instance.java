package dev.herald.store;

import java.io.Closeable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process as one of several Herald instances on a shared state database: a random id, a
 * heartbeat written every quarter of {@code timeout} on a named daemon thread, and the rule that an
 * instance silent for longer than {@code timeout} is dead, so that its claims pass to the others. On a
 * database only this process uses (SQLite) it is {@link #local()}: one fixed id, no heartbeat, and a
 * claim left by an earlier run is simply this process's own.
 */
public final class Instance implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(Instance.class);

  private final String id;
  private final Duration timeout;
  private final Clock clock;
  private final InstanceStore store;
  private final ScheduledExecutorService heart;

  private Instance(String id, Duration timeout, Clock clock, InstanceStore store, ScheduledExecutorService heart) {
    this.id = id;
    this.timeout = timeout;
    this.clock = clock;
    this.store = store;
    this.heart = heart;
  }

  /** The only process on its database. */
  public static Instance local() {
    return new Instance(ChatStore.LOCAL, Duration.ZERO, Clock.systemUTC(), null, null);
  }

  /**
   * Joins the instances sharing {@code db}: registers this process with a first heartbeat and keeps it
   * beating until {@link #close()}; an instance that misses heartbeats for {@code timeout} counts as dead.
   */
  public static Instance join(StateDb db, Duration timeout, Clock clock) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown";
    }
    String id = host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    InstanceStore store = new InstanceStore(db);
    store.heartbeat(id, host, clock.instant());
    ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "herald-instance-heartbeat");
      t.setDaemon(true);
      return t;
    });
    Instance me = new Instance(id, timeout, clock, store, heart);
    long every = Math.max(50, timeout.toMillis() / 4);
    String h = host;
    heart.scheduleWithFixedDelay(() -> {
      try {
        store.heartbeat(id, h, clock.instant());
      } catch (RuntimeException e) {
        // The database is away: the others will count this instance dead after the timeout, and it
        // beats again (re-registering) once the database answers.
        log.warn("instance {}: heartbeat failed: {}", id, e.getMessage());
      }
    }, every, every, TimeUnit.MILLISECONDS);
    log.info("instance {} joined (dead after {} ms without a heartbeat)", id, timeout.toMillis());
    return me;
  }

  /** This instance's id, the holder name of its claims and leases. */
  public String id() {
    return id;
  }

  /** Whether other instances may share the database. */
  public boolean shared() {
    return store != null;
  }

  /** The oldest heartbeat, as of now, of an instance still counted alive. */
  public Instant staleBefore() {
    return clock.instant().minus(timeout);
  }

  /** Whether this instance holds the lease {@code name} now, taking it if free or left by a dead instance; always true when local. */
  public boolean holdLease(String name) {
    return store == null || store.acquireLease(name, id, clock.instant(), staleBefore());
  }

  /** The store this instance coordinates through, or {@code null} when local. */
  public InstanceStore store() {
    return store;
  }

  /** Stops the heartbeat and leaves, so that what this instance held passes to the others at once. */
  @Override
  public void close() {
    if (heart == null) {
      return;
    }
    heart.shutdownNow();
    try {
      store.leave(id);
    } catch (RuntimeException e) {
      log.warn("instance {}: could not leave cleanly ({}); the others take over after the timeout", id, e.getMessage());
    }
  }
}
