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
 * @param since when not {@code null}, only articles published at or after it are seen, whatever the
 *     question's words say (updates and digests need a strict window: no grace day, no fallback)
 */
public record SearchRequest(String question, int k, Instant asOf, Set<String> sources, Instant since) {

  /** A request over the question's own time window. */
  public SearchRequest(String question, int k, Instant asOf, Set<String> sources) {
    this(question, k, asOf, sources, null);
  }

  /** A request for {@code k} passages over all outlets. */
  public static SearchRequest of(String question, int k, Instant asOf) {
    return new SearchRequest(question, k, asOf, Set.of());
  }

  /** A request for {@code k} passages over all outlets published in {@code [since, asOf]}. */
  public static SearchRequest between(String question, int k, Instant since, Instant asOf) {
    return new SearchRequest(question, k, asOf, Set.of(), since);
  }
}
