package dev.herald.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.corpus.Article;
import dev.herald.quotes.Quote;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NewsIndex} must do, run against each backend: {@link ArticleIndexContractTest} (the
 * embedded index) and {@code SolrBackendTest.Contract} (a SolrCloud collection). Each test gets an empty
 * index from {@link #emptyIndex()}.
 */
abstract class NewsIndexContract {

  /** A fresh, empty, writable index; closed by the test. */
  abstract NewsIndex emptyIndex() throws IOException;

  static final Instant MAY = Instant.parse("2029-05-01T10:00:00Z");
  static final Instant JUNE = Instant.parse("2029-06-01T10:00:00Z");

  static Article bridge(String text) {
    return new Article("bridge", "Mayor opens bridge", "https://news.test/bridge", "Test Wire", null, MAY, text);
  }

  static final Article FERRY = new Article("ferry", "Ferry returns", "https://news.test/ferry", "Harbour Post", "B. Writer", JUNE,
      "The night ferry to Saar sailed again on Friday. “We missed the sea,” said captain Lena Varga. Tickets sold out within an hour.");

  @Test
  void should_replace_an_articles_passages_and_quotes_when_it_is_added_again() throws IOException {
    try (NewsIndex index = emptyIndex()) {
      index.add(bridge("The mayor opened the new bridge on Monday. “This bridge joins two halves of our city,” said Mayor "
          + "Alma Quist. Traffic began flowing within the hour."));
      index.commit();
      index.refresh();
      assertThat(texts(index.quotesBy(List.of("quist"), List.of(), JUNE, 10))).containsExactly("This bridge joins two halves of our city");

      index.add(bridge("The mayor opened the new bridge on Monday. “Nobody will wait for the ferry again,” said Mayor Alma Quist."));
      index.commit();
      index.refresh();

      assertThat(texts(index.quotesBy(List.of("quist"), List.of(), JUNE, 10))).containsExactly("Nobody will wait for the ferry again");
      assertThat(index.quotesMatching(List.of("halv", "citi"), JUNE, 10)).isEmpty();
      assertThat(index.passagesOf("bridge")).singleElement().satisfies(p -> assertThat(p.text()).doesNotContain("Traffic"));
      assertThat(index.stats().articles()).isEqualTo(1);
    }
  }

  @Test
  void should_count_list_and_date_what_it_holds_and_hide_what_is_newer_than_the_as_of_moment() throws IOException {
    try (NewsIndex index = emptyIndex()) {
      index.add(List.of(bridge("The mayor opened the new bridge on Monday. “This bridge joins two halves of our city,” said "
          + "Mayor Alma Quist."), FERRY));
      index.commit();
      index.refresh();

      assertThat(index.stats()).isEqualTo(new IndexStats(2, 2, JUNE));
      assertThat(index.sources()).containsExactly(new SourceStats("Harbour Post", 1, JUNE), new SourceStats("Test Wire", 1, MAY));
      assertThat(index.newest(5, JUNE)).extracting(Passage::id).containsExactly("ferry#0", "bridge#0");
      assertThat(index.newest(5, MAY)).extracting(Passage::id).containsExactly("bridge#0");
      Passage ferry = index.newest(1, JUNE).get(0);
      assertThat(ferry).isEqualTo(new Passage("ferry#0", "ferry", 0, "Ferry returns", "https://news.test/ferry", "Harbour Post",
          "B. Writer", JUNE, 0, FERRY.text()));
      assertThat(index.quotesMatching(List.of("miss", "sea"), JUNE, 10)).extracting(Quote::speaker).containsExactly("Lena Varga");
      assertThat(index.quotesMatching(List.of("miss", "sea"), MAY, 10)).isEmpty();
      assertThat(index.quotesBy(List.of("varga"), List.of("sea"), JUNE, 10)).extracting(Quote::articleId).containsExactly("ferry");
      assertThat(index.quotesBy(List.of("varga"), List.of("bridg"), JUNE, 10)).isEmpty();
      assertThat(index.problem()).isEmpty();
    }
  }

  private static List<String> texts(List<Quote> quotes) {
    return quotes.stream().map(Quote::text).toList();
  }
}
