package dev.herald.index;

import dev.herald.corpus.Article;
import dev.herald.embed.InProcessModel;
import dev.herald.quotes.Quote;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What Herald needs of its news index: articles in (each article's passages and quotes replaced
 * together, keyed by article id) and passages, quotes and statistics out. Ranked passage retrieval
 * belongs to the backend's {@link dev.herald.retrieve.Retriever}. Implementations: {@link ArticleIndex}
 * (embedded Lucene, the default) and {@link SolrIndex} (a SolrCloud collection).
 * Terms passed in are already analysed by {@link HeraldAnalyzer}.
 */
public interface NewsIndex extends Closeable {

  /**
   * Splits each article into passages, extracts its quotes and replaces whatever the index held under
   * its id with both; returns the passage count. A failure is thrown, never swallowed.
   */
  int add(List<Article> articles) throws IOException;

  /** Adds one article like {@link #add(List)}. */
  default int add(Article article) throws IOException {
    return add(List.of(article));
  }

  /** Whether passages added now get vectors. */
  boolean embedsPassages();

  /** Makes everything added so far durable and visible to every reader. */
  void commit() throws IOException;

  /**
   * Writes out one buffer of added documents on the calling thread, if any is waiting; returns whether
   * one was. Several threads calling it at once write several buffers in parallel, so that the commit
   * after a bulk load has less to write on its one thread. Where the index buffers nothing locally, it
   * does nothing.
   */
  default boolean flushBuffer() throws IOException {
    return false;
  }

  /** Makes committed writes visible to this process's searches. */
  void refresh() throws IOException;

  /**
   * Waits until the merges a bulk load started in the background are done, then makes the merged index
   * visible, and returns how many segments searches now read (0 where the index has no local segments).
   * The benchmark calls it so that queries are not timed against merges still running.
   */
  default int settle() throws IOException {
    return 0;
  }

  /** Fails with a clear message unless the passage vectors were made with {@code model}. */
  void requireEmbedding(InProcessModel model, String mode) throws IOException;

  /** Counts the articles and passages and finds the newest publication time. */
  IndexStats stats() throws IOException;

  /** Lists every outlet with its article count and newest article, most articles first. */
  List<SourceStats> sources() throws IOException;

  /** Returns the first passage of the {@code n} newest articles published at or before {@code asOf}, newest first. */
  List<Passage> newest(int n, Instant asOf) throws IOException;

  /** Quotes whose words hold any of {@code terms}, published at or before {@code asOf}, best BM25 match first; at most {@code n}. */
  List<Quote> quotesMatching(Collection<String> terms, Instant asOf, int n) throws IOException;

  /**
   * Quotes whose speaker holds every one of {@code speakerTerms} (and whose words hold any of
   * {@code topicTerms}, unless empty), published at or before {@code asOf}, newest first; at most {@code n}.
   */
  List<Quote> quotesBy(Collection<String> speakerTerms, Collection<String> topicTerms, Instant asOf, int n) throws IOException;

  /** All passages of one article, in any order. */
  List<Passage> passagesOf(String articleId) throws IOException;

  /** Where the index lives (a folder or a collection), for messages. */
  String location();

  /** What keeps the index from serving questions, or empty when it is searchable. */
  Optional<String> problem();
}
