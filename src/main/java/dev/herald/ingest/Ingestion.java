package dev.herald.ingest;

import dev.herald.index.NewsIndex;
import dev.herald.store.IngestStore;
import dev.herald.store.StateDb;
import dev.herald.store.StateSettings;
import dev.herald.store.Story;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Live news ingestion wired together: the state database, fetcher, ingester, operator API and story
 * lookup over one writable index. Front ends (command line, bot) open one and close it on exit.
 */
public final class Ingestion implements Closeable {

  private final StateDb db;
  private final IngestStore store;
  private final Ingester ingester;
  private final FeedAdmin admin;
  private final IngestSettings settings;
  private final Clock clock;
  private IngestScheduler scheduler;

  private Ingestion(StateDb db, List<Source> configured, IngestSettings settings, NewsIndex index, Clock clock) {
    this.db = db;
    this.store = new IngestStore(db);
    this.settings = settings;
    this.clock = clock;
    HttpFetcher fetcher = new HttpFetcher(settings);
    this.ingester = new Ingester(index, store, fetcher, settings, clock, new Random());
    this.admin = new FeedAdmin(configured, store, fetcher.guard(), clock);
  }

  /** Opens ingestion with its state database at {@code dataDir/herald.db}. */
  public static Ingestion open(Path dataDir, List<Source> configured, IngestSettings settings, NewsIndex index, Clock clock)
      throws IOException {
    return open(StateSettings.defaults(), dataDir, configured, settings, index, clock);
  }

  /** Opens ingestion with the state database {@code state} names (SQLite in {@code dataDir} by default). */
  public static Ingestion open(StateSettings state, Path dataDir, List<Source> configured, IngestSettings settings,
      NewsIndex index, Clock clock) throws IOException {
    return new Ingestion(state.open(dataDir), configured, settings, index, clock);
  }

  /** Runs one pass over every source in force plus {@code extra} (trusted, from the command line). */
  public IngestSummary runOnce(List<Source> extra) {
    return ingester.runOnce(sources(extra));
  }

  /**
   * Starts polling every source in force plus {@code extra} on its schedule; {@code outcomes} hears
   * about every run. Stopped by {@link #close}.
   */
  public synchronized IngestScheduler watch(List<Source> extra, Duration tick, Consumer<SourceOutcome> outcomes) {
    return watch(extra, tick, outcomes, () -> true);
  }

  /**
   * As {@link #watch(List, Duration, Consumer)}, polling only at ticks when {@code mayRun} says so: with
   * several instances, the one holding the ingest lease.
   */
  public synchronized IngestScheduler watch(List<Source> extra, Duration tick, Consumer<SourceOutcome> outcomes,
      BooleanSupplier mayRun) {
    if (scheduler == null) {
      scheduler = new IngestScheduler(ingester, () -> sources(extra), store, clock, tick, settings.threads(), outcomes, mayRun)
          .start();
    }
    return scheduler;
  }

  private List<Source> sources(List<Source> extra) {
    List<Source> all = new ArrayList<>(admin.sources());
    for (Source s : extra) {
      if (all.stream().noneMatch(a -> a.location().equals(s.location()))) {
        all.add(s);
      }
    }
    return all;
  }

  /** The operator API for {@code /feeds}, {@code /addfeed} and {@code /removefeed}. */
  public FeedAdmin feeds() {
    return admin;
  }

  /** The state database ingestion writes to, which the bot shares for its chat state. */
  public StateDb stateDb() {
    return db;
  }

  /** The story an indexed article belongs to, with every outlet that carried it, earliest first. */
  public Optional<Story> story(String articleId) {
    return store.storyOf(articleId);
  }

  /** Stops the scheduler, if any, and closes the state database. */
  @Override
  public synchronized void close() throws IOException {
    if (scheduler != null) {
      scheduler.close();
      scheduler = null;
    }
    db.close();
  }
}
