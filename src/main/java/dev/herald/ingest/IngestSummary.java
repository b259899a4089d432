package dev.herald.ingest;

import java.util.List;
import java.util.Locale;

/**
 * What one ingest pass did over all its sources.
 *
 * @param outcomes one per source, in source order
 * @param seconds wall-clock time taken
 */
public record IngestSummary(List<SourceOutcome> outcomes, double seconds) {

  /** Articles indexed. */
  public int newArticles() {
    return outcomes.stream().mapToInt(SourceOutcome::newArticles).sum();
  }

  /** Items recognised as duplicates (same URL or same story). */
  public int duplicates() {
    return outcomes.stream().mapToInt(SourceOutcome::duplicates).sum();
  }

  /** Sources and items that failed. */
  public int failures() {
    return outcomes.stream().mapToInt(SourceOutcome::failures).sum();
  }

  /** Renders the summary line printed at the end of {@code herald ingest}. */
  public String line() {
    return String.format(Locale.ROOT, "Ingested %d sources: %d new articles, %d duplicates, %d unchanged, %d failures, in %.1f s.",
        outcomes.size(), newArticles(), duplicates(), outcomes.stream().mapToInt(SourceOutcome::unchanged).sum(),
        failures(), seconds);
  }
}
