package dev.herald.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.corpus.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
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
}
