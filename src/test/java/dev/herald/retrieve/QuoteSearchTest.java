package dev.herald.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.quotes.Quote;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteSearchTest {

  static Quote quote(String part, int start) {
    return new Quote("a~0", "a", "X", null, "said", true, List.of(part), List.of(start), "T", "u", "S", Instant.EPOCH);
  }

  @Test
  void should_accept_a_quote_only_where_it_stands_word_for_word() {
    String article = "He said: “We are ready to talk.” Then he left.";
    int at = article.indexOf("We are");

    assertThat(quote("We are ready to talk.", at).verbatimIn(article)).isTrue();
    assertThat(quote("We are ready to negotiate.", at).verbatimIn(article)).isFalse();
    assertThat(quote("We are ready to talk.", at + 1).verbatimIn(article)).isFalse();
    assertThat(quote("We are ready to talk.", article.length()).verbatimIn(article)).isFalse();
  }

  @Test
  void should_let_unknown_gap_characters_between_passages_match_only_white_space() {
    char[] rebuilt = "One.\0Two words here.".toCharArray();

    assertThat(QuoteSearch.standsAt(rebuilt, "One. Two words", 0)).isTrue();
    assertThat(QuoteSearch.standsAt(rebuilt, "One.XTwo words", 0)).isFalse();
    assertThat(QuoteSearch.standsAt(rebuilt, "Two words here.!", 5)).isFalse();
  }
}
