package dev.herald.answer;

/**
 * Tokens one model call used, as the provider reported them; a count is {@code null} when it did not.
 *
 * @param input prompt tokens
 * @param output generated tokens
 * @param total both together
 */
public record TokenCounts(Integer input, Integer output, Integer total) {}
