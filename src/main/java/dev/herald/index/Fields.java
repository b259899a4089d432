package dev.herald.index;

/** Names of the Lucene fields Herald writes, in one place. */
public final class Fields {
  /** Passage id, {@code articleId#n}: unique per document and the citation key. */
  public static final String PASSAGE_ID = "passage_id";
  /** Article id, shared by all passages of one article; the unit of replacement. */
  public static final String ARTICLE_ID = "article_id";
  /** Passage number within its article, from 0. */
  public static final String PASSAGE_NO = "passage_no";
  /** Set to {@link #YES} on the first passage of each article, to count and list articles. */
  public static final String ARTICLE_HEAD = "article_head";
  /** Article headline, analysed and stored. */
  public static final String TITLE = "title";
  /** Passage text, analysed and stored. */
  public static final String TEXT = "text";
  /** Article url, stored. */
  public static final String URL = "url";
  /** Outlet name as written, stored. */
  public static final String SOURCE = "source";
  /** Outlet name lower-cased, for exact filtering. */
  public static final String SOURCE_KEY = "source_key";
  /** Byline, stored when known. */
  public static final String AUTHOR = "author";
  /** Publication time in epoch milliseconds: a point for ranges, doc values for recency, stored. */
  public static final String PUBLISHED = "published";
  /** Character offset of the passage in its article's text, stored. */
  public static final String START = "start";

  /** Dense vector of a passage (passages only, when embeddings are on), compared by cosine. */
  public static final String VECTOR = "vector";
  /** Commit user data: the version of the text analysis the index was built with. */
  public static final String COMMIT_ANALYSIS = "herald.analysis";

  /** Commit user-data key naming the model the passage vectors were made with. */
  public static final String COMMIT_EMBEDDING_MODEL = "herald.embedding.model";
  /** Commit user-data key holding the vectors' dimension. */
  public static final String COMMIT_EMBEDDING_DIMENSION = "herald.embedding.dimension";

  /** Document kind: {@link #KIND_PASSAGE} or {@link #KIND_QUOTE}. */
  public static final String KIND = "kind";
  /** Kind of a passage document. */
  public static final String KIND_PASSAGE = "passage";
  /** Kind of an attributed-quote document. */
  public static final String KIND_QUOTE = "quote";
  /** Quote id, {@code articleId~n}, stored. */
  public static final String QUOTE_ID = "quote_id";
  /** Quote speaker, analysed (searchable by any part of the name) and stored. */
  public static final String SPEAKER = "speaker";
  /** Quote speaker's role, stored. */
  public static final String ROLE = "role";
  /** Attributing cue, stored. */
  public static final String CUE = "cue";
  /** 1 for a direct quotation, 0 for reported speech, stored. */
  public static final String DIRECT = "direct";
  /** The quoted words, analysed; stored once per part. */
  public static final String QUOTE_TEXT = "quote_text";
  /** The article's headline on a quote document (stored only, so quotes never match title searches). */
  public static final String QUOTE_TITLE = "quote_title";
  /** Article offset of each quoted part, stored once per part. */
  public static final String QUOTE_START = "quote_start";

  /** The value of a set flag field. */
  public static final String YES = "1";

  private Fields() {}
}
