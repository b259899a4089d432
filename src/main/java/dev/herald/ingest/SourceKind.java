package dev.herald.ingest;

/** What a source is: a syndication feed, a single web page or a local folder of article files. */
public enum SourceKind {
  /** An RSS 2.0, Atom or RDF feed. */
  FEED,
  /** One web page holding one article. */
  PAGE,
  /** A local folder whose new article files are taken in. */
  FOLDER
}
