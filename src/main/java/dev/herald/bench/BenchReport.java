package dev.herald.bench;

import java.util.List;

/**
 * Figures from one benchmark run, all measured in the same process.
 *
 * @param passages passages indexed
 * @param indexPerS Herald indexing rate, passages per second (reading, splitting, analysing, committing)
 * @param luceneIndexPerS bare Lucene IndexWriter rate over the same passages
 * @param searchP50Ms median {@code search} latency (k=10)
 * @param searchP95Ms 95th percentile {@code search} latency
 * @param askP50Ms median {@code ask} latency (retrieve and compose)
 * @param askP95Ms 95th percentile {@code ask} latency
 * @param luceneQueryP50Ms median bare BM25 top-10 query latency over the bare index
 * @param heapPeakMb peak heap use over the run
 * @param dense the embedding and hybrid figures, or {@code null} when that part was skipped
 * @param indexRounds each indexing round's two rates; {@code indexPerS} and {@code luceneIndexPerS} are those of the
 *     round with the median ratio
 */
public record BenchReport(
    int passages, double indexPerS, double luceneIndexPerS, double searchP50Ms, double searchP95Ms,
    double askP50Ms, double askP95Ms, double luceneQueryP50Ms, double heapPeakMb,
    DenseBenchReport dense, List<IndexRound> indexRounds) {

  /** One indexing round: Herald's rate and, just before it, the bare writer's over the same passages. */
  public record IndexRound(double heraldPerS, double lucenePerS) {}
}
