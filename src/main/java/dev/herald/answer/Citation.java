package dev.herald.answer;

import java.time.Instant;

/**
 * One numbered source of an answer.
 *
 * @param n the number the answer's {@code [n]} markers refer to, from 1
 * @param articleId the cited article
 * @param passageId the cited passage, {@code articleId#k}
 * @param title article headline
 * @param url article url
 * @param source outlet
 * @param published article publication moment
 * @param text the cited sentence(s) exactly as in the source; several are joined by " … "
 */
public record Citation(
    int n, String articleId, String passageId, String title, String url, String source, Instant published, String text) {}
