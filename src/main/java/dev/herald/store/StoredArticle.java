package dev.herald.store;

import java.time.Instant;

/**
 * One article Herald has taken in, indexed or recognised as a copy of a story already indexed.
 *
 * @param canonicalUrl the canonical address; never taken in twice
 * @param articleId the article's index id
 * @param storyId the id of the indexed article that represents the story
 * @param outlet the outlet that carried it
 * @param title headline
 * @param language language code from the source, or {@code null}
 * @param published publication moment
 * @param firstSeen when Herald first saw it
 * @param simhash the 64-bit content fingerprint
 * @param indexed whether this copy is in the search index (the story's first copy is)
 */
public record StoredArticle(
    String canonicalUrl, String articleId, String storyId, String outlet, String title, String language,
    Instant published, Instant firstSeen, long simhash, boolean indexed) {}
