package dev.herald.retrieve;

import dev.herald.quotes.Quote;

/**
 * A quote found in the index, verified against its article.
 *
 * @param quote the quote
 * @param passageId the passage holding its first part, the citation key
 * @param context the sentence(s) around the quote, exactly as in the article (what a citation shows)
 * @param score how well it matched the search (the share of the asked words it holds, or 1 for a
 *     speaker listing)
 */
public record FoundQuote(Quote quote, String passageId, String context, double score) {}
