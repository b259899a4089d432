package dev.herald.cli;

import dev.herald.store.Instance;
import dev.herald.Herald;
import dev.herald.config.HeraldConfig;
import dev.herald.ingest.Ingestion;
import dev.herald.ingest.IngestSummary;
import dev.herald.ingest.Source;
import dev.herald.ingest.SourceKind;
import dev.herald.ingest.SourceOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code herald ingest}: one pass over the configured sources (and any given), or polling with {@code --watch}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {
        "Fetch news from the sources in config/herald.yaml (plus any given here), deduplicate and index it.",
        "Sources given here are trusted like configured ones. Ends with a summary line."})
final class IngestCommand implements Callable<Integer> {

  @ParentCommand HeraldCommand root;

  @Option(names = "--feed", paramLabel = "URL", description = "Also read this RSS/Atom/RDF feed (repeatable).")
  List<String> feeds = new ArrayList<>();

  @Option(names = "--page", paramLabel = "URL", description = "Also take in this article page (repeatable).")
  List<String> pages = new ArrayList<>();

  @Option(names = "--folder", paramLabel = "DIR", description = "Also take in new article files from this folder (repeatable).")
  List<Path> folders = new ArrayList<>();

  @Option(names = "--watch", description = "Keep polling every source on its schedule until stopped (Ctrl-C).")
  boolean watch;

  @Option(names = "--tick", paramLabel = "SECONDS", defaultValue = "5",
      description = "With --watch: how often due sources are looked for (default: ${DEFAULT-VALUE}).")
  int tickSeconds;

  @Override
  public Integer call() throws Exception {
    HeraldConfig c = root.loadConfig();
    List<Source> extra = new ArrayList<>();
    feeds.forEach(u -> extra.add(Source.feed(u.strip())));
    pages.forEach(u -> extra.add(Source.page(u.strip())));
    folders.forEach(d -> extra.add(new Source(SourceKind.FOLDER, d.toAbsolutePath().toString(), null, null, null, true)));
    PrintWriter out = root.spec.commandLine().getOut();
    PrintWriter err = root.spec.commandLine().getErr();
    if (c.sources().isEmpty() && extra.isEmpty()) {
      err.println("herald: no sources: add some under sources: in config/herald.yaml (see docs/INGEST.md), "
          + "import an OPML file with 'herald feeds import', or pass --feed/--page/--folder.");
    }
    if (!watch) {
      try (Herald h = Herald.openWritable(c); Ingestion ingestion = h.openIngestion(root.clock)) {
        IngestSummary s = ingestion.runOnce(extra);
        for (SourceOutcome o : s.outcomes()) {
          if (o.error() != null) {
            err.println("failed: " + o.source().location() + ": " + o.error());
          }
        }
        out.println(s.line());
        out.flush();
      }
      return 0;
    }
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    // On Ctrl-C, let the main thread close the index and state database before the JVM halts.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.countDown();
      try {
        closed.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "herald-ingest-shutdown"));
    try (Herald h = Herald.openWritable(c); Ingestion ingestion = h.openIngestion(root.clock);
         // On a shared state database this watcher is one more instance, and polls only while it holds the ingest lease.
         Instance instance = c.state().shared()
             ? Instance.join(ingestion.stateDb(), c.state().instanceTimeout(), root.clock) : Instance.local()) {
      ingestion.watch(extra, Duration.ofSeconds(Math.max(1, tickSeconds)), o -> {
        if (o.newArticles() > 0 || o.error() != null) {
          synchronized (out) {
            out.println(o.source().location() + ": " + (o.error() != null ? "failed: " + o.error()
                : o.newArticles() + " new, " + o.duplicates() + " duplicates"));
            out.flush();
          }
        }
      }, () -> {
        try {
          return instance.holdLease("ingest");
        } catch (RuntimeException e) {
          err.println("herald: cannot check the ingest lease (" + e.getMessage() + "); not polling this time");
          return false;
        }
      });
      err.println("Watching " + (ingestion.feeds().sources().size() + extra.size()) + " sources; Ctrl-C to stop.");
      stop.await();
    } finally {
      closed.countDown();
    }
    return 0;
  }
}
