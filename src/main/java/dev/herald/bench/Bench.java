package dev.herald.bench;

import dev.herald.bench.BenchReport.IndexRound;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.Herald;
import dev.herald.config.HeraldConfig;
import dev.herald.corpus.Article;
import dev.herald.corpus.ArticleReader;
import dev.herald.embed.EmbeddingSettings;
import dev.herald.embed.PassageEmbedder;
import dev.herald.index.ArticleIndex;
import dev.herald.index.HeraldAnalyzer;
import dev.herald.index.IndexBackend;
import dev.herald.index.SolrIndex;
import dev.herald.index.SolrSettings;
import dev.herald.index.Passage;
import dev.herald.index.PassageSplitter;
import dev.herald.retrieve.QuestionAnalysis;
import dev.herald.retrieve.RetrievalMode;
import dev.herald.retrieve.SearchRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The benchmark behind {@code herald bench}: builds a corpus of about N passages by repeating source
 * articles under distinct ids, then measures Herald's indexing against a bare Lucene IndexWriter over
 * the same passages, and {@code search}/{@code ask} latency against a bare BM25 top-10 query, warm and
 * in-process, plus peak heap; all of that in BM25 mode without embeddings. Then, on a smaller corpus
 * (embedding is two orders of magnitude slower than BM25 indexing), the bare embedding model's rate
 * against Herald's indexing with embeddings, and hybrid {@code search}/{@code ask} latency.
 */
public final class Bench {

  private static final int WARMUP = 300;
  /**
   * Warm-up runs of each of the three timed BM25 operations before any is measured. 300 left Herald's
   * longer code paths still being compiled while they were timed (their first thousand runs were slower
   * than the next), while the bare query, a few methods deep, was already compiled: the figures then
   * measured the JIT as much as the query. A bot answers at steady state.
   */
  private static final int STEADY_WARMUP = 3000;
  private static final int MEASURED = 1000;

  /** Indexing rounds by default: the reported pair is the median of three. */
  public static final int INDEX_ROUNDS = 3;

  private final HeraldConfig base;
  private final Consumer<String> log;
  private final int indexRounds;

  /** Creates a benchmark whose Herald instances use {@code base} settings (the data folder is replaced). */
  public Bench(HeraldConfig base, Consumer<String> log) {
    this(base, log, INDEX_ROUNDS);
  }

  /** The same, timing indexing in {@code indexRounds} rounds (each the bare writer, then Herald). */
  public Bench(HeraldConfig base, Consumer<String> log, int indexRounds) {
    if (indexRounds < 1) {
      throw new IllegalArgumentException("indexing rounds must be at least 1, not " + indexRounds);
    }
    this.base = base;
    this.log = log;
    this.indexRounds = indexRounds;
  }

  /**
   * Runs the benchmark over {@code corpus} with {@code questions} as queries, in a scratch folder:
   * BM25 at {@code targetPassages}, embeddings and hybrid at {@code embeddedPassages} (0 skips them).
   */
  public BenchReport run(Path corpus, int targetPassages, int embeddedPassages, List<String> questions) throws IOException {
    HeapSampler heap = new HeapSampler();
    Path work = Files.createTempDirectory("herald-bench");
    try {
      List<Article> source = new ArrayList<>();
      new ArticleReader().read(List.of(corpus), source::add, p -> log.accept("skipped: " + p));
      if (source.isEmpty()) {
        throw new IOException("no articles in " + corpus);
      }
      PassageSplitter splitter = PassageSplitter.standard();
      Path jsonl = work.resolve("bench.jsonl");
      List<String> passageTexts = new ArrayList<>();
      int articles = writeRepeated(source, splitter, targetPassages, jsonl, passageTexts, p -> p.text());
      log.accept("corpus: " + articles + " articles, " + passageTexts.size() + " passages from " + corpus);
      if (questions.isEmpty()) {
        questions = source.stream().map(Article::title).limit(200).toList();
      }

      // The BM25 figures stay comparable with earlier runs whatever the config's mode.
      HeraldConfig bm25Config = base.withRetrieval(base.retrieval().withMode(RetrievalMode.BM25))
          .withEmbeddings(base.embeddings().withEnabled(false));
      SolrSettings scratch = null;
      if (base.index().isSolr()) {
        // Never the configured collection: a scratch one beside it, created here and deleted afterwards.
        scratch = base.index().solr().withCollection(base.index().solr().collection() + "_bench");
        bm25Config = bm25Config.withIndex(new IndexBackend(IndexBackend.Kind.SOLR, scratch));
      }
      // Indexing is timed in rounds, each the bare writer then Herald over the same passages into fresh
      // folders, next to each other in time: on a shared machine one pair can land in a slow minute, so the
      // figures are those of the round with the median ratio, and every round is reported. The first round
      // runs in a fresh JVM, where Herald's longer indexing code is still being compiled.
      int rounds = base.index().isSolr() ? 1 : indexRounds;
      List<IndexRound> measured = new ArrayList<>();
      BenchReport bm25;
      try {
        for (int round = 1; ; round++) {
          Path bare = work.resolve("bare");
          deleteTree(bare);
          double luceneRate = bareIndex(bare, passageTexts);
          deleteTree(work.resolve("data"));
          if (scratch != null) {
            SolrIndex.deleteCollection(scratch);
            SolrIndex.init(scratch, base.home().resolve("config/solr"));
            log.accept("Solr: scratch collection " + scratch.collection() + ", " + scratch.shards() + " shard(s) x "
                + scratch.replicas() + " replica(s)");
          }
          try (Herald h = Herald.openWritable(bm25Config.withDataDir(work.resolve("data")))) {
            long t0 = System.nanoTime();
            var summary = h.index(List.of(jsonl), p -> {}, (x, y) -> {});
            double heraldRate = summary.passages() / ((System.nanoTime() - t0) / 1e9);
            measured.add(new IndexRound(heraldRate, luceneRate));
            log.accept(String.format(java.util.Locale.ROOT, "indexing round %d of %d: Herald %.0f passages/s, bare Lucene %.0f passages/s (%.1f%%)",
                round, rounds, heraldRate, luceneRate, 100 * heraldRate / luceneRate));
            if (round < rounds) {
              continue;
            }
            // Merges a bulk load leaves running would compete with the timed queries for the cores (the bare
            // index below is closed and settled): they finish first, outside every timing.
            int segments = h.settleIndex();
            log.accept("Herald index settled: " + segments + " segment(s); bare index: " + segments(bare) + " segment(s)");
            Instant now = Instant.now();
            double[][] timed = timeSteady(bare, questions, q -> h.search(SearchRequest.of(q, 10, now)), q -> h.ask(q, now));
            double[] search = timed[0];
            double[] ask = timed[1];
            double[] bareQuery = timed[2];
            IndexRound typical = medianRound(measured);
            bm25 = new BenchReport(summary.passages(), typical.heraldPerS(), typical.lucenePerS(),
                pct(search, 50), pct(search, 95), pct(ask, 50), pct(ask, 95), pct(bareQuery, 50), heap.peakMb(), null, measured);
            break;
          }
        }
      } finally {
        if (scratch != null) {
          SolrIndex.deleteCollection(scratch);
        }
      }
      if (embeddedPassages <= 0 || base.index().isSolr()) {
        // The embedding figures measure the model and the embedded index's hybrid mode, which Solr does not offer.
        return bm25;
      }
      DenseBenchReport dense = dense(work, source, splitter, embeddedPassages, questions);
      return new BenchReport(bm25.passages(), bm25.indexPerS(), bm25.luceneIndexPerS(), bm25.searchP50Ms(), bm25.searchP95Ms(),
          bm25.askP50Ms(), bm25.askP95Ms(), bm25.luceneQueryP50Ms(), heap.peakMb(), dense, bm25.indexRounds());
    } finally {
      heap.close();
      deleteTree(work);
    }
  }

  /**
   * Measures hybrid latency over {@code target} passages, each with a vector; the repeated corpus's
   * copies reuse the vector of their distinct text (see {@link ScaleBenchReport}).
   */
  public ScaleBenchReport hybridAtScale(Path corpus, int target, List<String> questions) throws IOException {
    Path work = Files.createTempDirectory("herald-bench-scale");
    try {
      List<Article> source = new ArrayList<>();
      new ArticleReader().read(List.of(corpus), source::add, p -> log.accept("skipped: " + p));
      Path jsonl = work.resolve("scale.jsonl");
      List<String> texts = new ArrayList<>();
      writeRepeated(source, PassageSplitter.standard(), target, jsonl, texts, ArticleIndex::embeddingText);
      int distinct = (int) texts.stream().distinct().count();
      List<String> qs = questions.isEmpty() ? source.stream().map(Article::title).limit(200).toList() : questions;
      EmbeddingSettings es = base.embeddings().withEnabled(true).withReuse(true);
      HeraldConfig cfg = base.withDataDir(work.resolve("data")).withEmbeddings(es)
          .withRetrieval(base.retrieval().withMode(RetrievalMode.HYBRID));
      try (Herald h = Herald.openWritable(cfg)) {
        long t0 = System.nanoTime();
        var summary = h.index(List.of(jsonl), p -> {}, (a, b) -> {});
        double seconds = (System.nanoTime() - t0) / 1e9;
        log.accept(String.format(java.util.Locale.ROOT, "hybrid at scale: %d passages (%d distinct texts embedded) in %.0f s",
            summary.passages(), distinct, seconds));
        Instant now = Instant.now();
        double[] search = time(qs, q -> h.search(SearchRequest.of(q, 10, now)));
        double[] ask = time(qs, q -> h.ask(q, now));
        return new ScaleBenchReport(summary.passages(), distinct, seconds, pct(search, 50), pct(search, 95), pct(ask, 50), pct(ask, 95));
      }
    } finally {
      deleteTree(work);
    }
  }

  /** The {@code --json} object of {@link #hybridAtScale}. */
  public static ObjectNode json(ScaleBenchReport r) {
    ObjectNode n = new ObjectMapper().createObjectNode();
    n.put("passages", r.passages());
    n.put("distinct_texts_embedded", r.distinctTexts());
    n.put("index_seconds", round(r.indexSeconds()));
    n.put("hybrid_search_p50_ms", round(r.hybridSearchP50Ms()));
    n.put("hybrid_search_p95_ms", round(r.hybridSearchP95Ms()));
    n.put("hybrid_ask_p50_ms", round(r.hybridAskP50Ms()));
    n.put("hybrid_ask_p95_ms", round(r.hybridAskP95Ms()));
    return n;
  }

  private DenseBenchReport dense(Path work, List<Article> source, PassageSplitter splitter, int target, List<String> qs)
      throws IOException {
    Path jsonl = work.resolve("dense.jsonl");
    List<String> texts = new ArrayList<>();
    writeRepeated(source, splitter, target, jsonl, texts, ArticleIndex::embeddingText);
    EmbeddingSettings es = base.embeddings().withEnabled(true);
    double modelRate;
    try (PassageEmbedder embedder = new PassageEmbedder(es)) {
      // One batch first: the first call unpacks the tokenizer and warms the ONNX session.
      embedder.embedPassages(texts.subList(0, Math.min(es.batchSize(), texts.size())));
      long t0 = System.nanoTime();
      for (int i = 0; i < texts.size(); i += es.batchSize()) {
        embedder.embedPassages(texts.subList(i, Math.min(texts.size(), i + es.batchSize())));
      }
      modelRate = texts.size() / ((System.nanoTime() - t0) / 1e9);
    }
    log.accept(String.format(java.util.Locale.ROOT, "embedding model %s alone: %.0f passages/s", es.model().id(), modelRate));
    HeraldConfig cfg = base.withDataDir(work.resolve("dense-data")).withEmbeddings(es)
        .withRetrieval(base.retrieval().withMode(RetrievalMode.HYBRID));
    try (Herald h = Herald.openWritable(cfg)) {
      long t0 = System.nanoTime();
      var summary = h.index(List.of(jsonl), p -> {}, (a, b) -> {});
      double rate = summary.passages() / ((System.nanoTime() - t0) / 1e9);
      log.accept(String.format(java.util.Locale.ROOT, "Herald indexing with embeddings: %.0f passages/s", rate));
      Instant now = Instant.now();
      double[] search = time(qs, q -> h.search(SearchRequest.of(q, 10, now)));
      double[] ask = time(qs, q -> h.ask(q, now));
      return new DenseBenchReport(summary.passages(), es.model().id(), modelRate, rate,
          pct(search, 50), pct(search, 95), pct(ask, 50), pct(ask, 95));
    }
  }

  /** The {@code --json} object. */
  public static ObjectNode json(BenchReport r) {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("passages", r.passages());
    o.put("index_per_s", round(r.indexPerS()));
    o.put("lucene_index_per_s", round(r.luceneIndexPerS()));
    o.put("search_p50_ms", round(r.searchP50Ms()));
    o.put("search_p95_ms", round(r.searchP95Ms()));
    o.put("ask_p50_ms", round(r.askP50Ms()));
    o.put("ask_p95_ms", round(r.askP95Ms()));
    o.put("lucene_query_p50_ms", round(r.luceneQueryP50Ms()));
    o.put("heap_peak_mb", round(r.heapPeakMb()));
    var rounds = o.putArray("index_rounds");
    for (IndexRound round : r.indexRounds()) {
      ObjectNode n = rounds.addObject();
      n.put("index_per_s", round(round.heraldPerS()));
      n.put("lucene_index_per_s", round(round.lucenePerS()));
      n.put("ratio", round(round.heraldPerS() / round.lucenePerS()));
    }
    if (r.dense() != null) {
      DenseBenchReport d = r.dense();
      ObjectNode n = o.putObject("dense");
      n.put("passages", d.passages());
      n.put("model", d.model());
      n.put("model_per_s", round(d.modelPerS()));
      n.put("index_per_s", round(d.indexPerS()));
      n.put("hybrid_search_p50_ms", round(d.hybridSearchP50Ms()));
      n.put("hybrid_search_p95_ms", round(d.hybridSearchP95Ms()));
      n.put("hybrid_ask_p50_ms", round(d.hybridAskP50Ms()));
      n.put("hybrid_ask_p95_ms", round(d.hybridAskP95Ms()));
    }
    return o;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static int writeRepeated(List<Article> source, PassageSplitter splitter, int target, Path out, List<String> passages,
      Function<Passage, String> text) throws IOException {
    ObjectMapper json = new ObjectMapper();
    int articles = 0;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int copy = 0; passages.size() < target; copy++) {
        for (Article a : source) {
          if (passages.size() >= target) {
            break;
          }
          Article c = new Article(a.id() + "-r" + copy, a.title(), a.url() + "#r" + copy, a.source(), a.author(), a.published(), a.text());
          for (Passage p : splitter.split(c)) {
            passages.add(text.apply(p));
          }
          ObjectNode o = json.createObjectNode();
          o.put("id", c.id()).put("title", c.title()).put("url", c.url()).put("source", c.source())
              .put("published", c.published().toString()).put("text", c.text());
          if (c.author() != null) {
            o.put("author", c.author());
          }
          w.write(json.writeValueAsString(o));
          w.newLine();
          articles++;
        }
      }
    }
    return articles;
  }

  private static double bareIndex(Path dir, List<String> passages) throws IOException {
    long t0 = System.nanoTime();
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new HeraldAnalyzer()).setRAMBufferSizeMB(64))) {
      int i = 0;
      for (String p : passages) {
        Document doc = new Document();
        doc.add(new StringField("id", Integer.toString(i++), Field.Store.YES));
        doc.add(new TextField("text", p, Field.Store.YES));
        w.addDocument(doc);
      }
      w.commit();
    }
    return passages.size() / ((System.nanoTime() - t0) / 1e9);
  }

  private static int segments(Path dir) throws IOException {
    try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
      return reader.leaves().size();
    }
  }

  /**
   * Times {@code search}, {@code ask} and a bare BM25 top-10 query over the index in {@code bareDir} on
   * {@code questions}, at steady state: all three are first run {@link #STEADY_WARMUP} times each, in
   * turn, so that each is measured with its code compiled; then each is timed {@link #MEASURED} times.
   * Returns the three sorted arrays of milliseconds, in that order.
   */
  private static double[][] timeSteady(Path bareDir, List<String> questions, Op search, Op ask) throws IOException {
    QuestionAnalysis analysis = new QuestionAnalysis();
    try (Directory d = FSDirectory.open(bareDir); DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Op bare = q -> {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : analysis.questionTerms(q)) {
          b.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
        }
        Query query = b.build();
        var top = searcher.search(query, 10);
        for (var sd : top.scoreDocs) {
          searcher.storedFields().document(sd.doc);
        }
      };
      for (int i = 0; i < STEADY_WARMUP; i++) {
        String q = questions.get(i % questions.size());
        search.run(q);
        ask.run(q);
        bare.run(q);
      }
      // Timed interleaved too, question by question, so that a slow stretch of a shared machine falls on all
      // three alike instead of on whichever was being measured then.
      Op[] ops = {search, ask, bare};
      double[][] ms = new double[ops.length][MEASURED];
      for (int i = 0; i < MEASURED; i++) {
        String q = questions.get(i % questions.size());
        for (int o = 0; o < ops.length; o++) {
          long t0 = System.nanoTime();
          ops[o].run(q);
          ms[o][i] = (System.nanoTime() - t0) / 1e6;
        }
      }
      for (double[] m : ms) {
        Arrays.sort(m);
      }
      return ms;
    }
  }

  private interface Op {
    void run(String q) throws IOException;
  }

  private static double[] time(List<String> questions, Op op) throws IOException {
    for (int i = 0; i < WARMUP; i++) {
      op.run(questions.get(i % questions.size()));
    }
    return measure(questions, op);
  }

  private static double[] measure(List<String> questions, Op op) throws IOException {
    double[] ms = new double[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      long t0 = System.nanoTime();
      op.run(questions.get(i % questions.size()));
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  /**
   * The round whose Herald-to-bare ratio is the median (the lower of the middle two for an even count):
   * its two rates were measured next to each other, so they are reported together.
   */
  private static IndexRound medianRound(List<IndexRound> rounds) {
    List<IndexRound> byRatio = rounds.stream()
        .sorted(Comparator.comparingDouble((IndexRound r) -> r.heraldPerS() / r.lucenePerS())).toList();
    return byRatio.get((byRatio.size() - 1) / 2);
  }

  private static double pct(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /**
   * Samples used heap every 20 ms on a named daemon thread. Summing the pools' own peaks would add
   * peaks reached at different moments, so the total in use is sampled instead.
   */
  private static final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "herald-bench-heap-sampler");
          t.setDaemon(true);
          return t;
        });

    HeapSampler() {
      timer.scheduleAtFixedRate(this::sample, 0, 20, TimeUnit.MILLISECONDS);
    }

    private void sample() {
      peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }

    double peakMb() {
      sample();
      return peak.get() / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
