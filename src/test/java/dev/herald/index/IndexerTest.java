package dev.herald.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.corpus.ArticleReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {

  @TempDir Path dir;

  static String line(String id, String text) {
    return "{\"id\":\"" + id + "\",\"title\":\"T\",\"url\":\"https://x.test/" + id + "\",\"source\":\"S\","
        + "\"published\":\"2025-10-16\",\"text\":\"" + text + "\"}";
  }

  @Test
  void should_keep_the_last_version_of_an_id_seen_twice_in_one_run_on_many_workers() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      lines.add(line("a" + i, "Filler article number " + i + "."));
      if (i % 50 == 0) {
        lines.add(line("dup", "Version " + i + " of the story."));
      }
    }
    Path f = dir.resolve("a.jsonl");
    Files.write(f, lines);

    try (ArticleIndex index = ArticleIndex.openWritable(dir.resolve("idx"), PassageSplitter.standard())) {
      IndexSummary s = new Indexer(index, new ArticleReader(), 4, 64).index(List.of(f), p -> {}, (a, b) -> {});

      assertThat(s.articles()).isEqualTo(204);
      assertThat(index.stats().articles()).isEqualTo(201);
      IndexSearcher searcher = index.acquire();
      try {
        var hits = searcher.search(new TermQuery(new Term(Fields.ARTICLE_ID, "dup")), 10);
        assertThat(hits.scoreDocs).hasSize(1);
        assertThat(searcher.storedFields().document(hits.scoreDocs[0].doc).get(Fields.TEXT)).isEqualTo("Version 150 of the story.");
      } finally {
        index.release(searcher);
      }
    }
  }

  @Test
  void should_index_the_same_files_twice_into_the_same_index() throws IOException {
    Path f = dir.resolve("a.jsonl");
    Files.write(f, List.of(line("x", "One."), line("y", "Two.")));
    try (ArticleIndex index = ArticleIndex.openWritable(dir.resolve("idx"), PassageSplitter.standard())) {
      Indexer indexer = new Indexer(index, new ArticleReader(), 2, 64);
      indexer.index(List.of(f), p -> {}, (a, b) -> {});
      IndexStats first = index.stats();
      indexer.index(List.of(f), p -> {}, (a, b) -> {});

      assertThat(index.stats()).isEqualTo(first);
    }
  }
}
