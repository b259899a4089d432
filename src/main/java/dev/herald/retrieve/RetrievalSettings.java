package dev.herald.retrieve;

/**
 * Tunable ranking parameters; the defaults are the ones measured best on the dev sets (see
 * docs/EVALUATION.md).
 *
 * @param titleBoost weight of a title match relative to a passage-text match
 * @param phraseBoost weight of adjacent query-word pairs found near each other in the text
 * @param recencyWeight how much a fresh article gains over an old one, for every question
 * @param latestRecencyWeight share of the ranking given to freshness for questions asking for the latest
 *     news (the rest is relevance relative to the best hit)
 * @param recencyHalfLifeDays age at which the recency gain halves
 * @param maxPerArticle how many passages of one article may appear in the results
 * @param candidates how many BM25 hits (and, in dense and hybrid modes, k-NN hits) are re-ranked; in BM25
 *     mode, for questions that ask for the latest news (freshness then re-orders the ranking strongly)
 * @param bm25Candidates in BM25 mode, how many hits are re-ranked for every other question (recency is
 *     then a mild bonus); {@code candidates} are taken when the per-article cap leaves fewer than k
 * @param mode BM25, dense or hybrid retrieval
 * @param fusion how hybrid retrieval combines the two rankings
 * @param rrfK the rank offset of reciprocal rank fusion (larger flattens the head of each list)
 * @param denseWeight the k-NN share of a weighted fusion
 * @param articleEvidence in hybrid fusion, the share of the best score among its article's passages that
 *     each passage gets on each side (0: none)
 * @param entityBoost extra weight of the question's names (capitalised words) in the passage text (0: off;
 *     measured, did not pay)
 * @param reranker {@code none} (default) or {@code llm}: a language model re-orders the top passages
 */
public record RetrievalSettings(
    float titleBoost,
    float phraseBoost,
    float recencyWeight,
    float latestRecencyWeight,
    float recencyHalfLifeDays,
    int maxPerArticle,
    int candidates,
    int bm25Candidates,
    RetrievalMode mode,
    Fusion fusion,
    int rrfK,
    float denseWeight,
    float articleEvidence,
    float entityBoost,
    String reranker) {

  /** The measured defaults. */
  public static RetrievalSettings defaults() {
    return new RetrievalSettings(0.2f, 0.3f, 0.1f, 0.5f, 7f, 2, 50, 20, RetrievalMode.BM25, Fusion.WEIGHTED, 60, 0.3f, 0.7f,
        0f, "none");
  }

  /** Returns a copy with another mode. */
  public RetrievalSettings withMode(RetrievalMode m) {
    return new RetrievalSettings(titleBoost, phraseBoost, recencyWeight, latestRecencyWeight, recencyHalfLifeDays, maxPerArticle,
        candidates, bm25Candidates, m, fusion, rrfK, denseWeight, articleEvidence, entityBoost, reranker);
  }
}
