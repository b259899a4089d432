package dev.herald.retrieve;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of one retrieval: the parsed question, the weighted query terms and the ranked passages.
 *
 * @param question the question with its time window
 * @param termWeights analysed query terms and their inverse document frequencies
 * @param passages ranked passages, best first
 * @param unknownTerms query terms that no passage in the index contains
 * @param partial true when part of the index could not be reached, so passages may be missing
 */
public record Retrieval(
    ParsedQuestion question, Map<String, Float> termWeights, List<ScoredPassage> passages, Set<String> unknownTerms,
    boolean partial) {

  /** A retrieval over the whole index. */
  public Retrieval(ParsedQuestion question, Map<String, Float> termWeights, List<ScoredPassage> passages, Set<String> unknownTerms) {
    this(question, termWeights, passages, unknownTerms, false);
  }
}
