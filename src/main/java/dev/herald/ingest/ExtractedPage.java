package dev.herald.ingest;

import java.time.Instant;

/**
 * What was extracted from an article page.
 *
 * @param title headline, or {@code null}
 * @param author byline, or {@code null}
 * @param canonicalUrl the page's {@code rel=canonical} (or {@code og:url}), or {@code null}
 * @param published {@code article:published_time} or JSON-LD {@code datePublished}, or {@code null}
 * @param text the main text, paragraphs separated by blank lines
 * @param siteName {@code og:site_name}, or {@code null}
 */
public record ExtractedPage(String title, String author, String canonicalUrl, Instant published, String text, String siteName) {}
