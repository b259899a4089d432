package dev.herald.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.index.Fields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class PhraseProximityTest {

  @Test
  void frequencyCountsEachMatchByItsLength() {
    assertEquals(1f, PhraseProximity.sloppyFrequency(new int[] {4}, new int[] {5}, 3), 1e-6);       // "a b"
    assertEquals(1f / 3, PhraseProximity.sloppyFrequency(new int[] {5}, new int[] {4}, 3), 1e-6);   // "b a"
    assertEquals(1f / 4, PhraseProximity.sloppyFrequency(new int[] {0}, new int[] {4}, 3), 1e-6);   // three words between
    assertEquals(0f, PhraseProximity.sloppyFrequency(new int[] {0}, new int[] {5}, 3), 1e-6);       // too far
    assertEquals(2f, PhraseProximity.sloppyFrequency(new int[] {0, 10}, new int[] {1, 11}, 3), 1e-6); // twice side by side
  }

  @Test
  void scoresAreThoseOfLuceneSloppyPhraseQueries() throws Exception {
    Random random = new Random(20261202L);
    String[] vocabulary = {"talks", "ukraine", "peace", "trump", "putin", "meet", "alaska", "summit"};
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
      try (IndexWriter w = new IndexWriter(dir, config)) {
        for (int d = 0; d < 600; d++) {
          StringBuilder text = new StringBuilder();
          int length = 3 + random.nextInt(40);
          for (int i = 0; i < length; i++) {
            text.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
          }
          Document doc = new Document();
          doc.add(new TextField(Fields.TEXT, text.toString(), Field.Store.NO));
          w.addDocument(doc);
          if (d % 200 == 199) {
            w.commit(); // several segments
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        int compared = 0;
        for (int q = 0; q < 40; q++) {
          List<String> terms = new ArrayList<>();
          for (int i = 0; i < 2 + random.nextInt(4); i++) {
            terms.add(vocabulary[random.nextInt(vocabulary.length)]);
          }
          Map<Integer, Float> expected = new HashMap<>();
          for (ScoreDoc sd : searcher.search(PhraseProximity.asQuery(terms, 0.3f) == null
              ? new org.apache.lucene.search.MatchNoDocsQuery() : PhraseProximity.asQuery(terms, 0.3f), reader.maxDoc()).scoreDocs) {
            expected.put(sd.doc, sd.score);
          }
          int[] docs = new int[reader.maxDoc()];
          for (int d = 0; d < docs.length; d++) {
            docs[d] = d;
          }
          double[] got = PhraseProximity.scores(searcher, terms, new HashMap<>(), 0.3f, docs);
          for (int d = 0; d < docs.length; d++) {
            assertEquals(expected.getOrDefault(d, 0f), got[d], 1e-4, "terms " + terms + " doc " + d);
            compared += expected.containsKey(d) ? 1 : 0;
          }
        }
        org.junit.jupiter.api.Assertions.assertTrue(compared > 1000, "matches compared: " + compared);
      }
    }
  }

  @Test
  void aSinglePairMatchesPhraseQueryExactly() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
        for (String t : List.of("putin said trump would meet putin", "trump x x putin trump", "putin trump", "trump and then much later putin")) {
          Document doc = new Document();
          doc.add(new TextField(Fields.TEXT, t, Field.Store.NO));
          w.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        double[] got = PhraseProximity.scores(searcher, List.of("trump", "putin"), new HashMap<>(), 1f, new int[] {0, 1, 2, 3});
        for (int d = 0; d < 4; d++) {
          var top = searcher.search(new BoostQuery(new PhraseQuery(3, Fields.TEXT, "trump", "putin"), 1f), 10).scoreDocs;
          float want = 0;
          for (ScoreDoc sd : top) {
            if (sd.doc == d) {
              want = sd.score;
            }
          }
          assertEquals(want, got[d], 1e-6, "doc " + d);
        }
        assertEquals(0, got[3], 1e-9);
      }
    }
  }
}
