package dev.herald.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.verify.Numbers.Kind;
import dev.herald.verify.Numbers.Mention;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Number normalisation: the forms writers give one quantity compare equal, and nothing else does. */
class NumbersTest {

  static Mention only(String text, boolean claim) {
    List<Mention> found = Numbers.find(text, claim);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  static boolean same(String claim, String source) {
    Mention c = only(claim, true);
    return Numbers.find(source, false).stream().anyMatch(s -> Numbers.matches(c, s));
  }

  @Test
  void should_equate_an_amount_written_in_digits_with_scale_words_and_abbreviations() {
    assertThat(same("a fine of $12.6 million", "a fine of $12,600,000")).isTrue();
    assertThat(same("a fine of 12.6m dollars", "a fine of $12,600,000")).isTrue();
    assertThat(same("405 million euros", "€405m")).isTrue();
    assertThat(same("$750bn of energy", "$750 billion of American energy")).isTrue();
  }

  @Test
  void should_drop_claim_whose_amount_matches_no_source() {
    assertThat(same("a fine of $126 million", "a fine of $12,600,000")).isFalse();
    assertThat(same("$750 million of energy", "$750 billion of American energy")).isFalse();
  }

  @Test
  void should_not_equate_amounts_in_different_currencies() {
    assertThat(same("worth $88 million", "worth an estimated 88 million euros")).isFalse();
  }

  @Test
  void should_accept_rounding_to_the_claims_own_precision_only() {
    assertThat(same("an investment of $9 billion", "an investment of about $8.9 billion")).isTrue();
    assertThat(same("a 20% tariff", "a 24% tariff")).isFalse();
    assertThat(same("about 2,000 prisoners", "1,968 prisoners")).isTrue();
    assertThat(same("2,000 prisoners", "1,968 prisoners")).isFalse();
  }

  @Test
  void should_equate_fractions_in_words_with_percentages_within_rounding() {
    assertThat(same("two-thirds of the vote", "66.7% of the vote")).isTrue();
    assertThat(same("66.7% of the vote", "two-thirds of the vote")).isTrue();
    assertThat(same("two-thirds of the vote", "60% of the vote")).isFalse();
  }

  @Test
  void should_equate_quarter_points_with_basis_points() {
    assertThat(same("a cut of 25 basis points", "a cut of a quarter of a percentage point")).isTrue();
    assertThat(same("a half-point cut", "a cut of half a percentage point")).isTrue();
    assertThat(same("a half-point cut", "a quarter-point cut")).isFalse();
  }

  @Test
  void should_read_scores_and_votes_in_either_order_but_not_as_loose_numbers() {
    assertThat(same("an 11-1 vote", "taken by 11 votes to one")).isTrue();
    assertThat(same("by five votes to four", "a 5–4 vote")).isTrue();
    assertThat(same("beat them 6-4", "won 5-4 after Game 6")).isFalse();
  }

  @Test
  void should_read_compound_number_words() {
    assertThat(only("One hundred and thirty-three cardinals", true).value()).isEqualTo(133);
    assertThat(only("about two and a half hours", true).value()).isEqualTo(2.5);
  }

  @Test
  void should_keep_ordinals_apart_from_counts() {
    assertThat(only("its eighth cut", true).kind()).isEqualTo(Kind.ORDINAL);
    assertThat(same("its sixth cut", "its eighth reduction")).isFalse();
    assertThat(same("a fourth goal", "beat them 4-0")).isFalse();
  }

  @Test
  void should_keep_the_unit_of_time_of_a_count() {
    assertThat(same("five months in hospital", "five weeks in hospital")).isFalse();
    assertThat(same("a 43-day shutdown", "lasted 43 days")).isTrue();
  }

  @Test
  void should_ignore_numbers_that_are_part_of_names_and_the_word_one_in_claims() {
    assertThat(Numbers.find("D66 and the G7 flew B-2 bombers; 3I/ATLAS", true)).isEmpty();
    assertThat(Numbers.find("one of the biggest falls", true)).isEmpty();
  }

  @Test
  void should_take_four_digit_years_as_years() {
    assertThat(only("a 1977 law", true).kind()).isEqualTo(Kind.YEAR);
    assertThat(same("a 1997 law", "a 1977 law")).isFalse();
  }

  @Test
  void should_equate_spans_of_time_in_different_units() {
    assertThat(same("within three days of the truce", "within 72 hours of the truce")).isTrue();
    assertThat(same("the first visit in ten years", "the first visit in a decade")).isTrue();
    assertThat(same("within four days of the truce", "within 72 hours of the truce")).isFalse();
    assertThat(same("for five weeks", "for five months")).isFalse();
    // months against days or weeks, to half the claim's unit
    assertThat(same("in space for over nine months", "after 286 days in space")).isTrue();
    assertThat(same("in space for ten months", "after 286 days in space")).isFalse();
    assertThat(same("for five weeks", "for a month")).isFalse();
  }

  @Test
  void should_not_equate_numbers_with_different_units_of_measure_or_frequency() {
    assertThat(same("a range of 1,500 miles", "a range of well over 1,500 kilometres")).isFalse();
    assertThat(same("winds of 185 km/h", "winds of about 185 mph")).isFalse();
    assertThat(same("700 million daily users", "approaching 700 million weekly users")).isFalse();
  }

  @Test
  void should_equate_a_unit_written_in_full_or_abbreviated() {
    assertThat(same("winds of 185 miles per hour", "winds of about 185 mph")).isTrue();
    assertThat(same("roughly 240 million km", "roughly 240 million kilometres")).isTrue();
    assertThat(same("700 million users", "700 million weekly users")).isTrue();
  }

  @Test
  void should_read_a_hyphenated_mega_unit_like_a_spaced_one() {
    assertThat(same("a 3,200-megapixel camera", "a camera with 3,200 megapixels")).isTrue();
  }

  @Test
  void should_read_a_fraction_of_a_scale_word_as_the_amount() {
    assertThat(same("three-quarters of a trillion dollars' worth of grain", "$750 billion of grain")).isTrue();
    assertThat(same("half a million visitors", "500,000 visitors")).isTrue();
    assertThat(same("a quarter of a billion euros", "€250m")).isTrue();
    assertThat(same("two-thirds of a million homes", "about 667,000 homes")).isTrue();
    assertThat(same("$500,000", "half a million dollars")).isTrue();
    // the fraction and the scale both count
    assertThat(same("three-quarters of a billion dollars", "$750 billion")).isFalse();
    assertThat(same("half a million visitors", "400,000 visitors")).isFalse();
    assertThat(same("a quarter of a billion euros", "$250m")).isFalse();
  }

  @Test
  void should_give_the_first_figure_of_a_range_the_unit_of_the_second() {
    assertThat(Numbers.find("a target range of 3.50–3.75%", true)).extracting(Mention::kind).containsExactly(Kind.PERCENT, Kind.PERCENT);
    assertThat(same("a range of 3.50%", "a range of 3.50-3.75%")).isTrue();
    Mention first = Numbers.find("a range of 3.50 to 3.75%", true).get(0);
    assertThat(Numbers.find("a range of 3.50% to 3.75%", false)).anyMatch(s -> Numbers.matches(first, s));
    assertThat(Numbers.find("between 3 and 3.5%", true).get(0).kind()).isEqualTo(Kind.PERCENT);
    assertThat(Numbers.find("5 to 6 million homes", true).get(0).value()).isEqualTo(5e6);
    assertThat(Numbers.find("20 to 30 euros", true).get(0).currency()).isEqualTo("EUR");
    assertThat(Numbers.find("$5-6 billion", true)).extracting(Mention::currency).containsExactly("USD", "USD");
    // a larger first figure is no range of the second's scale; a plain pair of numbers shares nothing
    assertThat(Numbers.find("from 2,000 to 3 million", true).get(0).value()).isEqualTo(2000);
    assertThat(Numbers.find("the vote went 11 to 1", true)).extracting(Mention::kind).containsExactly(Kind.AMOUNT, Kind.AMOUNT);
    assertThat(same("a range of 3.50%", "a range of 3.50% to 3.75 points")).isTrue();
  }

  @Test
  void should_equate_a_measure_converted_to_another_unit_within_rounding() {
    assertThat(same("about 150 million miles", "roughly 240 million kilometres")).isTrue();
    assertThat(same("150 million miles", "roughly 240 million kilometres")).isTrue();
    assertThat(same("a speed of 100 km/h", "a speed of 62 mph")).isTrue();
    assertThat(same("a 3,000-foot runway", "a runway of about 900 metres")).isTrue();
    assertThat(same("40 tonnes of cargo", "40,000 kg of cargo")).isTrue();
    // the same figure in the other unit, or a conversion off by more than rounding, is wrong
    assertThat(same("240 million miles", "roughly 240 million kilometres")).isFalse();
    assertThat(same("about 1,000 miles", "about 2,000 km")).isFalse();
    assertThat(same("120 million miles", "roughly 240 million kilometres")).isFalse();
    // length and speed do not convert
    assertThat(same("100 km/h", "62 miles")).isFalse();
  }

  static boolean margin(String claim, String source) {
    Mention c = only(claim, true);
    return Numbers.find(source, false).stream().anyMatch(s -> Numbers.marginOf(claim, c, s));
  }

  @Test
  void should_read_a_margin_as_the_difference_of_a_score() {
    assertThat(margin("the visitors built a five-point lead", "the visitors led 10½-5½")).isTrue();
    assertThat(margin("the bill passed by 13 votes", "the bill passed by 222 votes to 209")).isTrue();
    assertThat(margin("a lead of three goals", "they led 4-1 at half-time")).isTrue();
    assertThat(margin("the visitors built a four-point lead", "the visitors led 10½-5½")).isFalse();
    // a number that is not a margin is no difference
    assertThat(margin("five points", "the visitors led 10½-5½")).isFalse();
  }
}
