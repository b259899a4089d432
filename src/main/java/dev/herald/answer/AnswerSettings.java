package dev.herald.answer;

/**
 * Tunable parameters of the extractive composer (see docs/EVALUATION.md for how they were chosen).
 *
 * @param maxSentences most sentences in an answer
 * @param passagesConsidered how many top passages sentences are drawn from
 * @param minCoverage least share of the question's term weight (idf) the best passage must cover, else
 *     abstain; a chosen sentence must cover at least a quarter of it
 * @param minQuoteCoverage least share of a "who said" quotation's words the found sentence must hold
 * @param minQuoteIndexCoverage least share of the asked words a quote from the quote index must hold to
 *     answer a "who said" question (below it the sentence search answers)
 */
public record AnswerSettings(
    int maxSentences, int passagesConsidered, double minCoverage, double minQuoteCoverage, double minQuoteIndexCoverage) {

  /** The measured defaults. */
  public static AnswerSettings defaults() {
    return new AnswerSettings(3, 5, 0.45, 0.5, 0.85);
  }
}
