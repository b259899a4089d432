package dev.herald;

import dev.herald.answer.Answer;
import dev.herald.answer.ExtractiveComposer;
import dev.herald.config.HeraldConfig;
import dev.herald.corpus.ArticleProblem;
import dev.herald.corpus.ArticleReader;
import dev.herald.index.ArticleIndex;
import dev.herald.index.IndexStats;
import dev.herald.index.IndexSummary;
import dev.herald.index.Indexer;
import dev.herald.index.PassageSplitter;
import dev.herald.ingest.Ingestion;
import dev.herald.quotes.AttributionFinder;
import dev.herald.retrieve.LuceneRetriever;
import dev.herald.retrieve.QuestionAnalysis;
import dev.herald.retrieve.Retrieval;
import dev.herald.retrieve.SearchRequest;
import dev.herald.retrieve.TimeExpressions;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The composition root: wires index, retriever and composer from one {@link HeraldConfig}, and offers
 * the operations every front end (command line, chat, bot) uses.
 */
public final class Herald implements Closeable {

  private final HeraldConfig config;
  private final ArticleIndex index;
  private final LuceneRetriever retriever;
  private final ExtractiveComposer composer;
  private final boolean writable;

  private Herald(HeraldConfig config, ArticleIndex index, boolean writable) {
    this.config = config;
    this.index = index;
    this.writable = writable;
    QuestionAnalysis analysis = new QuestionAnalysis();
    this.retriever = new LuceneRetriever(index, analysis, new TimeExpressions(config.zone()), config.retrieval());
    this.composer = new ExtractiveComposer(analysis, new AttributionFinder(), config.answer());
  }

  /** Opens Herald with a writable index (created when missing). */
  public static Herald openWritable(HeraldConfig config) throws IOException {
    return new Herald(config, ArticleIndex.openWritable(config.indexDir(), PassageSplitter.standard()), true);
  }

  /**
   * Opens Herald for answering: read-only over an existing index, or, when there is none yet, writable
   * after indexing the configured corpus into it.
   */
  public static Herald openForQuestions(HeraldConfig config, Consumer<ArticleProblem> problems, Consumer<String> notices) throws IOException {
    if (ArticleIndex.exists(config.indexDir())) {
      return new Herald(config, ArticleIndex.openReadOnly(config.indexDir()), false);
    }
    Herald h = openWritable(config);
    try {
      notices.accept("No index yet at " + config.indexDir() + ": indexing " + config.corpusDir() + " first.");
      IndexSummary s = h.index(List.of(config.corpusDir()), problems, (a, p) -> {});
      notices.accept(s.line());
      return h;
    } catch (IOException | RuntimeException e) {
      h.close();
      throw e;
    }
  }

  /** The settings in force. */
  public HeraldConfig config() {
    return config;
  }

  /** Indexes the given files and folders; see {@link Indexer}. */
  public IndexSummary index(List<Path> paths, Consumer<ArticleProblem> problems, Indexer.Progress progress) throws IOException {
    if (!writable) {
      throw new IllegalStateException("opened read-only");
    }
    return new Indexer(index, new ArticleReader()).index(paths, problems, progress);
  }

  /**
   * Opens live-news ingestion into this Herald's index, with its state database under the data folder;
   * what it indexes is searchable here at once.
   */
  public Ingestion openIngestion(Clock clock) throws IOException {
    if (!writable) {
      throw new IllegalStateException("opened read-only");
    }
    return Ingestion.open(config.dataDir(), config.sources(), config.ingest(), index, clock);
  }

  /** Retrieves the top passages for a request. */
  public Retrieval search(SearchRequest request) throws IOException {
    return retriever.retrieve(request);
  }

  /** Answers a question as of {@code asOf} with the embedded extractive composer. */
  public Answer ask(String question, Instant asOf) throws IOException {
    Retrieval r = retriever.retrieve(SearchRequest.of(question, config.k(), asOf));
    return composer.compose(r, asOf);
  }

  /** What the index holds now. */
  public IndexStats stats() throws IOException {
    return index.stats();
  }

  /** Closes the index; uncommitted writes (there are none after {@link #index}) are discarded. */
  @Override
  public void close() throws IOException {
    index.close();
  }
}
