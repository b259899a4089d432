package dev.herald.store;

import java.time.Instant;

/**
 * A source added at run time (bot command or OPML import) rather than in the config file.
 *
 * @param url feed or page address
 * @param kind {@code feed} or {@code page}
 * @param outlet outlet name, or {@code null} to take the feed's title
 * @param language language code, or {@code null}
 * @param intervalMinutes poll interval, or {@code null} for the default
 * @param trusted whether it was named by the operator (OPML) and may reach private addresses
 * @param addedBy who added it
 * @param addedAt when
 */
public record AddedSource(
    String url, String kind, String outlet, String language, Integer intervalMinutes, boolean trusted,
    String addedBy, Instant addedAt) {}
