package dev.herald.retrieve;

import java.time.Instant;

/**
 * What a question says about time, read relative to its as-of moment.
 *
 * @param from earliest publication moment to consider (inclusive), or {@code null} for no bound
 * @param to latest publication moment to consider (exclusive), never after the as-of moment
 * @param wantsLatest whether the question asks for the newest news, so recency should weigh more
 * @param expression the words of the question that set the window, or {@code null}
 */
public record TimeWindow(Instant from, Instant to, boolean wantsLatest, String expression) {}
