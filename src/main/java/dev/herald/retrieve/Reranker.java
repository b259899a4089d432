package dev.herald.retrieve;

import java.util.List;

/**
 * Re-orders the passages retrieved for a question, after the first-stage ranking; off by default
 * ({@code retrieval.reranker: none}). Implemented by {@link LlmReranker} (a language model judges the
 * passages) and by test fakes. A reranker only re-orders: it never adds or drops a passage, and it must
 * return the input order when it cannot judge.
 */
public interface Reranker {

  /** Returns {@code passages} re-ordered for {@code question}, best first. */
  List<ScoredPassage> rerank(String question, List<ScoredPassage> passages);
}
