package dev.herald.index;

import dev.herald.corpus.ArticleProblem;
import dev.herald.corpus.ArticleReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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

  private final ArticleIndex index;
  private final ArticleReader reader;

  /** Creates an indexer writing into {@code index}. */
  public Indexer(ArticleIndex index, ArticleReader reader) {
    this.index = index;
    this.reader = reader;
  }

  /** Indexes everything under {@code paths}; problems go to {@code problems}, progress to {@code progress}. */
  public IndexSummary index(List<Path> paths, Consumer<ArticleProblem> problems, Progress progress) throws IOException {
    long t0 = System.nanoTime();
    int[] counts = new int[3]; // articles, passages, skipped
    try {
      reader.read(
          paths,
          article -> {
            try {
              counts[1] += index.add(article);
              counts[0]++;
              if (counts[0] % COMMIT_EVERY == 0) {
                index.commit();
              }
              progress.update(counts[0], counts[1]);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          },
          problem -> {
            counts[2]++;
            problems.accept(problem);
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    index.commit();
    index.refresh();
    return new IndexSummary(counts[0], counts[1], counts[2], (System.nanoTime() - t0) / 1e9);
  }
}
