package dev.herald.retrieve;

import dev.herald.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafSimScorer;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.Similarity;

/**
 * The phrase-proximity part of Herald's BM25 query (each pair of adjacent question words found within
 * {@link #SLOP} positions of each other in the passage text), scored for a few given passages only.
 *
 * <p>The score of a pair in a passage is the one Lucene's sloppy {@link PhraseQuery} of the two words
 * gives it: the same frequency (each match counts {@code 1 / (1 + distance)}, matches found the way
 * Lucene's sloppy matcher finds them for two distinct words) and the same similarity over it. It is
 * computed here rather than through {@code PhraseQuery} because a query's weight looks each word up
 * again in every segment for every pair it is in, and its scorer reads positions through a conjunction
 * meant for scanning; for the twenty-odd candidates of a question, that was most of the second stage.
 * {@code PhraseProximityTest} checks the scores against {@code PhraseQuery}'s.
 */
final class PhraseProximity {

  /** How far apart (in positions, beyond adjacent) the two words of a pair may be. */
  static final int SLOP = 3;

  private PhraseProximity() {}

  /** The adjacent pairs of {@code terms} that make a phrase clause: two different words. */
  static List<String[]> pairs(List<String> terms) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i + 1 < terms.size(); i++) {
      if (!terms.get(i).equals(terms.get(i + 1))) {
        out.add(new String[] {terms.get(i), terms.get(i + 1)});
      }
    }
    return out;
  }

  /** The same clauses as Lucene queries, each weighted {@code boost}, or {@code null} when there are none. */
  static Query asQuery(List<String> terms, float boost) {
    List<String[]> pairs = pairs(terms);
    if (pairs.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String[] p : pairs) {
      b.add(new BoostQuery(new PhraseQuery(SLOP, Fields.TEXT, p[0], p[1]), boost), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /**
   * The summed proximity scores of the pairs of {@code terms}, each weighted {@code boost}, for
   * {@code docs} (ascending ids); {@code states} holds the looked-up text terms of the question (built
   * on {@code searcher}; missing ones are looked up here).
   */
  static double[] scores(IndexSearcher searcher, List<String> terms, Map<String, TermStates> states, float boost, int[] docs)
      throws IOException {
    double[] out = new double[docs.length];
    List<String[]> pairs = new ArrayList<>();
    List<Similarity.SimScorer> scorers = new ArrayList<>();
    var collection = searcher.collectionStatistics(Fields.TEXT);
    if (collection == null || docs.length == 0) {
      return out;
    }
    for (String[] p : pairs(terms)) {
      TermStates a = states(searcher, states, p[0]);
      TermStates b = states(searcher, states, p[1]);
      if (a.docFreq() == 0 || b.docFreq() == 0) {
        continue; // a word no passage holds: the pair matches nowhere
      }
      pairs.add(p);
      scorers.add(searcher.getSimilarity().scorer(boost, collection,
          searcher.termStatistics(new Term(Fields.TEXT, p[0]), a.docFreq(), a.totalTermFreq()),
          searcher.termStatistics(new Term(Fields.TEXT, p[1]), b.docFreq(), b.totalTermFreq())));
    }
    if (pairs.isEmpty()) {
      return out;
    }
    List<String> words = new ArrayList<>(new LinkedHashSet<>(pairs.stream().flatMap(Arrays::stream).toList()));
    Map<String, int[]> positions = new HashMap<>();
    Segments.visit(searcher, docs, leaf -> Leaf.open(leaf, words, states, scorers), (leaf, d, local) -> {
      positions.clear();
      for (Map.Entry<String, PostingsEnum> e : leaf.postings().entrySet()) {
        PostingsEnum pe = e.getValue();
        int at = pe.docID() < local ? pe.advance(local) : pe.docID();
        if (at == local) {
          int[] pos = new int[pe.freq()];
          for (int k = 0; k < pos.length; k++) {
            pos[k] = pe.nextPosition();
          }
          positions.put(e.getKey(), pos);
        }
      }
      for (int p = 0; p < pairs.size(); p++) {
        int[] a = positions.get(pairs.get(p)[0]);
        int[] b = positions.get(pairs.get(p)[1]);
        if (a != null && b != null) {
          float freq = sloppyFrequency(a, b, SLOP);
          if (freq > 0) {
            out[d] += leaf.scorers().get(p).score(local, freq);
          }
        }
      }
    });
    return out;
  }

  private static TermStates states(IndexSearcher searcher, Map<String, TermStates> states, String word) throws IOException {
    TermStates s = states.get(word);
    if (s == null) {
      s = TermStates.build(searcher, new Term(Fields.TEXT, word), true);
      states.put(word, s);
    }
    return s;
  }

  /** What a segment needs: the positions of each word it holds, and each pair's scorer with its norms. */
  private record Leaf(Map<String, PostingsEnum> postings, List<LeafSimScorer> scorers) {

    /** Opens {@code leaf}'s postings of {@code words}, or {@code null} when it has no passage text. */
    static Leaf open(LeafReaderContext leaf, List<String> words, Map<String, TermStates> states, List<Similarity.SimScorer> scorers)
        throws IOException {
      Terms terms = leaf.reader().terms(Fields.TEXT);
      if (terms == null) {
        return null;
      }
      Map<String, PostingsEnum> postings = new HashMap<>();
      TermsEnum te = terms.iterator();
      for (String w : words) {
        TermState state = states.get(w).get(leaf);
        if (state != null) {
          te.seekExact(new Term(Fields.TEXT, w).bytes(), state);
          postings.put(w, te.postings(null, PostingsEnum.POSITIONS));
        }
      }
      List<LeafSimScorer> leafScorers = new ArrayList<>(scorers.size());
      for (Similarity.SimScorer s : scorers) {
        leafScorers.add(new LeafSimScorer(s, leaf.reader(), Fields.TEXT, true));
      }
      return new Leaf(postings, leafScorers);
    }
  }

  /**
   * The sloppy frequency of the phrase "a b" within {@code slop}, given each word's positions in a
   * passage (ascending, at least one each): the sum over its matches of {@code 1 / (1 + length)}.
   *
   * <p>The matches are the ones Lucene's sloppy matcher finds for two distinct words. Each word's
   * positions are read relative to its place in the phrase (b's shifted back by one, so "a b" side by side
   * has length 0). The word whose relative position is lower (a on a tie) leads; the leader steps forward
   * while it is not past the other, the length of the current match shrinking to {@code end - leader}
   * where {@code end} is the furthest relative position read so far. When the leader steps past the
   * other, the match is counted if it is within the slop and the other word leads next; a match that is
   * not within the slop is dropped and its length starts again from the new leader. When the leader's
   * positions run out, the last match is counted if within the slop.
   */
  static float sloppyFrequency(int[] a, int[] b, int slop) {
    int ia = 1;
    int ib = 1;
    int posA = a[0];
    int posB = b[0] - 1;
    int end = Math.max(posA, posB);
    float freq = 0;
    while (true) {
      boolean aLeads = posA <= posB;
      int matchLength = end - (aLeads ? posA : posB);
      int next = aLeads ? posB : posA;
      boolean counted = false;
      while (true) {
        int current;
        if (aLeads) {
          if (ia >= a.length) {
            break;
          }
          posA = a[ia++];
          current = posA;
        } else {
          if (ib >= b.length) {
            break;
          }
          posB = b[ib++] - 1;
          current = posB;
        }
        if (current > end) {
          end = current;
        }
        if (current > next) {
          if (matchLength <= slop) {
            freq += 1f / (1f + matchLength);
            counted = true;
            break;
          }
          aLeads = !aLeads;
          next = current;
          matchLength = end - (aLeads ? posA : posB);
        } else {
          matchLength = Math.min(matchLength, end - current);
        }
      }
      if (!counted) {
        // The leader's positions ran out: the last match, if within the slop, and no more.
        if (matchLength <= slop) {
          freq += 1f / (1f + matchLength);
        }
        return freq;
      }
    }
  }
}
