package dev.herald.index;

import java.time.Instant;

/**
 * A retrievable piece of an article: a few consecutive sentences with the article's metadata.
 *
 * @param id {@code articleId#n}, the citation key
 * @param articleId the article it belongs to
 * @param n its number within the article, from 0
 * @param title article headline
 * @param url article url
 * @param source outlet
 * @param author byline or {@code null}
 * @param published article publication moment
 * @param start character offset of {@code text} in the article's text
 * @param text the passage text, exactly as in the article
 */
public record Passage(
    String id,
    String articleId,
    int n,
    String title,
    String url,
    String source,
    String author,
    Instant published,
    int start,
    String text) {

  /** Returns the citation key for passage {@code n} of an article. */
  public static String idOf(String articleId, int n) {
    return articleId + "#" + n;
  }
}
