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
 * @param candidates how many BM25 hits are re-ranked
 */
public record RetrievalSettings(
    float titleBoost,
    float phraseBoost,
    float recencyWeight,
    float latestRecencyWeight,
    float recencyHalfLifeDays,
    int maxPerArticle,
    int candidates) {

  /** The measured defaults. */
  public static RetrievalSettings defaults() {
    return new RetrievalSettings(0.2f, 0.3f, 0.1f, 0.5f, 7f, 2, 50);
  }
}
