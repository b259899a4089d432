package dev.herald.eval;

/**
 * One who-said question line: {@code {"id","question","quote","speaker","surname","article_id"}}.
 *
 * @param id question id
 * @param question the question ("Who said “…”?")
 * @param quote the quotation asked about
 * @param speaker the speaker as annotated
 * @param surname the speaker's surname, which a correct answer names
 * @param articleId the article the quotation is from, which a correct answer cites
 */
public record WhoSaidQuestion(String id, String question, String quote, String speaker, String surname, String articleId) {}
