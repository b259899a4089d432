package dev.herald.index;

import java.time.Instant;

/**
 * One outlet's share of the index.
 *
 * @param source outlet name as written in the articles
 * @param articles number of its articles
 * @param newest publication time of its newest article
 */
public record SourceStats(String source, int articles, Instant newest) {}
