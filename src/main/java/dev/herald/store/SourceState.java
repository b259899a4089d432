package dev.herald.store;

import java.time.Instant;

/**
 * What Herald remembers about fetching one source.
 *
 * @param url the source's address (feed, page or folder)
 * @param etag the last {@code ETag} validator, or {@code null}
 * @param lastModified the last {@code Last-Modified} validator, or {@code null}
 * @param lastAttempt when it was last tried, or {@code null}
 * @param lastSuccess when it last succeeded, or {@code null}
 * @param consecutiveFailures failures since the last success
 * @param lastError the reason of the last failure, or {@code null} after a success
 * @param nextAttempt the earliest moment a scheduled poll may try again, or {@code null}
 * @param items articles indexed from it so far
 */
public record SourceState(
    String url, String etag, String lastModified, Instant lastAttempt, Instant lastSuccess,
    int consecutiveFailures, String lastError, Instant nextAttempt, int items) {}
