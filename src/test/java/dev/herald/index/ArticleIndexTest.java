package dev.herald.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.corpus.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleIndexTest {

  @TempDir Path dir;

  static Article article(String id, String text) {
    return new Article(id, "Title " + id, "https://x.test/" + id, "S", null, Instant.parse("2025-10-16T00:00:00Z"), text);
  }

  @Test
  void should_replace_an_article_reindexed_with_the_same_id() throws IOException {
    try (ArticleIndex index = ArticleIndex.openWritable(dir, PassageSplitter.standard())) {
      index.add(article("a", "First version."));
      index.add(article("b", "Other article."));
      index.commit();
      index.add(article("a", "Second version."));
      index.commit();
      index.refresh();

      assertThat(index.stats().articles()).isEqualTo(2);
      assertThat(index.stats().passages()).isEqualTo(2);
    }
  }

  @Test
  void should_leave_the_last_commit_usable_when_a_run_dies_before_committing() throws IOException {
    try (ArticleIndex index = ArticleIndex.openWritable(dir, PassageSplitter.standard())) {
      index.add(article("a", "Committed."));
      index.commit();
      index.add(article("b", "Never committed."));
      // closing without commit is what a crash leaves behind: the writer's changes are discarded
    }

    try (ArticleIndex reopened = ArticleIndex.openReadOnly(dir)) {
      assertThat(reopened.stats().articles()).isEqualTo(1);
    }
  }

  @Test
  void should_report_the_newest_publication_time() throws IOException {
    try (ArticleIndex index = ArticleIndex.openWritable(dir, PassageSplitter.standard())) {
      index.add(new Article("old", "Old", "u1", "S", null, Instant.parse("2025-01-01T00:00:00Z"), "Old text."));
      index.add(new Article("new", "New", "u2", "S", null, Instant.parse("2025-11-01T00:00:00Z"), "New text."));
      index.commit();
      index.refresh();

      assertThat(index.stats().newest()).isEqualTo(Instant.parse("2025-11-01T00:00:00Z"));
    }
  }

  static final String QUOTED = "“We will not accept any deal imposed on us,” Kremlin aide Yury Ushakov told reporters.";

  @Test
  void should_index_ids_stored_only_and_titles_and_quote_words_without_positions() throws IOException {
    try (ArticleIndex index = ArticleIndex.openWritable(dir, PassageSplitter.standard())) {
      index.add(article("a", QUOTED));
      index.commit();
    }
    try (var d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
      FieldInfos infos = FieldInfos.getMergedFieldInfos(reader);
      assertThat(infos.fieldInfo(Fields.PASSAGE_ID).getIndexOptions()).isEqualTo(IndexOptions.NONE);
      assertThat(infos.fieldInfo(Fields.QUOTE_ID).getIndexOptions()).isEqualTo(IndexOptions.NONE);
      assertThat(infos.fieldInfo(Fields.SPEAKER).getIndexOptions()).isEqualTo(IndexOptions.DOCS);
      assertThat(infos.fieldInfo(Fields.TITLE).getIndexOptions()).isEqualTo(IndexOptions.DOCS_AND_FREQS);
      assertThat(infos.fieldInfo(Fields.QUOTE_TEXT).getIndexOptions()).isEqualTo(IndexOptions.DOCS_AND_FREQS);
      assertThat(infos.fieldInfo(Fields.TEXT).getIndexOptions()).isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    }
  }

  @Test
  void should_keep_adding_to_an_index_whose_fields_were_written_with_the_older_options() throws IOException {
    // An index as versions before the lean field types wrote it: ids indexed, every text field with positions.
    try (var d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new HeraldAnalyzer()))) {
      Document passage = new Document();
      passage.add(new StringField(Fields.KIND, Fields.KIND_PASSAGE, Field.Store.NO));
      passage.add(new StringField(Fields.PASSAGE_ID, "old#0", Field.Store.YES));
      passage.add(new StringField(Fields.ARTICLE_ID, "old", Field.Store.YES));
      passage.add(new TextField(Fields.TITLE, "Old title", Field.Store.YES));
      passage.add(new TextField(Fields.TEXT, "An older passage.", Field.Store.YES));
      Document quote = new Document();
      quote.add(new StringField(Fields.KIND, Fields.KIND_QUOTE, Field.Store.NO));
      quote.add(new StringField(Fields.QUOTE_ID, "old~0", Field.Store.YES));
      quote.add(new StringField(Fields.ARTICLE_ID, "old", Field.Store.YES));
      quote.add(new TextField(Fields.SPEAKER, "Someone Else", Field.Store.YES));
      quote.add(new TextField(Fields.QUOTE_TEXT, "an older quotation", Field.Store.YES));
      long published = Instant.parse("2025-10-15T00:00:00Z").toEpochMilli();
      for (Document doc : List.of(passage, quote)) {
        doc.add(new SortedDocValuesField(Fields.ARTICLE_ID, new BytesRef("old")));
        doc.add(new LongPoint(Fields.PUBLISHED, published));
        doc.add(new NumericDocValuesField(Fields.PUBLISHED, published));
        doc.add(new StoredField(Fields.PUBLISHED, published));
      }
      w.addDocuments(List.of(passage, quote));
      w.setLiveCommitData(Map.of(Fields.COMMIT_ANALYSIS, PlaceNameFilter.ANALYSIS_VERSION).entrySet());
      w.commit();
    }

    try (ArticleIndex index = ArticleIndex.openWritable(dir, PassageSplitter.standard())) {
      index.add(article("a", QUOTED));
      index.commit();
      index.refresh();

      assertThat(index.stats().passages()).isEqualTo(2);
      assertThat(index.quotesBy(List.of("ushakov"), List.of("deal"), Instant.parse("2026-01-01T00:00:00Z"), 5))
          .singleElement()
          .satisfies(q -> assertThat(q.speaker()).isEqualTo("Yury Ushakov"));
    }
    try (var d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
      FieldInfos infos = FieldInfos.getMergedFieldInfos(reader);
      assertThat(infos.fieldInfo(Fields.PASSAGE_ID).getIndexOptions()).isEqualTo(IndexOptions.DOCS);
      assertThat(infos.fieldInfo(Fields.TITLE).getIndexOptions()).isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    }
  }
}
