package dev.herald.answer;

import java.time.Instant;
import java.util.List;

/**
 * A composed answer.
 *
 * @param question the question as asked
 * @param asOf the moment it was answered as of
 * @param text the answer; every sentence ends with one or more {@code [n]} markers
 * @param abstained true when the sources did not cover the question (then {@code citations} is empty)
 * @param mode how it was composed ("extractive")
 * @param citations the sources, numbered from 1 in order of first use
 */
public record Answer(String question, Instant asOf, String text, boolean abstained, String mode, List<Citation> citations) {}
