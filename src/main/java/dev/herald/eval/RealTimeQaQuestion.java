package dev.herald.eval;

import java.util.List;

/**
 * One RealTimeQA-style question line: {@code {"id","date","question","choices","answer","gold_urls"}}.
 *
 * @param id question id
 * @param date the day the question was asked (ISO date)
 * @param question the question text
 * @param choices the multiple-choice options
 * @param answer the correct choice(s)
 * @param goldUrls urls of the articles that answer it
 */
public record RealTimeQaQuestion(String id, String date, String question, List<String> choices, List<String> answer, List<String> goldUrls) {}
