package dev.herald.eval;

/**
 * Direct-quotation extraction quality against annotated attributions.
 *
 * @param articles articles compared
 * @param gold annotated direct quotations
 * @param predicted extracted direct quotations
 * @param contentPrecision share of extracted quotations that match an annotated one
 * @param contentRecall share of annotated quotations matched by an extracted one
 * @param sourcePrecision share of extracted quotations that match one and name its annotated source
 *     (quotations matched to a pronoun source left out)
 * @param sourceRecall share of annotated quotations with a named source matched with the right source
 * @param goldPronounSources annotated quotations whose source is only a pronoun (not judged for source)
 */
public record QuoteExtractionReport(
    int articles, int gold, int predicted, double contentPrecision, double contentRecall, double sourcePrecision,
    double sourceRecall, int goldPronounSources) {}
