package dev.herald.ingest;

/**
 * What one pass over one source did.
 *
 * @param source the source
 * @param newArticles articles indexed
 * @param duplicates items whose URL was already taken in, or whose text joined an existing story
 * @param unchanged items seen before (or a 304: nothing new)
 * @param failures the source itself (0 or 1) plus items that could not be read
 * @param error why the source failed, or {@code null}
 */
public record SourceOutcome(Source source, int newArticles, int duplicates, int unchanged, int failures, String error) {}
