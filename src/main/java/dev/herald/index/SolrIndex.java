package dev.herald.index;

import dev.herald.corpus.Article;
import dev.herald.embed.Embeddings;
import dev.herald.embed.InProcessModel;
import dev.herald.quotes.Quote;
import dev.herald.quotes.QuoteExtractor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.NamedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Herald's index as a SolrCloud collection: the same passage and quote documents as {@link ArticleIndex},
 * the same fields (the configset in {@code config/solr/} analyses text with {@link HeraldAnalyzer}), and
 * each quote its own document carrying its article's id. Re-indexing an article adds its new documents
 * (replacing those with the same id) and then deletes, by id, its documents that this write did not
 * replace, so stale quotes and passages go with it and the article is never missing in between.
 * Writes are buffered and sent in batches; a batch that fails is tried again ({@code index.solr.write-attempts})
 * and then reported by throwing, never dropped quietly. Queries run with {@code shards.tolerant}: a result
 * from only some shards is either marked partial (retrieval) or refused with {@link PartialResultsException}.
 */
public final class SolrIndex implements NewsIndex {

  private static final Logger log = LoggerFactory.getLogger(SolrIndex.class);

  /** Solr's unique key: the passage id or the quote id. */
  static final String ID = "id";
  private static final String META_ID = "herald-meta";
  private static final String KIND_META = "meta";
  private static final String META_ANALYSIS = "meta_analysis";
  private static final String META_EMBEDDING = "meta_embedding";
  private static final int FLUSH_DOCS = 1_000;

  private final CloudSolrClient client;
  private final SolrSettings settings;
  private final PassageSplitter splitter;
  private final QuoteExtractor quotes = QuoteExtractor.standard();
  private final Optional<Embeddings> embeddings;
  private final Object pendingLock = new Object();
  private final Object flushLock = new Object();
  private List<SolrInputDocument> pending = new ArrayList<>();
  private List<String> pendingArticles = new ArrayList<>();
  // Guarded by flushLock: the document ids written per article since the last commit, which a lookup
  // of the committed collection cannot see yet.
  private final Map<String, Set<String>> uncommitted = new HashMap<>();

  private SolrIndex(CloudSolrClient client, SolrSettings settings, PassageSplitter splitter, Optional<Embeddings> embeddings) {
    this.client = client;
    this.settings = settings;
    this.splitter = splitter;
    this.embeddings = embeddings;
  }

  /** Builds a client for the cluster named in {@code settings} (ZooKeeper preferred, else Solr URLs). */
  public static CloudSolrClient client(SolrSettings settings) {
    long ms = settings.timeout().toMillis();
    Http2SolrClient.Builder http = new Http2SolrClient.Builder()
        .withConnectionTimeout(ms, TimeUnit.MILLISECONDS)
        .withIdleTimeout(ms, TimeUnit.MILLISECONDS)
        .withRequestTimeout(ms, TimeUnit.MILLISECONDS);
    CloudHttp2SolrClient.Builder b = settings.zkHosts().isEmpty()
        ? new CloudSolrClient.Builder(settings.urls())
        : new CloudSolrClient.Builder(settings.zkHosts(), Optional.ofNullable(settings.zkChroot()));
    return b.withDefaultCollection(settings.collection())
        .withInternalClientBuilder(http)
        .withZkConnectTimeout((int) ms, TimeUnit.MILLISECONDS)
        .withZkClientTimeout((int) ms, TimeUnit.MILLISECONDS)
        .build();
  }

  /**
   * Opens the collection named in {@code settings}; with {@code embeddings}, every passage added gets a
   * vector. Fails with a message naming {@code herald solr init} when the collection does not exist,
   * and refuses, like {@link ArticleIndex}, to mix another text analysis or embedding model into it.
   */
  public static SolrIndex open(SolrSettings settings, PassageSplitter splitter, Optional<Embeddings> embeddings) throws IOException {
    CloudSolrClient client = client(settings);
    try {
      SolrIndex index = new SolrIndex(client, settings, splitter, embeddings);
      index.checkCompatible();
      return index;
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private void checkCompatible() throws IOException {
    if (!collectionExists(client, settings.collection())) {
      throw new IOException("Solr collection '" + settings.collection() + "' does not exist at " + where(settings)
          + "; create it with 'herald solr init --config FILE' (see docs/SCALE.md)");
    }
    SolrQuery metaQuery = metaQuery();
    QueryResponse metaResponse = query(metaQuery, true);
    if (partial(metaResponse) && metaResponse.getResults().isEmpty()) {
      // The shard holding the bookkeeping document is unreachable: nothing to check against now. Searches
      // of the live shards say they are partial; writes to the lost shard fail and are reported.
      log.warn("{}: a shard is unreachable, so its text analysis and embedding model are not checked", location());
      return;
    }
    Map<String, String> meta = meta(metaResponse);
    SolrQuery passages = new SolrQuery("*:*");
    passages.addFilterQuery(Fields.KIND + ":" + Fields.KIND_PASSAGE);
    passages.setRows(0);
    boolean empty = query(passages, true).getResults().getNumFound() == 0;
    String analysis = meta.get(META_ANALYSIS);
    if (!empty && !PlaceNameFilter.ANALYSIS_VERSION.equals(analysis)) {
      throw new ReembedNeededException("the Solr collection '" + settings.collection() + "' was built with another text analysis (version "
          + (analysis == null ? "unknown" : analysis) + ", now " + PlaceNameFilter.ANALYSIS_VERSION
          + "); re-index needed: create a new collection (index.solr.collection) and index everything again");
    }
    String recorded = meta.get(META_EMBEDDING);
    String wanted = embeddings.map(e -> embeddingId(e.settings().model())).orElse(null);
    if (!empty && wanted != null && !wanted.equals(recorded)) {
      throw new ReembedNeededException("the Solr collection '" + settings.collection() + "' holds "
          + (recorded == null ? "passages without vectors" : "vectors of " + recorded) + " but the configuration asks for " + wanted
          + "; re-embed needed: index everything again into a new collection (index.solr.collection)");
    }
    if (!empty && wanted == null && recorded != null) {
      throw new ReembedNeededException("the Solr collection '" + settings.collection() + "' holds passage vectors of " + recorded
          + "; adding passages without vectors would hide them from dense search: set index.embeddings: true, or use a new collection");
    }
  }

  private static String embeddingId(InProcessModel model) {
    return model.id() + ":" + model.dimension();
  }

  private static String where(SolrSettings s) {
    return s.zkHosts().isEmpty() ? String.join(",", s.urls()) : "ZooKeeper " + String.join(",", s.zkHosts())
        + (s.zkChroot() == null ? "" : s.zkChroot());
  }

  /** Whether {@code collection} exists in the cluster {@code client} talks to. */
  static boolean collectionExists(CloudSolrClient client, String collection) throws IOException {
    try {
      return CollectionAdminRequest.listCollections(client).contains(collection);
    } catch (SolrServerException | SolrException e) {
      throw new IOException("cannot reach Solr: " + e.getMessage(), e);
    }
  }

  /**
   * Uploads the configset in {@code configDir} under {@code index.solr.configset} (replacing an older
   * upload) and creates the collection with the configured shards and replicas unless it exists; returns
   * what was done, line by line.
   */
  public static List<String> init(SolrSettings settings, Path configDir) throws IOException {
    if (!Files.isRegularFile(configDir.resolve("schema.xml")) || !Files.isRegularFile(configDir.resolve("solrconfig.xml"))) {
      throw new IOException(configDir + " holds no Solr configset (schema.xml and solrconfig.xml expected)");
    }
    List<String> done = new ArrayList<>();
    Path zip = Files.createTempFile("herald-configset", ".zip");
    try (CloudSolrClient client = client(settings)) {
      zip(configDir, zip);
      new ConfigSetAdminRequest.Upload()
          .setConfigSetName(settings.configset())
          .setUploadFile(zip.toFile(), "application/zip")
          .setOverwrite(true)
          .setCleanup(true)
          .process(client);
      done.add("uploaded configset '" + settings.configset() + "' from " + configDir);
      if (collectionExists(client, settings.collection())) {
        CollectionAdminRequest.reloadCollection(settings.collection()).process(client);
        done.add("collection '" + settings.collection() + "' exists: reloaded it with the configset");
      } else {
        var create = CollectionAdminRequest.createCollection(settings.collection(), settings.configset(), settings.shards(),
            settings.replicas());
        create.setWaitForFinalState(true);
        create.process(client);
        done.add("created collection '" + settings.collection() + "': " + settings.shards() + " shard(s) x "
            + settings.replicas() + " replica(s)");
      }
      return done;
    } catch (SolrServerException | SolrException e) {
      throw new IOException("solr init at " + where(settings) + " failed: " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(zip);
    }
  }

  /** Deletes the collection (the benchmark's scratch collection); a missing one is not an error. */
  public static void deleteCollection(SolrSettings settings) throws IOException {
    try (CloudSolrClient client = client(settings)) {
      if (collectionExists(client, settings.collection())) {
        CollectionAdminRequest.deleteCollection(settings.collection()).process(client);
      }
    } catch (SolrServerException | SolrException e) {
      throw new IOException("deleting Solr collection '" + settings.collection() + "' failed: " + e.getMessage(), e);
    }
  }

  private static void zip(Path dir, Path zip) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
        Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        z.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, z);
        z.closeEntry();
      }
    }
  }

  /** The collection's name. */
  public String collection() {
    return settings.collection();
  }

  @Override
  public String location() {
    return "Solr collection '" + settings.collection() + "' at " + where(settings);
  }

  /**
   * What keeps the collection from serving questions: a failing search. A collection with a shard
   * unreachable still serves (its answers say they are partial), so it is not a problem here.
   */
  @Override
  public Optional<String> problem() {
    try {
      SolrQuery q = new SolrQuery("*:*");
      q.setRows(0);
      query(q, true);
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(location() + " is not searchable: " + e.getMessage());
    }
  }

  @Override
  public int add(List<Article> articles) throws IOException {
    List<List<Passage>> split = new ArrayList<>(articles.size());
    List<String> texts = new ArrayList<>();
    for (Article a : articles) {
      List<Passage> ps = splitter.split(a);
      split.add(ps);
      if (embeddings.isPresent()) {
        for (Passage p : ps) {
          texts.add(ArticleIndex.embeddingText(p));
        }
      }
    }
    List<float[]> vectors = embeddings.isPresent() ? embeddings.get().get().embedPassages(texts) : List.of();
    List<SolrInputDocument> docs = new ArrayList<>();
    int v = 0;
    int passages = 0;
    for (int i = 0; i < articles.size(); i++) {
      for (Passage p : split.get(i)) {
        SolrInputDocument d = toDocument(p);
        if (embeddings.isPresent()) {
          d.addField(Fields.VECTOR, vector(vectors.get(v++)));
        }
        docs.add(d);
      }
      for (Quote q : quotes.extract(articles.get(i))) {
        docs.add(toDocument(q));
      }
      passages += split.get(i).size();
    }
    boolean full;
    synchronized (pendingLock) {
      pending.addAll(docs);
      articles.forEach(a -> pendingArticles.add(a.id()));
      full = pending.size() >= FLUSH_DOCS;
    }
    if (full) {
      flush();
    }
    return passages;
  }

  private static List<Float> vector(float[] v) {
    List<Float> out = new ArrayList<>(v.length);
    for (float f : v) {
      out.add(f);
    }
    return out;
  }

  /**
   * Sends what is buffered: the documents first (replacing those with the same ids), then a delete, by id,
   * of the articles' other documents: those the collection held before (looked up first) and those this
   * process wrote since the last commit. A new article costs no delete at all, and no article is ever
   * missing in between. Flushes are sent one at a time, in the order they were taken, so a later version
   * of an article never lands before an earlier one.
   */
  private void flush() throws IOException {
    synchronized (flushLock) {
      List<SolrInputDocument> docs;
      List<String> ids;
      synchronized (pendingLock) {
        docs = pending;
        ids = pendingArticles;
        pending = new ArrayList<>();
        pendingArticles = new ArrayList<>();
      }
      if (docs.isEmpty()) {
        return;
      }
      Set<String> articles = new LinkedHashSet<>(ids);
      Set<String> stale = attempts("looking up the documents of " + articles.size() + " article(s)", () -> existingIds(articles));
      for (String a : articles) {
        stale.addAll(uncommitted.getOrDefault(a, Set.of()));
      }
      for (SolrInputDocument d : docs) {
        String id = (String) d.getFieldValue(ID);
        stale.remove(id);
        uncommitted.computeIfAbsent((String) d.getFieldValue(Fields.ARTICLE_ID), k -> new HashSet<>()).add(id);
      }
      UpdateRequest add = new UpdateRequest();
      add.add(docs);
      write("adding " + articles.size() + " article(s)", add);
      if (!stale.isEmpty()) {
        UpdateRequest delete = new UpdateRequest();
        delete.deleteById(new ArrayList<>(stale));
        write("removing " + stale.size() + " replaced document(s) of " + articles.size() + " article(s)", delete);
        for (Set<String> written : uncommitted.values()) {
          written.removeAll(stale);
        }
      }
    }
  }

  /** The ids of the documents the collection holds (as last committed) for these articles. */
  private Set<String> existingIds(Set<String> articles) throws IOException {
    StringBuilder q = new StringBuilder(Fields.ARTICLE_ID).append(":(");
    int n = 0;
    for (String id : articles) {
      q.append(n++ == 0 ? "" : " OR ").append(ClientUtils.escapeQueryChars(id));
    }
    SolrQuery query = new SolrQuery(q.append(')').toString());
    query.setFields(ID);
    query.setRows(0);
    // a shard that cannot be asked might hold stale documents: refuse rather than leave them behind
    long found = query(query, false).getResults().getNumFound();
    Set<String> out = new HashSet<>();
    if (found == 0) {
      return out;
    }
    query.setRows((int) Math.min(found, Integer.MAX_VALUE - 1));
    for (SolrDocument d : query(query, false).getResults()) {
      out.add((String) d.getFirstValue(ID));
    }
    return out;
  }

  /** One step of a write, which may fail. */
  private interface WriteStep<T> {
    T run() throws IOException, SolrServerException;
  }

  /** Sends one update, trying again after a pause when it fails, and throws once every attempt has failed. */
  private void write(String what, UpdateRequest request) throws IOException {
    attempts(what, () -> request.process(client, settings.collection()));
  }

  /** Runs one step of a write, trying again after a pause when it fails, and throws once every attempt has failed. */
  private <T> T attempts(String what, WriteStep<T> step) throws IOException {
    Exception last = null;
    for (int attempt = 1; attempt <= settings.writeAttempts(); attempt++) {
      try {
        return step.run();
      } catch (SolrServerException | SolrException | IOException e) {
        last = e;
        if (attempt < settings.writeAttempts()) {
          log.warn("Solr write ({}) failed, attempt {} of {}: {}", what, attempt, settings.writeAttempts(), e.getMessage());
          sleep(500L * attempt);
        }
      }
    }
    throw new IOException("writing to " + location() + " failed after " + settings.writeAttempts() + " attempt(s) (" + what
        + "): " + (last == null ? "unknown error" : last.getMessage()), last);
  }

  private static void sleep(long ms) throws IOException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while retrying a Solr write", e);
    }
  }

  @Override
  public boolean embedsPassages() {
    return embeddings.isPresent();
  }

  /** Sends what is buffered, records the analysis and embedding model, and hard-commits with a new searcher. */
  @Override
  public void commit() throws IOException {
    flush();
    SolrInputDocument meta = new SolrInputDocument();
    meta.setField(ID, META_ID);
    meta.setField(Fields.KIND, KIND_META);
    meta.setField(META_ANALYSIS, PlaceNameFilter.ANALYSIS_VERSION);
    embeddings.ifPresent(e -> meta.setField(META_EMBEDDING, embeddingId(e.settings().model())));
    UpdateRequest u = new UpdateRequest();
    if (embeddings.isPresent() || !meta().containsKey(META_EMBEDDING)) {
      u.add(meta);
    }
    u.setAction(UpdateRequest.ACTION.COMMIT, true, true);
    synchronized (flushLock) {
      write("commit", u);
      uncommitted.clear();
    }
  }

  /** Nothing to do: a commit opens a new searcher on every replica. */
  @Override
  public void refresh() {}

  @Override
  public void requireEmbedding(InProcessModel model, String mode) throws IOException {
    String recorded = meta().get(META_EMBEDDING);
    if (recorded == null) {
      throw new ReembedNeededException("retrieval mode " + mode + " needs passage vectors, but " + location()
          + " has none: index again into a new collection with 'herald index --embeddings' (or index.embeddings: true), or use --mode bm25");
    }
    if (!recorded.equals(embeddingId(model))) {
      throw new ReembedNeededException(location() + " holds vectors of " + recorded + " but the configuration asks for "
          + embeddingId(model) + "; re-embed needed, or set index.embedding-model to the recorded model");
    }
  }

  private Map<String, String> meta() throws IOException {
    return meta(query(metaQuery(), false));
  }

  private static SolrQuery metaQuery() {
    SolrQuery q = new SolrQuery(ID + ":" + ClientUtils.escapeQueryChars(META_ID));
    q.setFields(META_ANALYSIS, META_EMBEDDING);
    return q;
  }

  private static Map<String, String> meta(QueryResponse r) {
    Map<String, String> out = new HashMap<>();
    for (SolrDocument d : r.getResults()) {
      for (String f : List.of(META_ANALYSIS, META_EMBEDDING)) {
        if (d.getFirstValue(f) != null) {
          out.put(f, d.getFirstValue(f).toString());
        }
      }
    }
    return out;
  }

  private long passageCount() throws IOException {
    SolrQuery query = new SolrQuery("*:*");
    query.addFilterQuery(Fields.KIND + ":" + Fields.KIND_PASSAGE);
    query.setRows(0);
    return query(query, false).getResults().getNumFound();
  }

  @Override
  public IndexStats stats() throws IOException {
    SolrQuery heads = new SolrQuery("*:*");
    heads.addFilterQuery(Fields.ARTICLE_HEAD + ":" + Fields.YES);
    heads.setSort(Fields.PUBLISHED, SolrQuery.ORDER.desc);
    heads.setFields(Fields.PUBLISHED);
    heads.setRows(1);
    QueryResponse r = query(heads, false);
    Instant newest = r.getResults().isEmpty() ? null : Instant.ofEpochMilli(((Number) r.getResults().get(0).getFirstValue(Fields.PUBLISHED)).longValue());
    return new IndexStats((int) r.getResults().getNumFound(), (int) passageCount(), newest);
  }

  @Override
  public List<SourceStats> sources() throws IOException {
    SolrQuery q = new SolrQuery("*:*");
    q.addFilterQuery(Fields.ARTICLE_HEAD + ":" + Fields.YES);
    q.setRows(0);
    q.set("json.facet", "{sources:{type:terms,field:" + Fields.SOURCE + ",limit:-1,facet:{newest:\"max(" + Fields.PUBLISHED + ")\"}}}");
    QueryResponse r = query(q, false);
    List<SourceStats> out = new ArrayList<>();
    NamedList<?> facets = (NamedList<?>) r.getResponse().get("facets");
    NamedList<?> sources = facets == null ? null : (NamedList<?>) facets.get("sources");
    if (sources != null) {
      for (Object b : (List<?>) sources.get("buckets")) {
        NamedList<?> bucket = (NamedList<?>) b;
        out.add(new SourceStats(bucket.get("val").toString(), ((Number) bucket.get("count")).intValue(),
            Instant.ofEpochMilli(((Number) bucket.get("newest")).longValue())));
      }
    }
    out.sort(Comparator.comparingInt(SourceStats::articles).reversed().thenComparing(SourceStats::source));
    return out;
  }

  @Override
  public List<Passage> newest(int n, Instant asOf) throws IOException {
    SolrQuery q = new SolrQuery("*:*");
    q.addFilterQuery(Fields.ARTICLE_HEAD + ":" + Fields.YES, publishedUpTo(asOf));
    q.setSort(Fields.PUBLISHED, SolrQuery.ORDER.desc);
    q.setRows(Math.max(1, n));
    List<Passage> out = new ArrayList<>();
    for (SolrDocument d : query(q, false).getResults()) {
      out.add(toPassage(d));
    }
    return out;
  }

  @Override
  public List<Quote> quotesMatching(Collection<String> terms, Instant asOf, int n) throws IOException {
    StringBuilder words = new StringBuilder();
    for (String t : terms) {
      words.append(words.length() == 0 ? "" : " ").append(Fields.QUOTE_TEXT).append(':').append(ClientUtils.escapeQueryChars(t));
    }
    SolrQuery q = new SolrQuery(words.toString());
    q.set("q.op", "OR");
    q.addFilterQuery(Fields.KIND + ":" + Fields.KIND_QUOTE, publishedUpTo(asOf));
    q.setRows(n);
    return quotes(query(q, false));
  }

  @Override
  public List<Quote> quotesBy(Collection<String> speakerTerms, Collection<String> topicTerms, Instant asOf, int n) throws IOException {
    StringBuilder topic = new StringBuilder();
    for (String t : topicTerms) {
      topic.append(topic.length() == 0 ? "" : " ").append(Fields.QUOTE_TEXT).append(':').append(ClientUtils.escapeQueryChars(t));
    }
    SolrQuery q = new SolrQuery(topic.length() == 0 ? "*:*" : topic.toString());
    q.set("q.op", "OR");
    q.addFilterQuery(Fields.KIND + ":" + Fields.KIND_QUOTE, publishedUpTo(asOf));
    for (String name : speakerTerms) {
      q.addFilterQuery(Fields.SPEAKER + ":" + ClientUtils.escapeQueryChars(name));
    }
    // ties in the order they were written, as in one Lucene index (a quote id ends with its number in the article)
    q.setSort(Fields.PUBLISHED, SolrQuery.ORDER.desc);
    q.addSort(ID, SolrQuery.ORDER.asc);
    q.setRows(n);
    return quotes(query(q, false));
  }

  private static List<Quote> quotes(QueryResponse r) {
    List<Quote> out = new ArrayList<>();
    for (SolrDocument d : r.getResults()) {
      out.add(toQuote(d));
    }
    return out;
  }

  @Override
  public List<Passage> passagesOf(String articleId) throws IOException {
    SolrQuery q = new SolrQuery(Fields.ARTICLE_ID + ":" + ClientUtils.escapeQueryChars(articleId));
    q.addFilterQuery(Fields.KIND + ":" + Fields.KIND_PASSAGE);
    q.setRows(1000);
    List<Passage> out = new ArrayList<>();
    for (SolrDocument d : query(q, false).getResults()) {
      out.add(toPassage(d));
    }
    return out;
  }

  /** A filter on publication up to and including {@code asOf}. */
  static String publishedUpTo(Instant asOf) {
    return Fields.PUBLISHED + ":[* TO " + asOf.toEpochMilli() + "]";
  }

  /**
   * Runs a query over every shard that answers. When some shard did not answer, the response is
   * returned if {@code partialAllowed} (the caller flags what it makes of it) and refused otherwise.
   */
  public QueryResponse query(SolrQuery q, boolean partialAllowed) throws IOException {
    q.set("shards.tolerant", true);
    QueryResponse r;
    try {
      r = client.query(settings.collection(), q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST);
    } catch (SolrServerException | SolrException e) {
      throw new IOException("searching " + location() + " failed: " + e.getMessage(), e);
    }
    if (partial(r) && !partialAllowed) {
      throw new PartialResultsException("part of " + location() + " is unreachable (a Solr node is down), so the result would be "
          + "incomplete; try again when every shard has a live replica");
    }
    return r;
  }

  /** Whether a response came from only some of the shards. */
  public static boolean partial(QueryResponse r) {
    Object p = r.getResponseHeader() == null ? null : r.getResponseHeader().get("partialResults");
    return Boolean.TRUE.equals(p) || "true".equals(String.valueOf(p));
  }

  /** Reads a passage document back into a {@link Passage}. */
  public static Passage toPassage(SolrDocument d) {
    return new Passage(
        (String) d.getFirstValue(Fields.PASSAGE_ID),
        (String) d.getFirstValue(Fields.ARTICLE_ID),
        ((Number) d.getFirstValue(Fields.PASSAGE_NO)).intValue(),
        (String) d.getFirstValue(Fields.TITLE),
        (String) d.getFirstValue(Fields.URL),
        (String) d.getFirstValue(Fields.SOURCE),
        (String) d.getFirstValue(Fields.AUTHOR),
        Instant.ofEpochMilli(((Number) d.getFirstValue(Fields.PUBLISHED)).longValue()),
        ((Number) d.getFirstValue(Fields.START)).intValue(),
        (String) d.getFirstValue(Fields.TEXT));
  }

  private static Quote toQuote(SolrDocument d) {
    List<String> parts = d.getFieldValues(Fields.QUOTE_TEXT).stream().map(Object::toString).toList();
    List<Integer> starts = d.getFieldValues(Fields.QUOTE_START).stream().map(o -> ((Number) o).intValue()).toList();
    return new Quote(
        (String) d.getFirstValue(Fields.QUOTE_ID), (String) d.getFirstValue(Fields.ARTICLE_ID), (String) d.getFirstValue(Fields.SPEAKER),
        (String) d.getFirstValue(Fields.ROLE), (String) d.getFirstValue(Fields.CUE), ((Number) d.getFirstValue(Fields.DIRECT)).intValue() == 1,
        parts, starts, (String) d.getFirstValue(Fields.QUOTE_TITLE), (String) d.getFirstValue(Fields.URL),
        (String) d.getFirstValue(Fields.SOURCE), Instant.ofEpochMilli(((Number) d.getFirstValue(Fields.PUBLISHED)).longValue()));
  }

  private static SolrInputDocument toDocument(Passage p) {
    SolrInputDocument d = new SolrInputDocument();
    d.setField(ID, p.id());
    d.setField(Fields.KIND, Fields.KIND_PASSAGE);
    d.setField(Fields.PASSAGE_ID, p.id());
    d.setField(Fields.ARTICLE_ID, p.articleId());
    d.setField(Fields.PASSAGE_NO, p.n());
    if (p.n() == 0) {
      d.setField(Fields.ARTICLE_HEAD, Fields.YES);
    }
    d.setField(Fields.TITLE, p.title());
    d.setField(Fields.TEXT, p.text());
    d.setField(Fields.URL, p.url());
    d.setField(Fields.SOURCE, p.source());
    d.setField(Fields.SOURCE_KEY, p.source().toLowerCase(Locale.ROOT));
    if (p.author() != null) {
      d.setField(Fields.AUTHOR, p.author());
    }
    d.setField(Fields.PUBLISHED, p.published().toEpochMilli());
    d.setField(Fields.START, p.start());
    return d;
  }

  private static SolrInputDocument toDocument(Quote q) {
    SolrInputDocument d = new SolrInputDocument();
    d.setField(ID, q.id());
    d.setField(Fields.KIND, Fields.KIND_QUOTE);
    d.setField(Fields.QUOTE_ID, q.id());
    d.setField(Fields.ARTICLE_ID, q.articleId());
    d.setField(Fields.SPEAKER, q.speaker());
    if (q.role() != null) {
      d.setField(Fields.ROLE, q.role());
    }
    d.setField(Fields.CUE, q.cue());
    d.setField(Fields.DIRECT, q.direct() ? 1 : 0);
    for (int i = 0; i < q.parts().size(); i++) {
      d.addField(Fields.QUOTE_TEXT, q.parts().get(i));
      d.addField(Fields.QUOTE_START, q.starts().get(i));
    }
    d.setField(Fields.QUOTE_TITLE, q.title());
    d.setField(Fields.URL, q.url());
    d.setField(Fields.SOURCE, q.source());
    d.setField(Fields.SOURCE_KEY, q.source().toLowerCase(Locale.ROOT));
    d.setField(Fields.PUBLISHED, q.published().toEpochMilli());
    return d;
  }

  /** Closes the client; documents buffered since the last commit are discarded, as {@link ArticleIndex} discards them. */
  @Override
  public void close() throws IOException {
    synchronized (pendingLock) {
      if (!pending.isEmpty()) {
        log.warn("closing {} with {} document(s) never committed; they are discarded", location(), pending.size());
      }
    }
    client.close();
  }

  /** The stored fields a retrieval reads back for each candidate passage. */
  public static final List<String> PASSAGE_FIELDS = List.of(Fields.PASSAGE_ID, Fields.ARTICLE_ID, Fields.PASSAGE_NO, Fields.TITLE,
      Fields.URL, Fields.SOURCE, Fields.AUTHOR, Fields.PUBLISHED, Fields.START, Fields.TEXT);
}
