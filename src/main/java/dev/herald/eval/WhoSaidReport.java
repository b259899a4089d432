package dev.herald.eval;

/**
 * Who-said metrics.
 *
 * @param questions questions evaluated
 * @param speakerAccuracy share of answers that name the speaker's surname
 * @param citationAccuracy share of answers that cite the quotation's article
 */
public record WhoSaidReport(int questions, double speakerAccuracy, double citationAccuracy) {}
