package dev.herald.retrieve;

import dev.herald.embed.Embeddings;
import dev.herald.index.ArticleIndex;
import dev.herald.index.Fields;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Retrieves passages with BM25 over title and text, k-NN over passage vectors, or both fused (the
 * configured {@link RetrievalMode}), restricted to what was published before the question's as-of moment
 * and inside the time window its words name (plus a day for reporting lag); the same filter applies to
 * both sides. The candidates are then re-ranked with a recency prior (stronger for "latest" questions)
 * and capped at a few passages per article. When the window a question names holds no match at all,
 * the window is dropped (the as-of bound stays).
 */
public final class LuceneRetriever implements Retriever {

  private final ArticleIndex index;
  private final QuestionAnalysis analysis;
  private final TimeExpressions time;
  private final RetrievalSettings settings;
  private final Embeddings embeddings;

  /** Creates a retriever over {@code index}; {@code embeddings} is loaded only by the dense and hybrid modes. */
  public LuceneRetriever(
      ArticleIndex index, QuestionAnalysis analysis, TimeExpressions time, RetrievalSettings settings, Embeddings embeddings) {
    this.index = index;
    this.analysis = analysis;
    this.time = time;
    this.settings = settings;
    this.embeddings = embeddings;
  }

  @Override
  public Retrieval retrieve(SearchRequest request) throws IOException {
    ParsedQuestion parsed = Ranking.parse(time, request);
    List<String> terms = Ranking.terms(analysis, parsed);
    Set<String> entities = Ranking.entityTerms(analysis, settings, parsed.searchText());
    RetrievalMode mode = settings.mode();
    float[] vector = null;
    if (mode.needsVectors() && !terms.isEmpty()) {
      index.requireEmbedding(embeddings.settings().model(), mode.id());
      vector = embeddings.get().embedQuery(parsed.searchText());
    }
    IndexSearcher searcher = index.acquire();
    try {
      Set<String> unknown = new HashSet<>();
      // Each text word is looked up once per question: for its weight, the first stage and the phrases.
      Map<String, TermStates> states = new HashMap<>();
      for (String t : new LinkedHashSet<>(terms)) {
        states.put(t, TermStates.build(searcher, new Term(Fields.TEXT, t), true));
      }
      Map<String, Float> weights = idf(searcher, terms, states, unknown);
      if (weights.isEmpty()) {
        return new Retrieval(parsed, weights, List.of(), unknown);
      }
      // A question that asks for the latest news lets freshness re-order its hits strongly, so more are
      // re-ranked; for the others recency is a mild bonus and the best few BM25 hits hold the results.
      boolean few = mode == RetrievalMode.BM25 && !parsed.window().wantsLatest();
      int n = Math.max(few ? Math.min(settings.bm25Candidates(), settings.candidates()) : settings.candidates(), request.k());
      Candidates found = candidates(searcher, terms, states, entities, vector, filter(parsed.window(), request.asOf(), request.sources()), n);
      if (!found.matched() && parsed.window().expression() != null) {
        // A date in a question may name when something happened rather than when it was reported
        // ("on January 6, 2021"): when nothing was published in that window, search all of the past.
        TimeWindow open = Ranking.open(parsed.window(), request.asOf());
        parsed = new ParsedQuestion(parsed.text(), parsed.searchText(), open);
        found = candidates(searcher, terms, states, entities, vector, filter(open, request.asOf(), request.sources()), n);
      }
      List<ScoredPassage> top = cap(searcher, rerank(searcher, found.ranked(), parsed.window(), request.asOf()), request.k());
      int more = Math.max(settings.candidates(), request.k());
      if (top.size() < request.k() && found.ranked().length == n && n < more) {
        // The per-article cap left fewer than k of a full pool: a few long articles hold the best hits.
        found = candidates(searcher, terms, states, entities, vector, filter(parsed.window(), request.asOf(), request.sources()), more);
        top = cap(searcher, rerank(searcher, found.ranked(), parsed.window(), request.asOf()), request.k());
      }
      return new Retrieval(parsed, weights, top, unknown);
    } finally {
      index.release(searcher);
    }
  }

  private Map<String, Float> idf(IndexSearcher searcher, List<String> terms, Map<String, TermStates> states, Set<String> unknown)
      throws IOException {
    Map<String, Float> weights = new LinkedHashMap<>();
    // passages only: quote documents carry no passage text
    int n = (int) Math.max(1, searcher.collectionStatistics(Fields.TEXT) == null ? 1 : searcher.collectionStatistics(Fields.TEXT).docCount());
    for (String t : new LinkedHashSet<>(terms)) {
      int df = states.get(t).docFreq();
      // A word no article contains still counts against coverage: it is what the sources lack.
      if (df == 0) {
        unknown.add(t);
      }
      weights.put(t, (float) Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    }
    return weights;
  }

  /**
   * Candidates before re-ranking.
   *
   * @param ranked best first
   * @param matched whether the window holds a match: any passage for k-NN alone, a word match otherwise
   *     (k-NN always finds the nearest passages, however far, so it cannot say that a window is wrong)
   */
  private record Candidates(ScoreDoc[] ranked, boolean matched) {}

  private Candidates candidates(IndexSearcher searcher, List<String> terms, Map<String, TermStates> states, Set<String> entities,
      float[] vector, Query filter, int n) throws IOException {
    // A filter that admits every document of the index (no source named, a window covering all dates, the
    // usual case) is left out: it cannot change the result, and as a clause it costs as much as the words.
    Query needed = admitsAll(searcher, filter) ? null : filter;
    ScoreDoc[] byWords = settings.mode() == RetrievalMode.DENSE ? new ScoreDoc[0] : byWords(searcher, terms, states, entities, needed, n);
    if (settings.mode() == RetrievalMode.BM25) {
      return new Candidates(byWords, byWords.length > 0);
    }
    // Only passages carry vectors, so the k-NN side needs no kind filter; the time and source filter is
    // applied during the graph search, not after it, so that k-NN returns n passages from the window.
    ScoreDoc[] byMeaning = searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, n, filter), n).scoreDocs;
    if (settings.mode() == RetrievalMode.DENSE) {
      return new Candidates(byMeaning, byMeaning.length > 0);
    }
    return new Candidates(fuse(searcher, bm25(terms, states, entities, needed), vector, byWords, byMeaning), byWords.length > 0);
  }

  /**
   * Fuses the two candidate lists. A passage found by one side only is scored exactly by the other
   * (BM25 through the query's scorer, cosine from its stored vector): counting it as zero there would let
   * a passage that is mediocre on both sides beat the best passage of either.
   */
  private ScoreDoc[] fuse(IndexSearcher searcher, Query words, float[] vector, ScoreDoc[] byWords, ScoreDoc[] byMeaning)
      throws IOException {
    int[] docs = java.util.stream.IntStream.concat(
        Arrays.stream(byWords).mapToInt(sd -> sd.doc), Arrays.stream(byMeaning).mapToInt(sd -> sd.doc)).distinct().sorted().toArray();
    double[] word = wordScores(searcher, words, docs);
    double[] meaning = vectorScores(searcher, vector, docs);
    if (settings.articleEvidence() > 0) {
      String[] articles = articleIds(searcher, docs);
      shareWithinArticle(articles, word, settings.articleEvidence());
      shareWithinArticle(articles, meaning, settings.articleEvidence());
    }
    double[] fused = new double[docs.length];
    if (settings.fusion() == Fusion.RRF) {
      addReciprocalRanks(word, fused);
      addReciprocalRanks(meaning, fused);
    } else {
      // BM25 is 0 where a passage lacks every word, so dividing by the best score spans 0..1; cosines of
      // candidates crowd near the top of their range, so they are stretched min-max to the same span.
      double maxWord = Math.max(1e-9, Arrays.stream(word).max().orElse(1));
      double minMeaning = Arrays.stream(meaning).min().orElse(0);
      double spanMeaning = Math.max(1e-9, Arrays.stream(meaning).max().orElse(1) - minMeaning);
      double w = settings.denseWeight();
      for (int i = 0; i < docs.length; i++) {
        fused[i] = (1 - w) * word[i] / maxWord + w * (meaning[i] - minMeaning) / spanMeaning;
      }
    }
    ScoreDoc[] out = new ScoreDoc[docs.length];
    for (int i = 0; i < docs.length; i++) {
      out[i] = new ScoreDoc(docs[i], (float) fused[i]);
    }
    Arrays.sort(out, Comparator.comparingDouble((ScoreDoc sd) -> sd.score).reversed().thenComparingInt(sd -> sd.doc));
    return out;
  }

  /**
   * Lifts each passage's score to a share of the best score of its article's passages: one passage of an
   * article may match the question's words and another its meaning, and the article is then the answer.
   */
  private static void shareWithinArticle(String[] articles, double[] scores, double share) {
    Map<String, Double> best = new HashMap<>();
    for (int i = 0; i < scores.length; i++) {
      best.merge(articles[i], scores[i], Math::max);
    }
    for (int i = 0; i < scores.length; i++) {
      scores[i] = Math.max(scores[i], share * best.get(articles[i]));
    }
  }

  private static String[] articleIds(IndexSearcher searcher, int[] docs) throws IOException {
    String[] out = new String[docs.length];
    Segments.visit(searcher, docs, leaf -> DocValues.getSorted(leaf.reader(), Fields.ARTICLE_ID), (ids, i, local) ->
        out[i] = ids.advanceExact(local) ? ids.lookupOrd(ids.ordValue()).utf8ToString() : "#" + docs[i]);
    return out;
  }

  private void addReciprocalRanks(double[] scores, double[] fused) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    for (int rank = 0; rank < order.length; rank++) {
      fused[order[rank]] += 1.0 / (settings.rrfK() + rank + 1);
    }
  }

  /** BM25 scores of {@code docs} (ascending ids) for {@code query}; 0 where it does not match. */
  private static double[] wordScores(IndexSearcher searcher, Query query, int[] docs) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    double[] out = new double[docs.length];
    Segments.visit(searcher, docs, weight::scorer, (scorer, i, local) -> {
      int at = scorer.docID() < local ? scorer.iterator().advance(local) : scorer.docID();
      if (at == local) {
        out[i] = scorer.score();
      }
    });
    return out;
  }

  /** Cosine scores (as k-NN reports them, (1 + cos) / 2) of {@code docs} (ascending ids); 0 without a vector. */
  private static double[] vectorScores(IndexSearcher searcher, float[] vector, int[] docs) throws IOException {
    double[] out = new double[docs.length];
    Segments.visit(searcher, docs, leaf -> leaf.reader().getFloatVectorValues(Fields.VECTOR), (values, i, local) -> {
      int at = values.docID() < local ? values.advance(local) : values.docID();
      if (at == local) {
        out[i] = VectorSimilarityFunction.COSINE.compare(vector, values.vectorValue());
      }
    });
    return out;
  }

  /**
   * The BM25 candidates, best first, in two stages: the best {@code n} passages by the question's words
   * in their text, then the title and phrase-proximity clauses of the whole query ({@link #bm25}) scored
   * for those {@code n} only and added, so each candidate gets the whole query's score. As first-stage
   * clauses, the title doubled the postings read and the phrases read positions for every passage holding
   * both words (most of a question's cost: docs/BENCHMARKS.md). What this gives up is a passage outside
   * the text-only top {@code n} that its title or phrase bonus would have lifted into it; the dev-set
   * figures were unchanged by it (docs/EVALUATION.md).
   */
  private ScoreDoc[] byWords(IndexSearcher searcher, List<String> terms, Map<String, TermStates> states, Set<String> entities,
      Query filter, int n) throws IOException {
    ScoreDoc[] byDoc = searcher.search(filtered(textClauses(terms, states, entities).build(), filter), n).scoreDocs.clone();
    Arrays.sort(byDoc, (x, y) -> Integer.compare(x.doc, y.doc));
    int[] docs = Arrays.stream(byDoc).mapToInt(sd -> sd.doc).toArray();
    // Each title clause scored on its own and summed, as the whole query's disjunction sums them.
    double[] title = new double[docs.length];
    for (Query clause : titleClauses(terms)) {
      double[] scores = wordScores(searcher, clause, docs);
      for (int i = 0; i < docs.length; i++) {
        title[i] += scores[i];
      }
    }
    double[] phrase = settings.phraseBoost() > 0
        ? PhraseProximity.scores(searcher, terms, states, settings.phraseBoost(), docs)
        : new double[docs.length];
    ScoreDoc[] out = new ScoreDoc[byDoc.length];
    for (int i = 0; i < byDoc.length; i++) {
      out[i] = new ScoreDoc(byDoc[i].doc, (float) (byDoc[i].score + title[i] + phrase[i]));
    }
    Arrays.sort(out, (x, y) -> x.score != y.score ? Float.compare(y.score, x.score) : Integer.compare(x.doc, y.doc));
    return out;
  }

  /** Whether {@code filter} is known to admit every document: no source named and every date inside its range. */
  private static boolean admitsAll(IndexSearcher searcher, Query filter) throws IOException {
    if (!(filter instanceof BooleanQuery b) || b.clauses().size() != 1
        || !(b.clauses().get(0).getQuery() instanceof PointRangeQuery range) || !range.getField().equals(Fields.PUBLISHED)) {
      return false;
    }
    long from = LongPoint.decodeDimension(range.getLowerPoint(), 0);
    long to = LongPoint.decodeDimension(range.getUpperPoint(), 0);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      PointValues dates = leaf.reader().getPointValues(Fields.PUBLISHED);
      if (dates == null) {
        if (leaf.reader().maxDoc() > 0) {
          return false;
        }
        continue;
      }
      // Every document carries a date (passages and quotes alike); a segment where some lack one is filtered.
      if (dates.getDocCount() != leaf.reader().maxDoc()
          || LongPoint.decodeDimension(dates.getMinPackedValue(), 0) < from
          || LongPoint.decodeDimension(dates.getMaxPackedValue(), 0) > to) {
        return false;
      }
    }
    return true;
  }

  /** The question's words as clauses over the passage text (the first stage). */
  private BooleanQuery.Builder textClauses(List<String> terms, Map<String, TermStates> states, Set<String> entities) {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (String t : new LinkedHashSet<>(terms)) {
      Query text = new TermQuery(new Term(Fields.TEXT, t), states.get(t));
      words.add(entities.contains(t) ? new BoostQuery(text, 1 + settings.entityBoost()) : text, BooleanClause.Occur.SHOULD);
    }
    return words;
  }

  /** The question's words as clauses over the title, each weighted {@code title-boost}. */
  private List<Query> titleClauses(List<String> terms) {
    List<Query> out = new ArrayList<>();
    for (String t : new LinkedHashSet<>(terms)) {
      out.add(new BoostQuery(new TermQuery(new Term(Fields.TITLE, t)), settings.titleBoost()));
    }
    return out;
  }

  /**
   * The whole BM25 query as one (hybrid fusion scores candidates with it): the question's words over text
   * and title and its adjacent word pairs found within three positions, restricted by {@code filter}
   * unless it is {@code null}. {@link #byWords} gives the same scores in two stages.
   */
  private Query bm25(List<String> terms, Map<String, TermStates> states, Set<String> entities, Query filter) {
    BooleanQuery.Builder words = textClauses(terms, states, entities);
    titleClauses(terms).forEach(q -> words.add(q, BooleanClause.Occur.SHOULD));
    Query phrases = settings.phraseBoost() > 0 ? PhraseProximity.asQuery(terms, settings.phraseBoost()) : null;
    if (phrases != null) {
      for (BooleanClause c : ((BooleanQuery) phrases).clauses()) {
        words.add(c);
      }
    }
    return filtered(words.build(), filter);
  }

  private static Query filtered(Query words, Query filter) {
    if (filter == null) {
      return words;
    }
    return new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
  }

  private Query filter(TimeWindow window, Instant asOf, Set<String> sources) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(LongPoint.newRangeQuery(Fields.PUBLISHED, Ranking.from(window), Ranking.to(window, asOf)), BooleanClause.Occur.FILTER);
    if (!sources.isEmpty()) {
      List<BytesRef> keys = sources.stream().map(s -> new BytesRef(s.toLowerCase(Locale.ROOT))).toList();
      q.add(new TermInSetQuery(Fields.SOURCE_KEY, keys), BooleanClause.Occur.FILTER);
    }
    return q.build();
  }

  /** A candidate hit before its stored fields are loaded. */
  private record Hit(int doc, String articleId, double score) {}

  /** A segment's publication dates and article ids. */
  private record DatesAndIds(NumericDocValues published, SortedDocValues ids) {}

  private List<Hit> rerank(IndexSearcher searcher, ScoreDoc[] top, TimeWindow window, Instant asOf) throws IOException {
    boolean latest = window.wantsLatest();
    float max = top.length == 0 ? 1f : Math.max(1e-6f, top[0].score);
    // Read dates and article ids from doc values in doc-id order; stored fields are loaded only for
    // the few passages that survive, which keeps a query close to the cost of bare BM25.
    ScoreDoc[] byDoc = top.clone();
    Arrays.sort(byDoc, Comparator.comparingInt(sd -> sd.doc));
    int[] docs = Arrays.stream(byDoc).mapToInt(sd -> sd.doc).toArray();
    List<Hit> out = new ArrayList<>(byDoc.length);
    Segments.visit(searcher, docs,
        leaf -> new DatesAndIds(DocValues.getNumeric(leaf.reader(), Fields.PUBLISHED), DocValues.getSorted(leaf.reader(), Fields.ARTICLE_ID)),
        (dv, i, local) -> {
          ScoreDoc sd = byDoc[i];
          long millis = dv.published().advanceExact(local) ? dv.published().longValue() : 0L;
          String articleId = dv.ids().advanceExact(local) ? dv.ids().lookupOrd(dv.ids().ordValue()).utf8ToString() : "";
          double score = Ranking.withRecency(settings, latest, sd.score, max, millis, asOf);
          out.add(new Hit(sd.doc, articleId, score));
        });
    out.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparingInt(Hit::doc));
    return out;
  }

  private List<ScoredPassage> cap(IndexSearcher searcher, List<Hit> ranked, int k) throws IOException {
    Map<String, Integer> perArticle = new HashMap<>();
    StoredFields stored = searcher.storedFields();
    List<ScoredPassage> out = new ArrayList<>(k);
    for (Hit h : ranked) {
      int seen = perArticle.merge(h.articleId(), 1, Integer::sum);
      if (seen <= settings.maxPerArticle()) {
        out.add(new ScoredPassage(ArticleIndex.toPassage(stored.document(h.doc())), (float) h.score()));
        if (out.size() == k) {
          break;
        }
      }
    }
    return out;
  }
}
