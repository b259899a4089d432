package dev.herald.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The speaker a claim names must be who the sources give the reported words to. */
class SpeakersTest {

  static final FactCheck CHECK = new FactCheck(ZoneOffset.UTC);
  static final FactCheck.Source HARBOUR = new FactCheck.Source("Harbour strike ends after talks", List.of(
      "Dock workers in Rotterdam ended a nine-day strike on Friday after talks with the port authority.",
      "Union leader Marta Vos said the members had won a pay rise of 6% over two years.",
      "Mayor Ahmed Kaddouri, standing next to port director Pieter Smit, thanked both sides for their patience.",
      "\"Every ship that waited outside the harbour cost the city money,\" he said.",
      "Smit pushed back against claims that the port had lost customers to Antwerp during the strike.",
      "The port authority said that traffic would be back to normal within a week, a figure the union disputed."),
      Instant.parse("2025-09-12T18:00:00Z"));

  static List<FactCheck.Rule> rules(String claim) {
    return CHECK.check(claim, List.of(0), CHECK.prepare(List.of(HARBOUR)), null).stream().map(FactCheck.Finding::rule).toList();
  }

  @Test
  void should_drop_a_claim_that_puts_the_sources_words_in_someone_elses_mouth() {
    assertThat(rules("Pieter Smit said the members had won a pay rise of 6% over two years.")).containsExactly(FactCheck.Rule.TIE);
    assertThat(rules("Marta Vos said the members had won a pay rise of 6% over two years.")).isEmpty();
  }

  @Test
  void should_read_he_said_as_the_subject_of_the_sentence_before() {
    // The mayor opens the sentence before; the port director is only next to him.
    assertThat(rules("Smit said every ship that waited outside the harbour had cost the city money.")).containsExactly(FactCheck.Rule.TIE);
    assertThat(rules("Kaddouri said every ship that waited outside the harbour had cost the city money.")).isEmpty();
  }

  @Test
  void should_keep_a_speaker_the_source_also_writes_as_one() {
    // "The port authority said ..." inside a sentence: the claim's speaker is a speaker there too.
    assertThat(rules("The port authority said traffic would be back to normal within a week.")).isEmpty();
  }

  @Test
  void should_drop_a_claim_that_has_someone_say_what_they_rejected() {
    assertThat(rules("Smit said the port had lost customers to Antwerp during the strike.")).containsExactly(FactCheck.Rule.TIE);
    assertThat(rules("Smit rejected claims that the port had lost customers to Antwerp.")).doesNotContain(FactCheck.Rule.TIE);
  }

  @Test
  void should_leave_a_claim_alone_when_it_shares_too_little_with_any_statement() {
    // Two words of a statement are too few to say whose words they are (the tie rule may still have its say).
    assertThat(details("Smit said the strike lasted nine days.")).noneMatch(d -> d.contains("gives these words to"));
  }

  static List<String> details(String claim) {
    return CHECK.check(claim, List.of(0), CHECK.prepare(List.of(HARBOUR)), null).stream().map(FactCheck.Finding::detail).toList();
  }
}
