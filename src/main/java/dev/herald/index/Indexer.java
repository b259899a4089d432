package dev.herald.index;

import dev.herald.corpus.Article;
import dev.herald.corpus.ArticleProblem;
import dev.herald.corpus.ArticleReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

  private final NewsIndex index;
  private final ArticleReader reader;
  private final int threads;
  private final int batchSize;

  /** Creates an indexer writing into {@code index} with one worker per processor. */
  public Indexer(NewsIndex index, ArticleReader reader) {
    this(index, reader, Runtime.getRuntime().availableProcessors(), 64);
  }

  /**
   * Creates an indexer writing into {@code index} with {@code threads} workers; with embeddings on,
   * about {@code batchSize} passages are embedded together instead (the model has its own pool).
   */
  public Indexer(NewsIndex index, ArticleReader reader, int threads, int batchSize) {
    this.index = index;
    this.reader = reader;
    this.threads = Math.max(1, threads);
    this.batchSize = Math.max(1, batchSize);
  }

  /** Indexes everything under {@code paths}; problems go to {@code problems}, progress to {@code progress}. */
  public IndexSummary index(List<Path> paths, Consumer<ArticleProblem> problems, Progress progress) throws IOException {
    return index.embedsPassages() ? inBatches(paths, problems, progress) : inParallel(paths, problems, progress);
  }

  // A rough passage length, only to size embedding batches before the articles are split.
  private static final int PASSAGE_CHARS_ESTIMATE = 1_200;

  /** With embeddings: articles wait until a batch's worth of passages can be embedded together. */
  private IndexSummary inBatches(List<Path> paths, Consumer<ArticleProblem> problems, Progress progress) throws IOException {
    long t0 = System.nanoTime();
    int[] counts = new int[3]; // articles, passages, skipped
    List<Article> pending = new ArrayList<>();
    int[] pendingPassages = new int[1];
    try {
      reader.read(
          paths,
          article -> {
            pending.add(article);
            pendingPassages[0] += Math.max(1, article.text().length() / PASSAGE_CHARS_ESTIMATE);
            if (pendingPassages[0] >= batchSize) {
              flush(pending, counts, progress);
              pendingPassages[0] = 0;
            }
          },
          problem -> {
            counts[2]++;
            problems.accept(problem);
          });
      flush(pending, counts, progress);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    index.commit();
    index.refresh();
    return new IndexSummary(counts[0], counts[1], counts[2], (System.nanoTime() - t0) / 1e9);
  }

  private void flush(List<Article> pending, int[] counts, Progress progress) {
    if (pending.isEmpty()) {
      return;
    }
    try {
      counts[1] += index.add(pending);
      for (int i = 0; i < pending.size(); i++) {
        counts[0]++;
        if (counts[0] % COMMIT_EVERY == 0) {
          index.commit();
        }
      }
      progress.update(counts[0], counts[1]);
      pending.clear();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Without embeddings: one task per article on the pool. */
  private IndexSummary inParallel(List<Path> paths, Consumer<ArticleProblem> problems, Progress progress) throws IOException {
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
      if (failure.get() == null) {
        flushBuffers(pool, failure);
      }
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

  /**
   * Each worker writes out one of the buffers the load left in memory, in parallel; the commit that
   * follows would otherwise write them all on one thread while the other cores wait.
   */
  private void flushBuffers(ExecutorService pool, AtomicReference<IOException> failure) {
    List<CompletableFuture<Void>> flushes = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      flushes.add(CompletableFuture.runAsync(() -> {
        try {
          index.flushBuffer();
        } catch (IOException e) {
          failure.compareAndSet(null, e);
        }
      }, pool));
    }
    try {
      CompletableFuture.allOf(flushes.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      failure.compareAndSet(null, new IOException("writing the index buffers failed: " + e.getCause(), e.getCause()));
    }
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
