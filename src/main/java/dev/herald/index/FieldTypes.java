package dev.herald.index;

import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;

/**
 * How the fields whose use allows less than Lucene's defaults are written. A field is indexed only as far
 * as some query reads it, since every posting, position and norm is written for each of the hundreds of
 * thousands of passages and quotes a bulk load adds:
 * <ul>
 *   <li>passage and quote ids are stored, not indexed: nothing looks a document up by them (deletes go by
 *       article id);
 *   <li>speakers are only filtered on ("who said"), so they keep which documents hold a word: no
 *       frequencies, positions or norms;
 *   <li>titles and quote words are scored word by word (BM25 reads frequencies and norms), never as
 *       phrases, so they keep no positions. Passage text keeps its positions: phrase proximity reads them.
 * </ul>
 * Lucene refuses a field whose options change within one index, so over an index written before these
 * were chosen, each field keeps the options it already has ({@link #matching}).
 */
final class FieldTypes {

  final FieldType passageId;
  final FieldType quoteId;
  final FieldType speaker;
  final FieldType title;
  /** The empty title of a quote document: the title's options, nothing stored. */
  final FieldType emptyTitle;
  final FieldType quoteText;

  private FieldTypes(FieldInfos existing) {
    passageId = matching(existing, Fields.PASSAGE_ID, StoredField.TYPE);
    quoteId = matching(existing, Fields.QUOTE_ID, StoredField.TYPE);
    speaker = matching(existing, Fields.SPEAKER, text(IndexOptions.DOCS, true, true));
    title = matching(existing, Fields.TITLE, text(IndexOptions.DOCS_AND_FREQS, false, true));
    emptyTitle = unstored(title);
    quoteText = matching(existing, Fields.QUOTE_TEXT, text(IndexOptions.DOCS_AND_FREQS, false, true));
  }

  /** The types for an index whose fields so far are {@code existing} (empty for a new index). */
  static FieldTypes of(FieldInfos existing) {
    return new FieldTypes(existing);
  }

  /** The lean types of a new index. */
  static FieldTypes lean() {
    return new FieldTypes(FieldInfos.EMPTY);
  }

  private static FieldType text(IndexOptions options, boolean omitNorms, boolean stored) {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setIndexOptions(options);
    t.setOmitNorms(omitNorms);
    t.setStored(stored);
    t.freeze();
    return t;
  }

  private static FieldType unstored(FieldType type) {
    FieldType t = new FieldType(type);
    t.setStored(false);
    t.freeze();
    return t;
  }

  /** {@code lean}, or, when the index already has {@code field}, {@code lean} with that field's index options. */
  static FieldType matching(FieldInfos existing, String field, FieldType lean) {
    FieldInfo info = existing.fieldInfo(field);
    if (info == null || (info.getIndexOptions() == lean.indexOptions() && info.omitsNorms() == lean.omitNorms())) {
      return lean;
    }
    FieldType t = new FieldType(lean);
    t.setIndexOptions(info.getIndexOptions());
    t.setOmitNorms(info.omitsNorms());
    t.setStoreTermVectors(info.hasVectors());
    // an id indexed by an older version was a keyword (StringField): one term, never analysed
    t.setTokenized(lean.indexOptions() != IndexOptions.NONE);
    t.freeze();
    return t;
  }
}
