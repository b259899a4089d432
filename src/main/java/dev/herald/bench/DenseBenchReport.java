package dev.herald.bench;

/**
 * Figures of the embedding part of one benchmark run, measured in the same process as each other.
 *
 * @param passages passages embedded and indexed
 * @param model the embedding model's id
 * @param modelPerS the bare model's rate on the same passage texts, batch by batch on the same pool
 * @param indexPerS Herald's indexing rate with embeddings on (reading, splitting, embedding, analysing, committing)
 * @param hybridSearchP50Ms median hybrid {@code search} latency (k=10), question embedding included
 * @param hybridSearchP95Ms 95th percentile hybrid {@code search} latency
 * @param hybridAskP50Ms median hybrid {@code ask} latency (retrieve and compose)
 * @param hybridAskP95Ms 95th percentile hybrid {@code ask} latency
 */
public record DenseBenchReport(
    int passages, String model, double modelPerS, double indexPerS, double hybridSearchP50Ms, double hybridSearchP95Ms,
    double hybridAskP50Ms, double hybridAskP95Ms) {}
