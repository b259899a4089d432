package dev.herald.eval;

/**
 * RealTimeQA retrieval and answer metrics.
 *
 * @param questions questions evaluated
 * @param hitsAt4 share with a gold article among the top 4 passages
 * @param hitsAt10 share with a gold article among the top 10 passages
 * @param mrrAt10 mean reciprocal rank of the first gold passage within the top 10
 * @param answerAccuracy share whose answer contains the correct choice and no other choice
 */
public record RealTimeQaReport(int questions, double hitsAt4, double hitsAt10, double mrrAt10, double answerAccuracy) {}
