package dev.herald.retrieve;

import dev.herald.index.Passage;

/**
 * A retrieved passage with its final ranking score.
 *
 * @param passage the passage
 * @param score its score (higher is better; comparable only within one result list)
 */
public record ScoredPassage(Passage passage, float score) {}
