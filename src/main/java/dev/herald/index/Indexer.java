package dev.herald.index;

import dev.herald.corpus.Article;
import dev.herald.corpus.ArticleProblem;
import dev.herald.corpus.ArticleReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads article files into the index: every readable article is added (replacing any earlier version
 * with its id), every malformed one is reported and skipped, and the run ends with one atomic commit
 * (plus intermediate commits on long runs, so a crash loses at most the last stretch).
 */
public final class Indexer {

  /** Progress callback: articles and passages done so far. */
  public interface Progress {
    /** Called after each article. */
    void update(int articles, int passages);
  }

  private static final int COMMIT_EVERY = 20_000;

  // A rough passage length, only to size embedding batches before the articles are split.
  private static final int PASSAGE_CHARS_ESTIMATE = 1_200;

  private final ArticleIndex index;
  private final ArticleReader reader;
  private final int batchSize;

  /** Creates an indexer writing into {@code index}, one article at a time. */
  public Indexer(ArticleIndex index, ArticleReader reader) {
    this(index, reader, 1);
  }

  /** Creates an indexer writing into {@code index}; with embeddings on, about {@code batchSize} passages are embedded together. */
  public Indexer(ArticleIndex index, ArticleReader reader, int batchSize) {
    this.index = index;
    this.reader = reader;
    this.batchSize = batchSize;
  }

  /** Indexes everything under {@code paths}; problems go to {@code problems}, progress to {@code progress}. */
  public IndexSummary index(List<Path> paths, Consumer<ArticleProblem> problems, Progress progress) throws IOException {
    long t0 = System.nanoTime();
    int[] counts = new int[3]; // articles, passages, skipped
    // With embeddings on, articles wait until a batch's worth of passages can be embedded together;
    // without, each is written at once as before.
    int batchPassages = index.embedsPassages() ? batchSize : 1;
    List<Article> pending = new ArrayList<>();
    int[] pendingPassages = new int[1];
    try {
      reader.read(
          paths,
          article -> {
            pending.add(article);
            pendingPassages[0] += Math.max(1, article.text().length() / PASSAGE_CHARS_ESTIMATE);
            if (pendingPassages[0] >= batchPassages) {
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
}
