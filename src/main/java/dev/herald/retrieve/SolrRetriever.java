package dev.herald.retrieve;

import dev.herald.embed.Embeddings;
import dev.herald.index.Fields;
import dev.herald.index.SolrIndex;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;

/**
 * Retrieves passages from a SolrCloud collection by the rules of {@link LuceneRetriever}: the same BM25
 * query (terms analysed here, sent pre-analysed: the configset's query analysis only splits on white
 * space), the same time and source filters, the same inverse document frequencies, k-NN through
 * {@code {!knn}} with the filters applied during the graph search, then the shared recency re-ranking
 * and per-article cap. The configset's exact statistics cache makes BM25 scores collection-wide, as in
 * one Lucene index. When a shard does not answer, the retrieval is marked {@link Retrieval#partial()}.
 * Hybrid fusion needs each passage's score on both sides and is not offered here yet: it fails clearly.
 */
public final class SolrRetriever implements Retriever {

  private final SolrIndex index;
  private final QuestionAnalysis analysis;
  private final TimeExpressions time;
  private final RetrievalSettings settings;
  private final Embeddings embeddings;

  /** Creates a retriever over {@code index}; {@code embeddings} is loaded only by the dense mode. */
  public SolrRetriever(SolrIndex index, QuestionAnalysis analysis, TimeExpressions time, RetrievalSettings settings, Embeddings embeddings) {
    this.index = index;
    this.analysis = analysis;
    this.time = time;
    this.settings = settings;
    this.embeddings = embeddings;
  }

  @Override
  public Retrieval retrieve(SearchRequest request) throws IOException {
    RetrievalMode mode = settings.mode();
    if (mode == RetrievalMode.HYBRID) {
      throw new IOException("retrieval mode hybrid is not available on the Solr backend; use --mode bm25 or --mode dense "
          + "(or retrieval.mode in the config)");
    }
    ParsedQuestion parsed = Ranking.parse(time, request);
    List<String> terms = Ranking.terms(analysis, parsed);
    Set<String> entities = Ranking.entityTerms(analysis, settings, parsed.searchText());
    float[] vector = null;
    if (mode.needsVectors() && !terms.isEmpty()) {
      index.requireEmbedding(embeddings.settings().model(), mode.id());
      vector = embeddings.get().embedQuery(parsed.searchText());
    }
    boolean[] partial = {false};
    Set<String> unknown = new HashSet<>();
    Map<String, Float> weights = idf(terms, unknown, partial);
    if (weights.isEmpty()) {
      return new Retrieval(parsed, weights, List.of(), unknown, partial[0]);
    }
    int n = Math.max(settings.candidates(), request.k());
    List<Hit> found = candidates(terms, entities, vector, filters(parsed.window(), request.asOf(), request.sources()), n, partial);
    if (found.isEmpty() && parsed.window().expression() != null) {
      // As in LuceneRetriever: a date may name when something happened, not when it was reported.
      TimeWindow open = Ranking.open(parsed.window(), request.asOf());
      parsed = new ParsedQuestion(parsed.text(), parsed.searchText(), open);
      found = candidates(terms, entities, vector, filters(open, request.asOf(), request.sources()), n, partial);
    }
    return new Retrieval(parsed, weights, cap(rerank(found, parsed.window(), request.asOf()), request.k()), unknown, partial[0]);
  }

  /** Inverse document frequencies over passages, as {@link LuceneRetriever} computes them, from one faceted request. */
  private Map<String, Float> idf(List<String> terms, Set<String> unknown, boolean[] partial) throws IOException {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(terms));
    Map<String, Float> weights = new LinkedHashMap<>();
    if (distinct.isEmpty()) {
      return weights;
    }
    SolrQuery q = new SolrQuery("*:*");
    q.addFilterQuery(Fields.KIND + ":" + Fields.KIND_PASSAGE);
    q.setRows(0);
    q.setFacet(true);
    for (int i = 0; i < distinct.size(); i++) {
      q.addFacetQuery("{!term f=" + Fields.TEXT + " v=$t" + i + "}");
      q.set("t" + i, distinct.get(i));
    }
    QueryResponse r = index.query(q, true);
    partial[0] |= SolrIndex.partial(r);
    int n = (int) Math.max(1, r.getResults().getNumFound());
    Map<String, Integer> counts = r.getFacetQuery();
    for (int i = 0; i < distinct.size(); i++) {
      int df = counts.getOrDefault("{!term f=" + Fields.TEXT + " v=$t" + i + "}", 0);
      if (df == 0) {
        unknown.add(distinct.get(i));
      }
      weights.put(distinct.get(i), (float) Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    }
    return weights;
  }

  /** A candidate passage with its first-stage score and its rank in the first stage (the tie-breaker). */
  private record Hit(SolrDocument doc, float score, int rank) {}

  private List<Hit> candidates(List<String> terms, Set<String> entities, float[] vector, List<String> filters, int n, boolean[] partial)
      throws IOException {
    SolrQuery q = new SolrQuery(settings.mode() == RetrievalMode.DENSE ? knn(vector, n) : bm25(terms, entities));
    q.set("defType", "lucene");
    q.set("q.op", "OR");
    filters.forEach(q::addFilterQuery);
    q.setRows(n);
    List<String> fields = new ArrayList<>(SolrIndex.PASSAGE_FIELDS);
    fields.add("score");
    q.setFields(fields.toArray(String[]::new));
    QueryResponse r = index.query(q, true);
    partial[0] |= SolrIndex.partial(r);
    List<Hit> out = new ArrayList<>();
    for (SolrDocument d : r.getResults()) {
      out.add(new Hit(d, ((Number) d.getFirstValue("score")).floatValue(), out.size()));
    }
    return out;
  }

  /** The query {@link LuceneRetriever} builds, in Solr's standard syntax over pre-analysed terms. */
  private String bm25(List<String> terms, Set<String> entities) {
    StringBuilder q = new StringBuilder();
    for (String t : new LinkedHashSet<>(terms)) {
      String term = ClientUtils.escapeQueryChars(t);
      q.append(Fields.TEXT).append(':').append(term);
      if (entities.contains(t)) {
        q.append('^').append(1 + settings.entityBoost());
      }
      q.append(' ').append(Fields.TITLE).append(':').append(term).append('^').append(settings.titleBoost()).append(' ');
    }
    if (settings.phraseBoost() > 0) {
      for (int i = 0; i + 1 < terms.size(); i++) {
        if (!terms.get(i).equals(terms.get(i + 1))) {
          q.append(Fields.TEXT).append(":\"").append(ClientUtils.escapeQueryChars(terms.get(i))).append(' ')
              .append(ClientUtils.escapeQueryChars(terms.get(i + 1))).append("\"~3^").append(settings.phraseBoost()).append(' ');
        }
      }
    }
    return q.toString().strip();
  }

  private static String knn(float[] vector, int n) {
    StringBuilder q = new StringBuilder("{!knn f=").append(Fields.VECTOR).append(" topK=").append(n).append("}[");
    for (int i = 0; i < vector.length; i++) {
      q.append(i == 0 ? "" : ",").append(vector[i]);
    }
    return q.append(']').toString();
  }

  private static List<String> filters(TimeWindow window, Instant asOf, Set<String> sources) {
    long from = Ranking.from(window);
    List<String> out = new ArrayList<>();
    out.add(Fields.PUBLISHED + ":[" + (from == Long.MIN_VALUE ? "*" : Long.toString(from)) + " TO " + Ranking.to(window, asOf) + "]");
    if (!sources.isEmpty()) {
      StringBuilder s = new StringBuilder(Fields.SOURCE_KEY).append(":(");
      int i = 0;
      for (String source : sources) {
        s.append(i++ == 0 ? "" : " OR ").append(ClientUtils.escapeQueryChars(source.toLowerCase(Locale.ROOT)));
      }
      out.add(s.append(')').toString());
    }
    return out;
  }

  private List<Hit> rerank(List<Hit> top, TimeWindow window, Instant asOf) {
    float max = top.isEmpty() ? 1f : Math.max(1e-6f, top.get(0).score());
    Map<Hit, Double> scores = new HashMap<>();
    for (Hit h : top) {
      long millis = ((Number) h.doc().getFirstValue(Fields.PUBLISHED)).longValue();
      scores.put(h, Ranking.withRecency(settings, window.wantsLatest(), h.score(), max, millis, asOf));
    }
    List<Hit> out = new ArrayList<>(top);
    out.sort(Comparator.comparingDouble((Hit h) -> scores.get(h)).reversed().thenComparingInt(Hit::rank));
    return out.stream().map(h -> new Hit(h.doc(), (float) (double) scores.get(h), h.rank())).toList();
  }

  private List<ScoredPassage> cap(List<Hit> ranked, int k) {
    Map<String, Integer> perArticle = new HashMap<>();
    List<ScoredPassage> out = new ArrayList<>(k);
    for (Hit h : ranked) {
      String article = (String) h.doc().getFirstValue(Fields.ARTICLE_ID);
      if (perArticle.merge(article, 1, Integer::sum) <= settings.maxPerArticle()) {
        out.add(new ScoredPassage(SolrIndex.toPassage(h.doc()), h.score()));
        if (out.size() == k) {
          break;
        }
      }
    }
    return out;
  }
}
