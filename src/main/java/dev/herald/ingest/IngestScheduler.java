package dev.herald.ingest;

import dev.herald.store.IngestStore;
import dev.herald.store.SourceState;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls sources on schedule: every tick, each source whose stored next attempt is due (jittered
 * interval after a success, backoff after a failure) is ingested on a worker thread. Because the
 * schedule lives in the state database, a restart resumes it, and sources added or removed through
 * {@link FeedAdmin} are picked up at the next tick.
 */
public final class IngestScheduler implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(IngestScheduler.class);

  private final Ingester ingester;
  private final Supplier<List<Source>> sources;
  private final IngestStore store;
  private final Clock clock;
  private final Duration tick;
  private final Consumer<SourceOutcome> outcomes;
  private final BooleanSupplier mayRun;
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer;
  private final ExecutorService workers;

  /** Creates a stopped scheduler over the sources {@code sources} yields at each tick; {@code outcomes} hears about every run. */
  public IngestScheduler(Ingester ingester, Supplier<List<Source>> sources, IngestStore store, Clock clock, Duration tick, int threads,
      Consumer<SourceOutcome> outcomes) {
    this(ingester, sources, store, clock, tick, threads, outcomes, () -> true);
  }

  /**
   * As {@link #IngestScheduler(Ingester, Supplier, IngestStore, Clock, Duration, int, Consumer)}, polling at a tick
   * only when {@code mayRun} says so (this instance holds the ingest lease).
   */
  public IngestScheduler(Ingester ingester, Supplier<List<Source>> sources, IngestStore store, Clock clock, Duration tick, int threads,
      Consumer<SourceOutcome> outcomes, BooleanSupplier mayRun) {
    this.mayRun = mayRun;
    this.ingester = ingester;
    this.sources = sources;
    this.store = store;
    this.clock = clock;
    this.tick = tick;
    this.outcomes = outcomes;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "herald-ingest-timer"));
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(Math.max(1, threads), r -> daemon(r, "herald-ingest-worker-" + n.incrementAndGet()));
  }

  /** Starts ticking; returns this scheduler. */
  public IngestScheduler start() {
    timer.scheduleWithFixedDelay(this::tickSafely, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void tickSafely() {
    try {
      tickOnce();
    } catch (RuntimeException e) {
      // An exception would cancel all later ticks of a ScheduledExecutorService.
      log.warn("ingest scheduler tick failed; trying again next tick", e);
    }
  }

  private void tickOnce() {
    if (!mayRun.getAsBoolean()) {
      return;
    }
    Instant now = clock.instant();
    for (Source s : sources.get()) {
      SourceState st = store.sourceState(s.location()).orElse(null);
      boolean due = st == null || st.nextAttempt() == null || !st.nextAttempt().isAfter(now);
      if (due && running.add(s.location())) {
        workers.submit(() -> {
          try {
            outcomes.accept(ingester.ingest(s));
          } finally {
            running.remove(s.location());
          }
        });
      }
    }
  }

  /** Stops ticking and interrupts running fetches. */
  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
