package dev.herald.retrieve;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;

/** Visits a few documents segment by segment, so that what each segment needs is opened once. */
final class Segments {

  private Segments() {}

  /** Opens what a segment needs once, for all the documents that fall in it; {@code null} skips them. */
  interface Opener<S> {
    S open(LeafReaderContext leaf) throws IOException;
  }

  /** Visits one document: its position in the array and its id within the segment. */
  interface Visitor<S> {
    void visit(S state, int index, int localDoc) throws IOException;
  }

  /** Visits {@code docs} (ascending ids) segment by segment, opening each segment's state once. */
  static <S> void visit(IndexSearcher searcher, int[] docs, Opener<S> opener, Visitor<S> visitor) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leafIndex = -1;
    S state = null;
    LeafReaderContext leaf = null;
    for (int i = 0; i < docs.length; i++) {
      int li = ReaderUtil.subIndex(docs[i], leaves);
      if (li != leafIndex) {
        leafIndex = li;
        leaf = leaves.get(li);
        state = opener.open(leaf);
      }
      if (state != null) {
        visitor.visit(state, i, docs[i] - leaf.docBase);
      }
    }
  }
}
