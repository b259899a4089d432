package dev.herald.ingest;

import java.util.List;

/**
 * A parsed RSS, Atom or RDF feed.
 *
 * @param title the feed's title, or {@code null}
 * @param items its entries in document order
 */
public record ParsedFeed(String title, List<FeedItem> items) {}
