package dev.herald.index;

/**
 * Which index Herald reads and writes ({@code index.backend}).
 *
 * @param kind the embedded Lucene index under the data folder (default) or a SolrCloud collection
 * @param solr how to reach the collection; used only when {@code kind} is {@link Kind#SOLR}
 */
public record IndexBackend(Kind kind, SolrSettings solr) {

  /** The backends. */
  public enum Kind {
    /** The embedded Lucene index in {@code data/index}: one process writes it, no server needed. */
    LUCENE,
    /** A SolrCloud collection: any number of processes read and write it. */
    SOLR
  }

  /** The default: the embedded Lucene index. */
  public static IndexBackend embedded() {
    return new IndexBackend(Kind.LUCENE, SolrSettings.defaults());
  }

  /** Whether this is the SolrCloud backend. */
  public boolean isSolr() {
    return kind == Kind.SOLR;
  }
}
