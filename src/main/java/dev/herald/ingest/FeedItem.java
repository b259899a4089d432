package dev.herald.ingest;

import java.time.Instant;

/**
 * One entry of a parsed feed.
 *
 * @param key stable identity within the feed: guid/id, else link
 * @param link the article's address, or {@code null}
 * @param title headline, or {@code null}
 * @param author byline, or {@code null}
 * @param published the feed's publication (else update) date, or {@code null}
 * @param contentHtml full content ({@code content:encoded}, Atom content), or {@code null}
 * @param summaryHtml description or summary, or {@code null}
 */
public record FeedItem(
    String key, String link, String title, String author, Instant published, String contentHtml, String summaryHtml) {}
