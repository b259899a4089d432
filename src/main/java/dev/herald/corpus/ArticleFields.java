package dev.herald.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;

/** Turns a map of raw field values (from JSON or YAML front matter) into a validated {@link Article}. */
public final class ArticleFields {

  private ArticleFields() {}

  /** Builds an article from raw fields; {@code id} and {@code author} are optional. */
  public static Article toArticle(Map<String, ?> fields) throws BadArticleException {
    String title = required(fields, "title");
    String text = required(fields, "text");
    String url = required(fields, "url");
    String source = required(fields, "source");
    String publishedRaw = required(fields, "published");
    Instant published = parsePublished(publishedRaw);
    String author = optional(fields, "author");
    String id = optional(fields, "id");
    if (id == null) {
      id = deriveId(url, text);
    }
    return new Article(id, title.strip(), url.strip(), source.strip(), author, published, text);
  }

  /**
   * Parses an ISO-8601 date or date-time; a date alone means 00:00 UTC, a date-time without an offset
   * is taken as UTC.
   */
  public static Instant parsePublished(String raw) throws BadArticleException {
    String s = raw.strip();
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException e) {
      throw new BadArticleException(
          "'published' is not an ISO-8601 date or date-time: \"" + raw + "\" (use e.g. 2025-10-16 or 2025-10-16T09:30:00Z)");
    }
  }

  /** Derives a stable id: the first 16 hex digits of SHA-1 of the url, else of the text. */
  public static String deriveId(String url, String text) {
    String basis = url != null && !url.isBlank() ? url.strip() : text;
    return sha1Hex(basis).substring(0, 16);
  }

  static String sha1Hex(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is always available in the JDK", e);
    }
  }

  private static String required(Map<String, ?> fields, String name) throws BadArticleException {
    Object v = fields.get(name);
    if (v == null) {
      throw new BadArticleException("missing '" + name + "'");
    }
    String s = String.valueOf(v);
    if (s.isBlank()) {
      throw new BadArticleException("'" + name + "' is empty");
    }
    return s;
  }

  private static String optional(Map<String, ?> fields, String name) {
    Object v = fields.get(name);
    if (v == null) {
      return null;
    }
    String s = String.valueOf(v).strip();
    return s.isEmpty() ? null : s;
  }
}
