package dev.herald;

import dev.herald.answer.Answer;
import dev.herald.answer.ComposedAnswer;
import dev.herald.answer.ExtractiveComposer;
import dev.herald.answer.LlmComposer;
import dev.herald.answer.QuoteAnswerer;
import dev.herald.answer.StoryLookup;
import dev.herald.answer.UpdateComposer;
import dev.herald.question.Intent;
import dev.herald.question.QuestionRouter;
import dev.herald.question.RoutedQuestion;
import dev.herald.retrieve.FoundQuote;
import dev.herald.retrieve.QuoteSearch;
import dev.herald.retrieve.LlmReranker;
import dev.herald.retrieve.Reranker;
import java.util.Optional;
import dev.herald.answer.Verifier;
import dev.herald.config.HeraldConfig;
import dev.herald.corpus.ArticleProblem;
import dev.herald.corpus.ArticleReader;
import dev.herald.embed.Embeddings;
import dev.herald.index.ArticleIndex;
import dev.herald.index.NewsIndex;
import dev.herald.index.PartialResultsException;
import dev.herald.index.SolrIndex;
import dev.herald.retrieve.Retriever;
import dev.herald.retrieve.SolrRetriever;
import dev.herald.index.IndexStats;
import dev.herald.index.IndexSummary;
import dev.herald.index.Indexer;
import dev.herald.index.Passage;
import dev.herald.index.PassageSplitter;
import dev.herald.llm.ChatModelFactory;
import dev.herald.verify.Judge;
import dev.herald.llm.CircuitBreaker;
import dev.herald.llm.LlmSettings;
import dev.herald.llm.Provider;
import dev.herald.index.SourceStats;
import dev.herald.ingest.Ingestion;
import dev.herald.quotes.AttributionFinder;
import dev.herald.retrieve.LuceneRetriever;
import dev.herald.retrieve.QuestionAnalysis;
import dev.herald.retrieve.Retrieval;
import dev.herald.retrieve.SearchRequest;
import dev.herald.retrieve.TimeExpressions;
import dev.herald.metrics.HeraldMetrics;
import java.io.Closeable;
import java.nio.file.Files;
import java.time.Duration;
import java.util.stream.Stream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The composition root: wires index, retriever and composer from one {@link HeraldConfig}, and offers
 * the operations every front end (command line, chat, bot) uses.
 */
public final class Herald implements Closeable {

  private final HeraldConfig config;
  private final NewsIndex index;
  private final Retriever retriever;
  private final ExtractiveComposer composer;
  private final QuoteSearch quoteSearch;
  private final QuoteAnswerer quoteAnswerer;
  private final UpdateComposer updates;
  private final QuestionAnalysis analysis;
  private final QuestionRouter router;
  private final Map<String, String> env;
  private final boolean writable;
  private final Embeddings embeddings;
  private LlmComposer llm;
  private Reranker reranker;
  private volatile CircuitBreaker breaker;
  private volatile HeraldMetrics metrics = HeraldMetrics.off();
  private static final int RERANK_DEPTH = 10;

  private Herald(HeraldConfig config, NewsIndex index, boolean writable, Map<String, String> env, Embeddings embeddings) {
    this.config = config;
    this.index = index;
    this.writable = writable;
    this.env = env;
    this.embeddings = embeddings;
    this.analysis = new QuestionAnalysis();
    this.router = new QuestionRouter(new TimeExpressions(config.zone()), analysis);
    TimeExpressions time = new TimeExpressions(config.zone());
    this.retriever = index instanceof SolrIndex solr
        ? new SolrRetriever(solr, analysis, time, config.retrieval(), embeddings)
        : new LuceneRetriever((ArticleIndex) index, analysis, time, config.retrieval(), embeddings);
    this.composer = new ExtractiveComposer(analysis, new AttributionFinder(), config.answer(), router);
    this.quoteSearch = new QuoteSearch(index, analysis);
    this.quoteAnswerer = new QuoteAnswerer(quoteSearch, config.answer().minQuoteIndexCoverage(), config.zone(), analysis);
    this.updates = new UpdateComposer(retriever, analysis, config.digest().staleAfter(),
        config.digest().maxItems());
  }

  /** First-stage retrieval, then the optional reranker ({@code retrieval.reranker}). */
  private Retrieval retrieve(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    try {
      Retrieval r = retriever.retrieve(request);
      Reranker rr = reranker();
      if (rr == null || r.passages().size() < 2) {
        return r;
      }
      return new Retrieval(r.question(), r.termWeights(), rr.rerank(request.question(), r.passages()), r.unknownTerms(), r.partial());
    } finally {
      metrics.retrieval(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private synchronized Reranker reranker() {
    if (reranker == null && "llm".equals(config.retrieval().reranker())) {
      reranker = new LlmReranker(new ChatModelFactory(env).chatModel(config.llm()), RERANK_DEPTH);
    }
    return reranker;
  }

  // Built on first use, so that indexing and searching never need a model's key or server.
  private synchronized LlmComposer llm() {
    if (llm == null && config.llm().provider() != Provider.EXTRACTIVE) {
      LlmSettings s = config.llm();
      ChatModelFactory models = new ChatModelFactory(env);
      Judge judge = s.judge() ? new Judge(models.chatModel(s), s.judgeTimeout()) : null;
      breaker = new CircuitBreaker(s.breakerFailures(), s.breakerPause(), Clock.systemUTC());
      llm = new LlmComposer(composer, new Verifier(analysis, s.minSupport(), config.zone(), judge), s,
          models.chatModel(s), models.streamingChatModel(s), breaker, models.secrets(s), config.zone());
    }
    return llm;
  }

  /** Opens Herald with a writable index (created when missing), reading API keys from the process environment. */
  public static Herald openWritable(HeraldConfig config) throws IOException {
    return openWritable(config, System.getenv());
  }

  /**
   * Opens Herald with a writable index, reading API keys from {@code env}: the embedded index (created
   * when missing) or, with {@code index.backend: solr}, the configured SolrCloud collection.
   */
  public static Herald openWritable(HeraldConfig config, Map<String, String> env) throws IOException {
    Embeddings embeddings = new Embeddings(config.embeddings());
    Optional<Embeddings> forIndex = config.embeddings().enabled() ? Optional.of(embeddings) : Optional.empty();
    NewsIndex index = config.index().isSolr()
        ? SolrIndex.open(config.index().solr(), PassageSplitter.standard(), forIndex)
        : ArticleIndex.openWritable(config.indexDir(), PassageSplitter.standard(), forIndex);
    return new Herald(config, index, true, env, embeddings);
  }

  /** Whether the configured index holds something: a committed embedded index, or a Solr collection with articles. */
  private static boolean indexExists(HeraldConfig config, Herald opened) throws IOException {
    if (!config.index().isSolr()) {
      return ArticleIndex.exists(config.indexDir());
    }
    try {
      return opened.stats().articles() > 0;
    } catch (PartialResultsException e) {
      return true; // part of the collection answers, so it is not empty; answers made from it say they are partial
    }
  }

  /**
   * Opens Herald for answering: read-only over an existing index, or, when there is none yet, writable
   * after indexing the configured corpus into it.
   */
  public static Herald openForQuestions(HeraldConfig config, Consumer<ArticleProblem> problems, Consumer<String> notices) throws IOException {
    return openForQuestions(config, System.getenv(), problems, notices);
  }

  /** Opens Herald for answering like {@link #openForQuestions(HeraldConfig, Consumer, Consumer)}, reading API keys from {@code env}. */
  public static Herald openForQuestions(
      HeraldConfig config, Map<String, String> env, Consumer<ArticleProblem> problems, Consumer<String> notices) throws IOException {
    if (!config.index().isSolr() && ArticleIndex.exists(config.indexDir())) {
      return new Herald(config, ArticleIndex.openReadOnly(config.indexDir()), false, env, new Embeddings(config.embeddings()));
    }
    return openForService(config, env, problems, notices);
  }

  /**
   * Opens Herald writable for a long-running service that also ingests news (the bot): the configured
   * corpus is indexed first when there is no index yet. Only one process may hold the index writable.
   */
  public static Herald openForService(
      HeraldConfig config, Map<String, String> env, Consumer<ArticleProblem> problems, Consumer<String> notices) throws IOException {
    boolean fresh = !config.index().isSolr() && !ArticleIndex.exists(config.indexDir());
    Herald h = openWritable(config, env);
    try {
      if (config.index().isSolr() ? indexExists(config, h) : !fresh) {
        return h;
      }
      notices.accept("No index yet at " + h.index.location() + ": indexing " + config.corpusDir() + " first.");
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
    return new Indexer(index, new ArticleReader(), Runtime.getRuntime().availableProcessors(), config.embeddings().batchSize())
        .index(paths, problems, progress);
  }

  /**
   * Opens live-news ingestion into this Herald's index, with its state database under the data folder;
   * what it indexes is searchable here at once.
   */
  public Ingestion openIngestion(Clock clock) throws IOException {
    if (!writable) {
      throw new IllegalStateException("opened read-only");
    }
    return Ingestion.open(config.state(), config.dataDir(), config.sources(), config.ingest(), index, clock);
  }

  /** Retrieves the top passages for a request. */
  public Retrieval search(SearchRequest request) throws IOException {
    return retrieve(request);
  }

  /** Routes a question, resolving a follow-up against {@code previous} (the conversation's previous question, or {@code null}). */
  public RoutedQuestion route(String question, String previous, Instant asOf) {
    return router.route(question, previous, asOf);
  }

  /** Answers a question as of {@code asOf} with the configured composer (extractive unless a language model is set). */
  public Answer ask(String question, Instant asOf) throws IOException {
    return answer(route(question, null, asOf), asOf).answer();
  }

  /**
   * Answers a question as of {@code asOf} with the configured composer, reporting how the answer was
   * made; {@code previousQuestion} (may be {@code null}) is the conversation's previous question, against
   * which a follow-up is resolved.
   */
  public ComposedAnswer answer(String question, Instant asOf, String previousQuestion) throws IOException {
    return answer(route(question, previousQuestion, asOf), asOf);
  }

  /** Answers a routed question as of {@code asOf} with the configured composer. */
  public ComposedAnswer answer(RoutedQuestion question, Instant asOf) throws IOException {
    return compose(question, asOf, null, null, true, null);
  }

  /**
   * Answers like {@link #answer(RoutedQuestion, Instant)}, sending the text generated so far to
   * {@code partialText} while a streaming model writes (citation markers removed: they are verified only
   * in the returned answer). {@code since} is where a "what's new" without its own window starts, or {@code null}.
   */
  public ComposedAnswer answerStreaming(RoutedQuestion question, Instant asOf, Instant since, StoryLookup stories,
      Consumer<String> partialText) throws IOException {
    return compose(question, asOf, since, stories, true, partialText);
  }

  /** Answers like {@link #answerStreaming(RoutedQuestion, Instant, Instant, StoryLookup, Consumer)}, routing the question first. */
  public ComposedAnswer answerStreaming(String question, Instant asOf, String previousQuestion, Consumer<String> partialText)
      throws IOException {
    return answerStreaming(route(question, previousQuestion, asOf), asOf, null, null, partialText);
  }

  /** Answers without any language model: from the quote index, the update composer or the extractive composer. */
  public Answer answerExtractive(RoutedQuestion question, Instant asOf, Instant since, StoryLookup stories) throws IOException {
    return compose(question, asOf, since, stories, false, null).answer();
  }

  /** The one place a question's intent is dispatched to its answerer. */
  private ComposedAnswer compose(RoutedQuestion routed, Instant asOf, Instant since, StoryLookup stories, boolean useModel,
      Consumer<String> partialText) throws IOException {
    String question = routed.question();
    Intent intent = routed.intent();
    StoryLookup lookup = stories == null ? StoryLookup.NONE : stories;
    if (intent instanceof Intent.Latest || intent instanceof Intent.Timeline) {
      return ComposedAnswer.extractive(updates.answer(question, intent, since, asOf, config.zone(), lookup));
    }
    if (intent instanceof Intent.Digest d) {
      Instant from = d.since() != null ? d.since() : since != null ? since : asOf.minus(config.digest().defaultWindow());
      return ComposedAnswer.extractive(updates.digest(d.topic(), updates.developments(d.topic(), from, asOf, lookup), from, asOf,
          config.zone()));
    }
    // "Who said …?" and "What did X say about Y?" are answered from the verified quote index first.
    Optional<Answer> fromQuotes = quoteAnswerer.answer(question, intent, asOf);
    if (fromQuotes.isPresent()) {
      return ComposedAnswer.extractive(fromQuotes.get());
    }
    LlmComposer l = useModel ? llm() : null;
    // Without a model only the passages the extractive composer reads are loaded (the same first ones).
    int k = l == null ? composer.passagesRead(intent, config.k()) : config.k();
    Retrieval r = retrieve(SearchRequest.of(question, k, asOf));
    if (l == null) {
      return flagged(ComposedAnswer.extractive(composer.compose(r, asOf, intent)), r);
    }
    String previous = routed.previous();
    long start = System.nanoTime();
    ComposedAnswer a = partialText == null ? l.compose(r, asOf, previous) : l.composeStreaming(r, asOf, previous, partialText);
    metrics.llmAnswer(a, Duration.ofNanos(System.nanoTime() - start));
    return flagged(a, r);
  }

  /** Marks an answer made from a partial retrieval (part of the index unreachable) as such, in its text and its flag. */
  private static ComposedAnswer flagged(ComposedAnswer a, Retrieval r) {
    return r.partial() ? a.withAnswer(a.answer().asPartial()) : a;
  }

  /**
   * Records into {@code m} from now on, and exposes through it the index's size and the language model's
   * call counts and breaker state.
   */
  public void useMetrics(HeraldMetrics m) {
    this.metrics = m;
    m.gauge("herald.index.articles", "Articles searchable in the index", null, this, h -> h.statsOrNaN(true));
    m.gauge("herald.index.passages", "Passages searchable in the index", null, this, h -> h.statsOrNaN(false));
    if (index instanceof ArticleIndex embedded) {
      m.gauge("herald.index.size", "Bytes the index folder holds on disk", "bytes", embedded.dir(), Herald::folderSize);
    }
    m.bindLlm(() -> {
      CircuitBreaker b = breaker;
      if (b == null) {
        return HeraldMetrics.LlmCounts.NONE;
      }
      int state = switch (b.state()) {
        case CLOSED -> 0;
        case OPEN -> 1;
        case HALF_OPEN -> 2;
      };
      return new HeraldMetrics.LlmCounts(b.successes(), b.failures(), b.rejections(), state);
    });
  }

  /** The meters this Herald records into (they record nothing unless {@link #useMetrics} was given real ones). */
  public HeraldMetrics metrics() {
    return metrics;
  }

  private double statsOrNaN(boolean articles) {
    try {
      IndexStats s = index.stats();
      return articles ? s.articles() : s.passages();
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static double folderSize(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0; // merged away between listing and sizing
        }
      }).sum();
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /** What keeps the index from serving questions, or empty when it is open and searchable. */
  public Optional<String> indexProblem() {
    return index.problem();
  }

  /** The composer of updates, timelines and digests over this index. */
  public UpdateComposer updates() {
    return updates;
  }

  /** Lists verified quotes by {@code speaker}, optionally about {@code topic}, newest first. */
  public List<FoundQuote> quotesBy(String speaker, String topic, Instant asOf, int k) throws IOException {
    return quoteSearch.bySpeaker(speaker, topic, asOf, k);
  }

  /** The outlets in the index with their article counts and freshness. */
  public List<SourceStats> sources() throws IOException {
    return index.sources();
  }

  /** The {@code n} newest articles published by {@code asOf}, newest first, each as its first passage. */
  public List<Passage> newest(int n, Instant asOf) throws IOException {
    return index.newest(n, asOf);
  }

  /** Whether the embedding model has been loaded (never in BM25 mode over an index without vectors). */
  public boolean embeddingModelLoaded() {
    return embeddings.isLoaded();
  }

  /** Waits for the index's background merges after a bulk load; returns the segments searched (see {@link NewsIndex#settle}). */
  public int settleIndex() throws IOException {
    return index.settle();
  }

  /** What the index holds now. */
  public IndexStats stats() throws IOException {
    return index.stats();
  }

  /** Closes the index; uncommitted writes (there are none after {@link #index}) are discarded. */
  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (llm != null) {
        llm.close();
      }
    }
    embeddings.close();
    index.close();
  }
}
