package dev.herald.digest;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a {@link DigestRunner} on one named daemon thread every tick, until closed. */
public final class DigestScheduler implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

  private final DigestRunner runner;
  private final ScheduledExecutorService thread;
  private final Duration memoryExpiry;

  /**
   * Starts checking for due digests every {@code tick}, the first time at once, and purging chat
   * memory older than {@code memoryExpiry}.
   */
  public DigestScheduler(DigestRunner runner, Duration tick, Duration memoryExpiry) {
    this.runner = runner;
    this.memoryExpiry = memoryExpiry;
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "herald-digest");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      int sent = runner.runDue();
      if (sent > 0) {
        log.info("sent {} digests", sent);
      }
      runner.purge(memoryExpiry);
    } catch (IOException | RuntimeException e) {
      // The scheduler is an edge: a failed run is logged and the next tick tries again, since a
      // thrown exception would silently cancel every later run.
      log.error("digest run failed", e);
    }
  }

  /** Stops the thread, letting a run in progress finish (up to 30 s). */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
