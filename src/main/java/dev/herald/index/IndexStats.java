package dev.herald.index;

import java.time.Instant;

/**
 * What the index holds right now.
 *
 * @param articles number of articles
 * @param passages number of passages
 * @param newest publication time of the newest article, or {@code null} when empty
 */
public record IndexStats(int articles, int passages, Instant newest) {}
