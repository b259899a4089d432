package dev.herald.index;

import dev.herald.corpus.Article;
import dev.herald.embed.Embeddings;
import dev.herald.embed.InProcessModel;
import dev.herald.quotes.Quote;
import dev.herald.quotes.QuoteExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Herald's one Lucene index of passages and attributed quotes (told apart by {@link Fields#KIND}).
 * Writing goes through a single {@link IndexWriter}; every article's passages and quotes are replaced as
 * one block, keyed by article id, so re-indexing never duplicates.
 * Readers come from one {@link SearcherManager}, refreshed after writes (near-real-time when a writer
 * is open). Nothing is visible to a new process until {@link #commit()}, and a crash before it leaves
 * the last commit intact.
 * When embeddings are on, every passage also carries a dense vector, and each commit records the model
 * and dimension, so that a later model change is refused with a "re-embed" message instead of mixing
 * incomparable vectors.
 */
public final class ArticleIndex implements NewsIndex {

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final PassageSplitter splitter;
  private final QuoteExtractor quotes;
  private final Analyzer analyzer;
  private final Optional<Embeddings> embeddings;
  private final Path dir;
  private final FieldTypes types;

  private ArticleIndex(Path dir, Directory directory, IndexWriter writer, SearcherManager searchers, PassageSplitter splitter,
      Analyzer analyzer, Optional<Embeddings> embeddings, FieldTypes types) {
    this.dir = dir;
    this.types = types;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.splitter = splitter;
    this.quotes = QuoteExtractor.standard();
    this.analyzer = analyzer;
    this.embeddings = embeddings;
  }

  /** Opens (creating if needed) the index at {@code dir} for reading and writing, without passage vectors. */
  public static ArticleIndex openWritable(Path dir, PassageSplitter splitter) throws IOException {
    return openWritable(dir, splitter, Optional.empty());
  }

  /**
   * Opens (creating if needed) the index at {@code dir} for reading and writing; with {@code embeddings},
   * every passage added gets a vector from that model. Refuses, with a message naming the fix, to mix
   * passages with and without vectors or vectors of two models.
   */
  public static ArticleIndex openWritable(Path dir, PassageSplitter splitter, Optional<Embeddings> embeddings) throws IOException {
    Files.createDirectories(dir);
    Directory directory = FSDirectory.open(dir);
    Analyzer analyzer = new HeraldAnalyzer();
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer);
    cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    // 128 MB: a bulk load of 100,000 passages then settles into two segments instead of three, and each
    // question pays its per-segment lookups fewer times (docs/BENCHMARKS.md); peak heap stays under 512 MB.
    cfg.setRAMBufferSizeMB(128);
    cfg.setCommitOnClose(false);
    IndexWriter writer = new IndexWriter(directory, cfg);
    try {
      checkWritable(dir, writer, embeddings);
    } catch (ReembedNeededException e) {
      writer.rollback();
      directory.close();
      throw e;
    }
    SearcherManager searchers = new SearcherManager(writer, new SearcherFactory());
    FieldTypes types;
    IndexSearcher s = searchers.acquire();
    try {
      types = FieldTypes.of(FieldInfos.getMergedFieldInfos(s.getIndexReader()));
    } finally {
      searchers.release(s);
    }
    return new ArticleIndex(dir, directory, writer, searchers, splitter, analyzer, embeddings, types);
  }

  private static void checkWritable(Path dir, IndexWriter writer, Optional<Embeddings> embeddings) {
    Map<String, String> data = new HashMap<>();
    writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
    Optional<IndexEmbedding> recorded = IndexEmbedding.fromCommitData(data);
    boolean empty = writer.getDocStats().numDocs == 0;
    checkAnalysis(dir, data, empty);
    if (embeddings.isPresent()) {
      IndexEmbedding wanted = of(embeddings.get().settings().model());
      if (recorded.isPresent() && !recorded.get().equals(wanted)) {
        throw new ReembedNeededException(reembed(dir, recorded.get(), wanted));
      }
      if (recorded.isEmpty() && !empty) {
        throw new ReembedNeededException("the index at " + dir + " holds passages without vectors; re-embed needed: "
            + "index everything again into a new --data folder (or delete " + dir + ") with index.embeddings: true");
      }
    } else if (recorded.isPresent() && !empty) {
      throw new ReembedNeededException("the index at " + dir + " holds passage vectors of " + recorded.get()
          + "; adding passages without vectors would hide them from dense search: set index.embeddings: true "
          + "(index.embedding-model: " + recorded.get().model() + "), or index into a new --data folder");
    }
  }

  /** Refuses an index whose terms were made by another version of the text analysis: its searches would miss. */
  private static void checkAnalysis(Path dir, Map<String, String> data, boolean empty) {
    String recorded = data.get(Fields.COMMIT_ANALYSIS);
    if (!empty && !PlaceNameFilter.ANALYSIS_VERSION.equals(recorded)) {
      throw new ReembedNeededException("the index at " + dir + " was built with an older text analysis (version "
          + (recorded == null ? "1" : recorded) + ", now " + PlaceNameFilter.ANALYSIS_VERSION + "); re-index needed: "
          + "index everything again into a new --data folder, or delete " + dir + " and run the command again");
    }
  }

  static String reembed(Path dir, IndexEmbedding recorded, IndexEmbedding wanted) {
    return "the index at " + dir + " was embedded with " + recorded + " but the configuration asks for " + wanted
        + "; re-embed needed: index everything again into a new --data folder (or delete " + dir
        + "), or set index.embedding-model: " + recorded.model();
  }

  private static IndexEmbedding of(InProcessModel model) {
    return new IndexEmbedding(model.id(), model.dimension());
  }

  /** Opens an existing index at {@code dir} for reading only; no lock is taken. */
  public static ArticleIndex openReadOnly(Path dir) throws IOException {
    Directory directory = FSDirectory.open(dir);
    SearcherManager searchers = new SearcherManager(directory, new SearcherFactory());
    IndexSearcher s = searchers.acquire();
    try {
      DirectoryReader reader = (DirectoryReader) s.getIndexReader();
      checkAnalysis(dir, reader.getIndexCommit().getUserData(), reader.numDocs() == 0);
    } catch (ReembedNeededException e) {
      searchers.release(s);
      s = null;
      searchers.close();
      directory.close();
      throw e;
    } finally {
      if (s != null) {
        searchers.release(s);
      }
    }
    return new ArticleIndex(dir, directory, null, searchers, PassageSplitter.standard(), new HeraldAnalyzer(), Optional.empty(), FieldTypes.lean());
  }

  @Override
  public String location() {
    return dir.toString();
  }

  /**
   * What keeps the index from serving questions: its folder must still hold an index (a lost or
   * unmounted volume is noticed although open files keep working) and a search must run.
   */
  @Override
  public Optional<String> problem() {
    if (!Files.isDirectory(dir)) {
      return Optional.of("index folder " + dir + " is missing");
    }
    try (Directory d = FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(d)) {
        return Optional.of("no index in " + dir);
      }
      stats();
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of("index at " + dir + " is not searchable: " + e.getMessage());
    }
  }

  @Override
  public List<Quote> quotesMatching(java.util.Collection<String> terms, Instant asOf, int n) throws IOException {
    var any = new org.apache.lucene.search.BooleanQuery.Builder();
    for (String t : terms) {
      any.add(new org.apache.lucene.search.TermQuery(new Term(Fields.QUOTE_TEXT, t)), org.apache.lucene.search.BooleanClause.Occur.SHOULD);
    }
    var q = new org.apache.lucene.search.BooleanQuery.Builder()
        .add(any.build(), org.apache.lucene.search.BooleanClause.Occur.MUST)
        .add(new org.apache.lucene.search.TermQuery(new Term(Fields.KIND, Fields.KIND_QUOTE)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
        .add(LongPoint.newRangeQuery(Fields.PUBLISHED, Long.MIN_VALUE, asOf.toEpochMilli()), org.apache.lucene.search.BooleanClause.Occur.FILTER)
        .build();
    IndexSearcher s = acquire();
    try {
      List<Quote> out = new ArrayList<>();
      var stored = s.storedFields();
      for (var sd : s.search(q, n).scoreDocs) {
        out.add(toQuote(stored.document(sd.doc)));
      }
      return out;
    } finally {
      release(s);
    }
  }

  @Override
  public List<Quote> quotesBy(java.util.Collection<String> speakerTerms, java.util.Collection<String> topicTerms, Instant asOf, int n)
      throws IOException {
    var q = new org.apache.lucene.search.BooleanQuery.Builder()
        .add(new org.apache.lucene.search.TermQuery(new Term(Fields.KIND, Fields.KIND_QUOTE)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
        .add(LongPoint.newRangeQuery(Fields.PUBLISHED, Long.MIN_VALUE, asOf.toEpochMilli()), org.apache.lucene.search.BooleanClause.Occur.FILTER);
    for (String name : speakerTerms) {
      q.add(new org.apache.lucene.search.TermQuery(new Term(Fields.SPEAKER, name)), org.apache.lucene.search.BooleanClause.Occur.FILTER);
    }
    if (!topicTerms.isEmpty()) {
      var t = new org.apache.lucene.search.BooleanQuery.Builder();
      for (String w : topicTerms) {
        t.add(new org.apache.lucene.search.TermQuery(new Term(Fields.QUOTE_TEXT, w)), org.apache.lucene.search.BooleanClause.Occur.SHOULD);
      }
      q.add(t.build(), org.apache.lucene.search.BooleanClause.Occur.MUST);
    }
    IndexSearcher s = acquire();
    try {
      List<Quote> out = new ArrayList<>();
      var stored = s.storedFields();
      var newestFirst = new org.apache.lucene.search.Sort(
          new org.apache.lucene.search.SortField(Fields.PUBLISHED, org.apache.lucene.search.SortField.Type.LONG, true));
      for (var sd : s.search(q.build(), n, newestFirst).scoreDocs) {
        out.add(toQuote(stored.document(sd.doc)));
      }
      return out;
    } finally {
      release(s);
    }
  }

  @Override
  public List<Passage> passagesOf(String articleId) throws IOException {
    var q = new org.apache.lucene.search.BooleanQuery.Builder()
        .add(new org.apache.lucene.search.TermQuery(new Term(Fields.ARTICLE_ID, articleId)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
        .add(new org.apache.lucene.search.TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
        .build();
    IndexSearcher s = acquire();
    try {
      List<Passage> out = new ArrayList<>();
      var stored = s.storedFields();
      for (var sd : s.search(q, 1000).scoreDocs) {
        out.add(toPassage(stored.document(sd.doc)));
      }
      return out;
    } finally {
      release(s);
    }
  }

  /** Returns whether a committed index exists at {@code dir}. */
  public static boolean exists(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Directory d = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(d);
    }
  }

  /** The analyzer used for the analysed fields; queries must use the same one. */
  public Analyzer analyzer() {
    return analyzer;
  }

  /**
   * Splits {@code article} into passages, extracts its attributed quotes, and replaces whatever the index
   * held under its id with both, as one block; returns the passage count.
   */
  @Override
  public int add(Article article) throws IOException {
    return add(List.of(article));
  }

  /**
   * Adds several articles like {@link #add(Article)}; with embeddings on, all their passages are
   * embedded in one batch first. Returns the passage count.
   */
  @Override
  public int add(List<Article> articles) throws IOException {
    requireWritable();
    List<List<Passage>> split = new ArrayList<>(articles.size());
    List<String> texts = new ArrayList<>();
    for (Article a : articles) {
      List<Passage> ps = splitter.split(a);
      split.add(ps);
      if (embeddings.isPresent()) {
        for (Passage p : ps) {
          texts.add(embeddingText(p));
        }
      }
    }
    List<float[]> vectors = embeddings.isPresent() ? embeddings.get().get().embedPassages(texts) : List.of();
    int v = 0;
    int passages = 0;
    for (int i = 0; i < articles.size(); i++) {
      Article article = articles.get(i);
      List<Document> docs = new ArrayList<>(split.get(i).size());
      for (Passage p : split.get(i)) {
        Document d = toDocument(p);
        if (embeddings.isPresent()) {
          d.add(new KnnFloatVectorField(Fields.VECTOR, vectors.get(v++), VectorSimilarityFunction.COSINE));
        }
        docs.add(d);
      }
      for (Quote q : quotes.extract(article)) {
        docs.add(toDocument(q));
      }
      writer.updateDocuments(new Term(Fields.ARTICLE_ID, article.id()), docs);
      passages += split.get(i).size();
    }
    return passages;
  }

  /** The text a passage's vector is made from: its headline gives a short passage its topic. */
  public static String embeddingText(Passage p) {
    return p.title() + "\n" + p.text();
  }

  /** Whether passages added now get vectors. */
  @Override
  public boolean embedsPassages() {
    return embeddings.isPresent();
  }

  /** Makes everything added so far durable and visible to other processes, atomically. */
  @Override
  public void commit() throws IOException {
    requireWritable();
    Map<String, String> data = new HashMap<>();
    data.put(Fields.COMMIT_ANALYSIS, PlaceNameFilter.ANALYSIS_VERSION);
    if (embeddings.isPresent()) {
      data.putAll(of(embeddings.get().settings().model()).toCommitData());
    }
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  @Override
  public boolean flushBuffer() throws IOException {
    requireWritable();
    return writer.flushNextBuffer();
  }

  /**
   * The model the passage vectors were made with: for a writable index, what its commits record or will
   * record; for a read-only one, what the commit being read records. Empty when there are no vectors.
   */
  public Optional<IndexEmbedding> embedding() throws IOException {
    if (writer != null) {
      if (embeddings.isPresent()) {
        return Optional.of(of(embeddings.get().settings().model()));
      }
      Map<String, String> data = new HashMap<>();
      writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      return IndexEmbedding.fromCommitData(data);
    }
    IndexSearcher s = acquire();
    try {
      return IndexEmbedding.fromCommitData(((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData());
    } finally {
      release(s);
    }
  }

  /** Where the index lives, for messages. */
  public Path dir() {
    return dir;
  }

  /**
   * Fails with a clear message unless the passage vectors were made with {@code model}, so that a query
   * vector is never compared with vectors of another model.
   */
  @Override
  public void requireEmbedding(InProcessModel model, String mode) throws IOException {
    Optional<IndexEmbedding> recorded = embedding();
    IndexEmbedding wanted = of(model);
    if (recorded.isEmpty()) {
      throw new ReembedNeededException("retrieval mode " + mode + " needs passage vectors, but the index at " + dir
          + " has none: index again into a new --data folder with 'herald index --embeddings' (or index.embeddings: true),"
          + " or use --mode bm25");
    }
    if (!recorded.get().equals(wanted)) {
      throw new ReembedNeededException(reembed(dir, recorded.get(), wanted));
    }
  }

  /** Makes recent writes visible to this process's searchers. */
  @Override
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  @Override
  public int settle() throws IOException {
    if (writer != null && writer.getConfig().getMergeScheduler() instanceof org.apache.lucene.index.ConcurrentMergeScheduler cms) {
      cms.sync();
    }
    refresh();
    IndexSearcher s = acquire();
    try {
      return s.getIndexReader().leaves().size();
    } finally {
      release(s);
    }
  }

  /** Borrows the current searcher; give it back with {@link #release}. */
  public IndexSearcher acquire() throws IOException {
    return searchers.acquire();
  }

  /** Returns a searcher borrowed with {@link #acquire}. */
  public void release(IndexSearcher searcher) throws IOException {
    searchers.release(searcher);
  }

  /** Counts the articles and finds the newest publication time visible now. */
  @Override
  public IndexStats stats() throws IOException {
    IndexSearcher s = acquire();
    try {
      int articles = s.count(new org.apache.lucene.search.TermQuery(new Term(Fields.ARTICLE_HEAD, Fields.YES)));
      int passages = s.count(new org.apache.lucene.search.TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)));
      Instant newest = null;
      if (articles > 0) {
        var top = s.search(
            new org.apache.lucene.search.TermQuery(new Term(Fields.ARTICLE_HEAD, Fields.YES)), 1,
            new org.apache.lucene.search.Sort(
                new org.apache.lucene.search.SortField(Fields.PUBLISHED, org.apache.lucene.search.SortField.Type.LONG, true)));
        if (top.scoreDocs.length > 0) {
          var doc = s.storedFields().document(top.scoreDocs[0].doc);
          newest = Instant.ofEpochMilli(doc.getField(Fields.PUBLISHED).numericValue().longValue());
        }
      }
      return new IndexStats(articles, passages, newest);
    } finally {
      release(s);
    }
  }

  /** Lists every outlet with its article count and newest article, most articles first. */
  @Override
  public List<SourceStats> sources() throws IOException {
    IndexSearcher s = acquire();
    try {
      java.util.Map<String, int[]> counts = new java.util.HashMap<>();
      java.util.Map<String, Long> newest = new java.util.HashMap<>();
      var heads = new org.apache.lucene.search.TermQuery(new Term(Fields.ARTICLE_HEAD, Fields.YES));
      var fields = s.storedFields();
      for (var hit : s.search(heads, Math.max(1, s.count(heads))).scoreDocs) {
        Document d = fields.document(hit.doc, java.util.Set.of(Fields.SOURCE, Fields.PUBLISHED));
        String source = d.get(Fields.SOURCE);
        counts.computeIfAbsent(source, k -> new int[1])[0]++;
        newest.merge(source, d.getField(Fields.PUBLISHED).numericValue().longValue(), Math::max);
      }
      return counts.entrySet().stream()
          .map(e -> new SourceStats(e.getKey(), e.getValue()[0], Instant.ofEpochMilli(newest.get(e.getKey()))))
          .sorted(java.util.Comparator.comparingInt(SourceStats::articles).reversed().thenComparing(SourceStats::source))
          .toList();
    } finally {
      release(s);
    }
  }

  /** Returns the first passage of the {@code n} newest articles published at or before {@code asOf}, newest first. */
  @Override
  public List<Passage> newest(int n, Instant asOf) throws IOException {
    IndexSearcher s = acquire();
    try {
      var query = new org.apache.lucene.search.BooleanQuery.Builder()
          .add(new org.apache.lucene.search.TermQuery(new Term(Fields.ARTICLE_HEAD, Fields.YES)),
              org.apache.lucene.search.BooleanClause.Occur.FILTER)
          .add(LongPoint.newRangeQuery(Fields.PUBLISHED, Long.MIN_VALUE, asOf.toEpochMilli()),
              org.apache.lucene.search.BooleanClause.Occur.FILTER)
          .build();
      var top = s.search(query, Math.max(1, n), new org.apache.lucene.search.Sort(
          new org.apache.lucene.search.SortField(Fields.PUBLISHED, org.apache.lucene.search.SortField.Type.LONG, true)));
      List<Passage> out = new ArrayList<>();
      for (var hit : top.scoreDocs) {
        out.add(toPassage(s.storedFields().document(hit.doc)));
      }
      return out;
    } finally {
      release(s);
    }
  }

  /** Reads a stored passage document back into a {@link Passage}. */
  public static Passage toPassage(Document d) {
    return new Passage(
        d.get(Fields.PASSAGE_ID),
        d.get(Fields.ARTICLE_ID),
        d.getField(Fields.PASSAGE_NO).numericValue().intValue(),
        d.get(Fields.TITLE),
        d.get(Fields.URL),
        d.get(Fields.SOURCE),
        d.get(Fields.AUTHOR),
        Instant.ofEpochMilli(d.getField(Fields.PUBLISHED).numericValue().longValue()),
        d.getField(Fields.START).numericValue().intValue(),
        d.get(Fields.TEXT));
  }

  /** Reads a stored quote document back into a {@link Quote}. */
  public static Quote toQuote(Document d) {
    List<String> parts = List.of(d.getValues(Fields.QUOTE_TEXT));
    List<Integer> starts = java.util.Arrays.stream(d.getFields(Fields.QUOTE_START)).map(f -> f.numericValue().intValue()).toList();
    return new Quote(
        d.get(Fields.QUOTE_ID), d.get(Fields.ARTICLE_ID), d.get(Fields.SPEAKER), d.get(Fields.ROLE), d.get(Fields.CUE),
        d.getField(Fields.DIRECT).numericValue().intValue() == 1, parts, starts, d.get(Fields.QUOTE_TITLE), d.get(Fields.URL),
        d.get(Fields.SOURCE), Instant.ofEpochMilli(d.getField(Fields.PUBLISHED).numericValue().longValue()));
  }

  private Document toDocument(Quote q) {
    Document d = new Document();
    d.add(new StringField(Fields.KIND, Fields.KIND_QUOTE, Field.Store.NO));
    // Empty title and text: no term, so no statistic changes, but every document then has a norm for
    // them, and a passage's norm is read from a dense array instead of a sparse one on every scored hit.
    d.add(new Field(Fields.TITLE, "", types.emptyTitle));
    d.add(new TextField(Fields.TEXT, "", Field.Store.NO));
    d.add(new Field(Fields.QUOTE_ID, q.id(), types.quoteId));
    d.add(new StringField(Fields.ARTICLE_ID, q.articleId(), Field.Store.YES));
    d.add(new SortedDocValuesField(Fields.ARTICLE_ID, new BytesRef(q.articleId())));
    d.add(new Field(Fields.SPEAKER, q.speaker(), types.speaker));
    if (q.role() != null) {
      d.add(new StoredField(Fields.ROLE, q.role()));
    }
    d.add(new StoredField(Fields.CUE, q.cue()));
    d.add(new StoredField(Fields.DIRECT, q.direct() ? 1 : 0));
    for (int i = 0; i < q.parts().size(); i++) {
      d.add(new Field(Fields.QUOTE_TEXT, q.parts().get(i), types.quoteText));
      d.add(new StoredField(Fields.QUOTE_START, q.starts().get(i)));
    }
    d.add(new StoredField(Fields.QUOTE_TITLE, q.title()));
    d.add(new StoredField(Fields.URL, q.url()));
    d.add(new StoredField(Fields.SOURCE, q.source()));
    d.add(new StringField(Fields.SOURCE_KEY, q.source().toLowerCase(Locale.ROOT), Field.Store.NO));
    long millis = q.published().toEpochMilli();
    d.add(new LongPoint(Fields.PUBLISHED, millis));
    d.add(new NumericDocValuesField(Fields.PUBLISHED, millis));
    d.add(new StoredField(Fields.PUBLISHED, millis));
    return d;
  }

  private Document toDocument(Passage p) {
    Document d = new Document();
    d.add(new StringField(Fields.KIND, Fields.KIND_PASSAGE, Field.Store.NO));
    d.add(new Field(Fields.PASSAGE_ID, p.id(), types.passageId));
    d.add(new StringField(Fields.ARTICLE_ID, p.articleId(), Field.Store.YES));
    d.add(new SortedDocValuesField(Fields.ARTICLE_ID, new BytesRef(p.articleId())));
    d.add(new StoredField(Fields.PASSAGE_NO, p.n()));
    if (p.n() == 0) {
      d.add(new StringField(Fields.ARTICLE_HEAD, Fields.YES, Field.Store.NO));
    }
    d.add(new Field(Fields.TITLE, p.title(), types.title));
    d.add(new TextField(Fields.TEXT, p.text(), Field.Store.YES));
    d.add(new StoredField(Fields.URL, p.url()));
    d.add(new StoredField(Fields.SOURCE, p.source()));
    d.add(new StringField(Fields.SOURCE_KEY, p.source().toLowerCase(Locale.ROOT), Field.Store.NO));
    if (p.author() != null) {
      d.add(new StoredField(Fields.AUTHOR, p.author()));
    }
    long millis = p.published().toEpochMilli();
    d.add(new LongPoint(Fields.PUBLISHED, millis));
    d.add(new NumericDocValuesField(Fields.PUBLISHED, millis));
    d.add(new StoredField(Fields.PUBLISHED, millis));
    d.add(new StoredField(Fields.START, p.start()));
    return d;
  }

  private void requireWritable() {
    if (writer == null) {
      throw new IllegalStateException("the index was opened read-only");
    }
  }

  /** Closes searchers and the writer without committing; uncommitted writes are discarded. */
  @Override
  public void close() throws IOException {
    searchers.close();
    if (writer != null) {
      writer.rollback();
    }
    directory.close();
  }
}
