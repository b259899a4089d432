package dev.herald.retrieve;

import java.time.Instant;
import java.util.Set;

/**
 * What to retrieve.
 *
 * @param question the question or query as the user wrote it
 * @param k how many passages to return
 * @param asOf the moment the question is asked at; later articles are invisible
 * @param sources outlet names to restrict to (case-insensitive), empty for all
 */
public record SearchRequest(String question, int k, Instant asOf, Set<String> sources) {

  /** A request for {@code k} passages over all outlets. */
  public static SearchRequest of(String question, int k, Instant asOf) {
    return new SearchRequest(question, k, asOf, Set.of());
  }
}
