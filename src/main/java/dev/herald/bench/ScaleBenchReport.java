package dev.herald.bench;

/**
 * Hybrid latency at full scale. The benchmark corpus repeats the same articles, so each distinct passage
 * is embedded once and its vector reused for its copies: the index holds a vector for every passage, as
 * a real one would, without hours of embedding.
 *
 * @param passages passages indexed, each with a vector
 * @param distinctTexts distinct passage texts actually embedded
 * @param indexSeconds time to embed the distinct texts and index every passage with its vector
 * @param hybridSearchP50Ms median hybrid {@code search} latency (k=10), question embedding included
 * @param hybridSearchP95Ms 95th percentile hybrid {@code search} latency
 * @param hybridAskP50Ms median hybrid {@code ask} latency (retrieve and compose)
 * @param hybridAskP95Ms 95th percentile hybrid {@code ask} latency
 */
public record ScaleBenchReport(
    int passages, int distinctTexts, double indexSeconds, double hybridSearchP50Ms, double hybridSearchP95Ms,
    double hybridAskP50Ms, double hybridAskP95Ms) {}
