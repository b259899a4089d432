package dev.herald.corpus;

import java.time.Instant;
import java.util.Objects;

/**
 * One news article as Herald indexes it.
 *
 * @param id stable identifier; re-indexing an article with the same id replaces it
 * @param title headline
 * @param url link to the original article (the citation target)
 * @param source outlet name
 * @param author byline, or {@code null} when unknown
 * @param published publication moment
 * @param text full body text
 */
public record Article(
    String id, String title, String url, String source, String author, Instant published, String text) {

  /** Validates that every required field is present. */
  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(text, "text");
  }
}
