package dev.herald.retrieve;

/**
 * A question split into what to search for and when.
 *
 * @param text the question as asked
 * @param searchText the question with its time expressions removed
 * @param window the time window it asks about
 */
public record ParsedQuestion(String text, String searchText, TimeWindow window) {}
