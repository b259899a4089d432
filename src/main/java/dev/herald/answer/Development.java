package dev.herald.answer;

import java.time.Instant;
import java.util.List;

/**
 * One development in a story: the articles (and syndicated copies) that report the same thing, as one
 * dated, cited bullet.
 *
 * @param date when it was first reported
 * @param summary the sentence that best says what happened, exactly as its source has it
 * @param outlets every outlet that reported it, earliest first
 * @param citations its sources, numbered from 1 within the development
 */
public record Development(Instant date, String summary, List<String> outlets, List<Citation> citations) {}
