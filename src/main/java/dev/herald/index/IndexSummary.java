package dev.herald.index;

/**
 * What one indexing run did.
 *
 * @param articles articles indexed (added or replaced)
 * @param passages passages written for them
 * @param skipped articles or files skipped as malformed
 * @param seconds wall-clock time taken
 */
public record IndexSummary(int articles, int passages, int skipped, double seconds) {

  /** Renders the one-line summary printed at the end of {@code herald index}. */
  public String line() {
    double rate = seconds > 0 ? articles / seconds : articles;
    return String.format(
        java.util.Locale.ROOT,
        "Indexed %d articles (%d passages), skipped %d, in %.1f s (%.0f articles/s).",
        articles, passages, skipped, seconds, rate);
  }
}
