package dev.herald.retrieve;

import java.io.IOException;

/**
 * Finds the passages that answer a question: parsed for its time window, ranked, re-ranked with
 * recency and capped per article. Implementations: {@link LuceneRetriever} (the embedded index) and
 * {@link SolrRetriever} (a SolrCloud collection); both rank by the same rules.
 */
public interface Retriever {

  /** Parses the request's question and returns the top passages for it. */
  Retrieval retrieve(SearchRequest request) throws IOException;
}
