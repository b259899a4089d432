package dev.herald.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A number or date in a claim must be the one its source gives to the same thing, not one it gives to something else. */
class NumberTiesTest {

  static final FactCheck CHECK = new FactCheck(ZoneOffset.UTC);

  static final FactCheck.Source LEVIES = new FactCheck.Source("Ministry sets new import levies", List.of(
      "The ministry published the new levies on Tuesday, among them 30% on Brazil, 18% on Chile, 12% on Peru and 9% on Uruguay.",
      "The basic levy applies from 3 May and the higher levies from 10 May.",
      "Exports fell to 4.1% of output in March, while imports are forecast to rise to 2.7% next year.",
      "Black smoke rose on the first day, and white smoke on the second day after the fifth ballot."),
      Instant.parse("2025-04-30T08:00:00Z"));

  static List<FactCheck.Rule> rules(String claim) {
    return CHECK.check(claim, List.of(0), CHECK.prepare(List.of(LEVIES)), null).stream().map(FactCheck.Finding::rule).toList();
  }

  @Test
  void should_drop_a_number_the_source_gives_to_another_name_of_its_list() {
    assertThat(rules("The new levies include 18% on Peru.")).containsExactly(FactCheck.Rule.TIE);
    assertThat(rules("The new levies include 12% on Peru and 30% on Brazil.")).isEmpty();
  }

  @Test
  void should_drop_a_number_whose_words_the_source_puts_next_to_another_number() {
    assertThat(rules("Exports fell to 2.7% of output.")).containsExactly(FactCheck.Rule.TIE);
    assertThat(rules("Imports are forecast to rise to 2.7% next year.")).isEmpty();
  }

  @Test
  void should_drop_a_number_counting_what_the_source_counts_with_another_number() {
    assertThat(rules("White smoke rose after the second ballot.")).containsExactly(FactCheck.Rule.TIE);
    assertThat(rules("White smoke rose after the fifth ballot.")).isEmpty();
  }

  @Test
  void should_drop_a_date_the_source_gives_to_another_statement() {
    assertThat(rules("The basic levy applies from 10 May.")).containsExactly(FactCheck.Rule.TIE);
    assertThat(rules("The basic levy applies from 3 May.")).isEmpty();
  }

  @Test
  void should_drop_the_date_of_writing_where_the_source_writes_another_date() {
    // 30 April is the article's own date, which always counts as a date; here the source dates the statement itself.
    assertThat(rules("The higher levies apply from 30 April.")).containsExactly(FactCheck.Rule.TIE);
  }

  static final FactCheck.Source MARKET = new FactCheck.Source("Chipmaker passes $3 trillion", List.of(
      "Vantex on Tuesday became the second company to be valued at $3 trillion, five months after it first passed $2 trillion in May."),
      Instant.parse("2025-10-14T21:00:00Z"));

  @Test
  void should_read_a_pronoun_in_a_dates_phrase_as_the_name_before_it() {
    List<FactCheck.Rule> found = CHECK.check("Vantex hit $3 trillion five months after first passing $2 trillion in May.", List.of(0),
        CHECK.prepare(List.of(MARKET)), null).stream().map(FactCheck.Finding::rule).toList();
    assertThat(found).isEmpty();
  }
}
