package dev.herald.index;

import dev.herald.corpus.Article;
import dev.herald.corpus.ArticleProblem;
import dev.herald.corpus.ArticleReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Reads article files into the index: every readable article is added (replacing any earlier version
 * with its id), every malformed one is reported and skipped, and the run ends with one atomic commit
 * (plus intermediate commits on long runs, so a crash loses at most the last stretch). Articles are
 * split, their quotes extracted and their documents analysed on a small named pool, one task per
 * article; two versions of one id within a run are added in file order, so the last one wins as it would
 * one at a time.
 */
public final class Indexer {

  /** Progress callback: articles and passages done so far. */
  public interface Progress {
    /** Called after each article. */
    void update(int articles, int passages);
  }

  private static final int COMMIT_EVERY = 20_000;

  private final ArticleIndex index;
  private final ArticleReader reader;
  private final int threads;

  /** Creates an indexer writing into {@code index} with one worker per processor. */
  public Indexer(ArticleIndex index, ArticleReader reader) {
    this(index, reader, Runtime.getRuntime().availableProcessors());
  }

  /** Creates an indexer writing into {@code index} with {@code threads} workers. */
  public Indexer(ArticleIndex index, ArticleReader reader, int threads) {
    this.index = index;
    this.reader = reader;
    this.threads = Math.max(1, threads);
  }

  /** Indexes everything under {@code paths}; problems go to {@code problems}, progress to {@code progress}. */
  public IndexSummary index(List<Path> paths, Consumer<ArticleProblem> problems, Progress progress) throws IOException {
    long t0 = System.nanoTime();
    AtomicInteger articles = new AtomicInteger();
    AtomicInteger passages = new AtomicInteger();
    int[] skipped = new int[1];
    AtomicReference<IOException> failure = new AtomicReference<>();
    Map<String, CompletableFuture<Void>> lastOfId = new ConcurrentHashMap<>();
    // bounded: the reader never runs far ahead of the workers, so memory stays flat on huge files
    int permits = threads * 4;
    Semaphore inFlight = new Semaphore(permits);
    AtomicInteger threadNo = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "herald-indexer-" + threadNo.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      reader.read(
          paths,
          article -> {
            if (failure.get() != null) {
              return;
            }
            acquire(inFlight);
            CompletableFuture<Void> previous = lastOfId.get(article.id());
            CompletableFuture<Void> task = (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                .handleAsync((v, e) -> {
                  add(article, articles, passages, failure, progress);
                  return null;
                }, pool);
            task.whenComplete((v, e) -> {
              inFlight.release();
              lastOfId.remove(article.id(), task);
            });
            lastOfId.put(article.id(), task);
          },
          problem -> {
            skipped[0]++;
            problems.accept(problem);
          });
      // every permit back means every task, including those chained behind an earlier version of their id, is done
      acquireAll(inFlight, permits);
    } finally {
      pool.shutdownNow();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    index.commit();
    index.refresh();
    return new IndexSummary(articles.get(), passages.get(), skipped[0], (System.nanoTime() - t0) / 1e9);
  }

  private void add(Article article, AtomicInteger articles, AtomicInteger passages, AtomicReference<IOException> failure,
      Progress progress) {
    if (failure.get() != null) {
      return;
    }
    try {
      int p = passages.addAndGet(index.add(article));
      int a = articles.incrementAndGet();
      if (a % COMMIT_EVERY == 0) {
        index.commit();
      }
      synchronized (progress) {
        progress.update(a, p);
      }
    } catch (IOException e) {
      failure.compareAndSet(null, e);
    } catch (RuntimeException e) {
      failure.compareAndSet(null, new IOException("indexing article " + article.id() + " failed: " + e, e));
    }
  }

  private static void acquire(Semaphore s) {
    try {
      s.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("indexing interrupted", e));
    }
  }

  private static void acquireAll(Semaphore s, int permits) throws IOException {
    try {
      s.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("indexing interrupted", e);
    }
  }
}
