package dev.herald.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Fixtures;
import dev.herald.Herald;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneRetrieverTest {

  @TempDir Path dir;
  Herald herald;

  @BeforeEach
  void setUp() throws IOException {
    herald = Fixtures.herald(dir);
  }

  @AfterEach
  void tearDown() throws IOException {
    herald.close();
  }

  Retrieval search(String q, String asOf) throws IOException {
    return herald.search(SearchRequest.of(q, 10, Instant.parse(asOf)));
  }

  @Test
  void should_rank_the_article_that_answers_first() throws IOException {
    Retrieval r = search("Where did Trump and Putin meet in Alaska?", "2025-11-01T00:00:00Z");

    assertThat(r.passages().get(0).passage().id()).isEqualTo("summit-alaska#0");
  }

  @Test
  void should_not_see_articles_published_after_the_as_of_moment() throws IOException {
    Retrieval before = search("Budapest summit", "2025-10-16T12:00:00Z");
    Retrieval after = search("Budapest summit", "2025-10-16T18:00:00Z");

    assertThat(before.passages()).extracting(p -> p.passage().articleId()).doesNotContain("budapest-plan");
    assertThat(after.passages()).extracting(p -> p.passage().articleId()).contains("budapest-plan");
  }

  @Test
  void should_filter_by_the_time_expression_in_the_question() throws IOException {
    Retrieval r = search("What did Putin say in October?", "2025-11-01T00:00:00Z");

    assertThat(r.passages()).isNotEmpty();
    assertThat(r.passages()).allSatisfy(p -> assertThat(p.passage().published())
        .isBetween(Instant.parse("2025-10-01T00:00:00Z"), Instant.parse("2025-11-01T00:00:00Z")));
  }

  @Test
  void should_drop_a_window_that_holds_nothing_rather_than_answer_empty() throws IOException {
    Retrieval r = search("Who won the Berlin marathon on 1 May?", "2025-11-01T00:00:00Z");

    assertThat(r.passages()).extracting(p -> p.passage().articleId()).first().isEqualTo("marathon-record");
  }

  @Test
  void should_restrict_to_the_requested_sources() throws IOException {
    Retrieval r = herald.search(new SearchRequest("Budapest summit", 10, Instant.parse("2025-11-01T00:00:00Z"), Set.of("capital times")));

    assertThat(r.passages()).isNotEmpty().allSatisfy(p -> assertThat(p.passage().source()).isEqualTo("Capital Times"));
  }

  @Test
  void should_favour_recent_articles_when_the_latest_news_is_asked_for() throws IOException {
    Retrieval r = search("What is the latest news on Putin?", "2025-10-17T00:00:00Z");

    assertThat(r.passages().get(0).passage().articleId()).isIn("budapest-plan", "tomahawk-warning");
  }
}
