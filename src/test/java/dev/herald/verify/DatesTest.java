package dev.herald.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.verify.Dates.DateMention;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dates in claims and sources, weekdays resolved against the article's date. */
class DatesTest {

  static final LocalDate THURSDAY_23_OCTOBER = LocalDate.of(2025, 10, 23);

  @Test
  void should_resolve_a_weekday_to_the_last_such_day_before_the_article() {
    List<DateMention> found = Dates.find("The United States on Wednesday imposed sanctions.", THURSDAY_23_OCTOBER);

    assertThat(found).singleElement().satisfies(d -> assertThat(d).isEqualTo(new DateMention(10, 22, 2025, d.start(), d.end())));
  }

  @Test
  void should_resolve_a_weekday_in_a_sentence_about_plans_forward() {
    List<DateMention> found = Dates.find("The new chancellor plans to travel to Paris on Wednesday.", LocalDate.of(2025, 5, 6));

    assertThat(found).singleElement().satisfies(d -> assertThat(d.day()).isEqualTo(7));
  }

  @Test
  void should_read_plans_and_the_future_only_in_the_weekdays_own_clause() {
    LocalDate thursday9October = LocalDate.of(2025, 10, 9);
    // a plan named in an earlier clause, or a word of plans after the weekday's clause, does not move it ahead
    assertThat(dayOf("Israel and Hamas signed off on a US-brokered plan to end the war, Trump announced late on Wednesday.",
        thursday9October)).isEqualTo(8);
    assertThat(dayOf("The astronauts returned on Tuesday, on a mission originally planned to last eight days.",
        LocalDate.of(2025, 3, 19))).isEqualTo(18);
    assertThat(dayOf("The Security Council on Monday endorsed Trump's plan for Gaza.", LocalDate.of(2025, 11, 18))).isEqualTo(17);
    assertThat(dayOf("He said on Wednesday that he will travel to Paris.", thursday9October)).isEqualTo(8);
    // the future in the weekday's own clause, or right after it, does
    assertThat(dayOf("Officials said the talks will resume on Monday.", thursday9October)).isEqualTo(13);
    assertThat(dayOf("Trump on Friday will meet Putin.", thursday9October)).isEqualTo(10);
    assertThat(dayOf("She will fly to Kyiv and, on Saturday, meet Zelensky.", thursday9October)).isEqualTo(11);
  }

  private static int dayOf(String sentence, LocalDate written) {
    return Dates.find(sentence, written).stream().filter(d -> d.end() - d.start() > 5).findFirst().orElseThrow().day();
  }

  @Test
  void should_match_a_claims_date_with_the_weekday_its_source_gave() {
    DateMention claim = Dates.find("Sanctions were imposed on 22 October.", null).get(0);
    DateMention source = Dates.find("on Wednesday imposed sanctions", THURSDAY_23_OCTOBER).get(0);
    DateMention wrong = Dates.find("Sanctions were imposed on October 21, 2025.", null).get(0);

    assertThat(Dates.matches(claim, source)).isTrue();
    assertThat(Dates.matches(wrong, source)).isFalse();
  }

  @Test
  void should_match_a_month_alone_with_any_day_of_that_month() {
    DateMention claim = Dates.find("inflation in September", null).get(0);

    assertThat(Dates.matches(claim, new DateMention(9, 17, 2025, 0, 0))).isTrue();
    assertThat(Dates.matches(claim, new DateMention(8, 17, 2025, 0, 0))).isFalse();
  }

  @Test
  void should_not_take_the_verb_may_for_a_month() {
    assertThat(Dates.find("May said it may rain in May 2025.", null)).extracting(DateMention::year).containsExactly(2025);
  }

  // One reader over the sentences of one article, clause by clause, as the fact checks read it.
  private static List<DateMention> relative(LocalDate written, boolean orWritten, String... sentences) {
    Dates.Reader r = new Dates.Reader(written, orWritten);
    List<DateMention> out = new java.util.ArrayList<>();
    for (String s : sentences) {
      r.sentence(s);
      for (String part : Clause.split(s)) {
        r.find(part).stream().filter(DateMention::relative).forEach(out::add);
      }
    }
    return out;
  }

  private static String iso(DateMention d) {
    return LocalDate.of(d.year(), d.month(), d.day()).toString();
  }

  @Test
  void should_count_a_relative_day_from_the_nearest_date_named_before_it() {
    LocalDate friday14November = LocalDate.of(2025, 11, 14);
    assertThat(relative(friday14November, true,
        "The festival opened on Wednesday.", "The jury met on 3 November.", "Four days later the winners were named."))
        .extracting(DatesTest::iso).containsExactly("2025-11-07");
    assertThat(relative(friday14November, true, "The ship docked on Thursday.", "A day earlier, the crew had been warned."))
        .extracting(DatesTest::iso).containsExactly("2025-11-12");
    assertThat(relative(friday14November, true, "The minister resigned on Tuesday, and the cabinet met the next day."))
        .extracting(DatesTest::iso).containsExactly("2025-11-12");
    assertThat(relative(friday14November, true, "The striker, who had scored twice the previous night, was rested."))
        .extracting(DatesTest::iso).containsExactly("2025-11-13");
    assertThat(relative(friday14November, true, "The talks ended on Monday.", "Two weeks earlier, envoys had met in Oslo."))
        .extracting(DatesTest::iso).containsExactly("2025-10-27");
  }

  @Test
  void should_not_count_from_a_date_ahead_of_the_article() {
    LocalDate monday24November = LocalDate.of(2025, 11, 24);
    // 27 November is a deadline still to come; the warning two days earlier counts from Sunday's talks
    assertThat(relative(monday24November, true, "Envoys said on Sunday that the talks had gone well.",
        "The president wants an answer by 27 November.", "Two days earlier, the prime minister had warned of a hard choice."))
        .extracting(DatesTest::iso).containsExactly("2025-11-21");
  }

  @Test
  void should_date_what_a_span_is_counted_from_only_against_a_date_of_its_own_sentence() {
    LocalDate thursday13November = LocalDate.of(2025, 11, 13);
    // "on 10 November, two days before the governor signed it": the signing is 12 November
    assertThat(relative(thursday13November, true, "The assembly passed the bill on 10 November, two days before the governor signed it."))
        .extracting(DatesTest::iso).containsExactly("2025-11-12");
    assertThat(relative(thursday13November, true, "He spoke on Sunday, the day after the rally."))
        .extracting(DatesTest::iso).containsExactly("2025-11-08");
    // with no date before it in the sentence, "two days before the vote" names no day
    assertThat(relative(thursday13November, true, "The vote was on Monday.", "Two days before the vote, the leader fell ill.")).isEmpty();
  }

  @Test
  void should_leave_loose_spans_and_spans_with_nothing_to_count_from() {
    LocalDate written = LocalDate.of(2025, 11, 13);
    assertThat(relative(written, true, "The deal was signed on Monday.", "Less than a week later it collapsed.")).isEmpty();
    assertThat(relative(written, true, "About two weeks earlier, talks had stalled.")).isEmpty();
    // a claim's span counts only from a date the claim names
    assertThat(relative(written, false, "Two days later, the House passed it.")).isEmpty();
    // with no date named before it, a source's span counts from the date of writing
    assertThat(relative(written, true, "A day earlier, the House had passed it.")).extracting(DatesTest::iso).containsExactly("2025-11-12");
  }

  @Test
  void should_give_a_month_and_day_the_year_nearest_the_article() {
    assertThat(Dates.dayOf(new DateMention(12, 30, 0, 0, 0), LocalDate.of(2026, 1, 5))).isEqualTo(LocalDate.of(2025, 12, 30));
    assertThat(Dates.dayOf(new DateMention(10, 4, 0, 0, 0), LocalDate.of(2025, 10, 21))).isEqualTo(LocalDate.of(2025, 10, 4));
    assertThat(Dates.dayOf(new DateMention(10, 0, 2025, 0, 0), LocalDate.of(2025, 10, 21))).isNull();
  }

  static final FactCheck CHECK = new FactCheck(java.time.ZoneOffset.UTC);

  // An article of Friday 14 November: the festival opened on Wednesday 12 November, its jury met on 3 and 10 November.
  static final FactCheck.Source FESTIVAL = new FactCheck.Source("Film festival names its winners", List.of(
      "The city's film festival opened on Wednesday with a new documentary.",
      "A day earlier, at the opening gala, the director announced a prize for debut films.",
      "Its jury first met on 3 November.", "Four days later the jury chose the shortlist.",
      "The jury met again on Monday to agree the rules."),
      java.time.Instant.parse("2025-11-14T18:00:00Z"));

  private static List<FactCheck.Rule> rules(String claim) {
    return CHECK.check(claim, List.of(0), CHECK.prepare(List.of(FESTIVAL)), null).stream().map(FactCheck.Finding::rule).toList();
  }

  @Test
  void should_keep_a_claim_that_writes_out_a_day_the_source_gives_relative_to_another() {
    assertThat(rules("The jury chose the shortlist on 7 November.")).isEmpty();
    assertThat(rules("At the opening gala on 11 November, the director announced a prize for debut films.")).isEmpty();
    assertThat(rules("The jury chose the shortlist on 8 November.")).contains(FactCheck.Rule.DATE);
  }

  @Test
  void should_check_a_claims_span_counted_from_a_date_it_names() {
    // "four days later" stays a number of the source: a claim may restate it
    assertThat(rules("The jury first met on 3 November, and four days later it chose the shortlist.")).isEmpty();
    assertThat(rules("The jury first met on 3 November, and five days later it chose the shortlist.")).contains(FactCheck.Rule.DATE);
    // the opening is on 12 November: "two days before" it from 10 November is right, "three days" is not
    assertThat(rules("The jury met on 10 November, two days before the festival opened.")).isEmpty();
    assertThat(rules("The jury met on 10 November, three days before the festival opened.")).containsExactly(FactCheck.Rule.DATE);
  }

  static final FactCheck.Source BILL = new FactCheck.Source("Assembly passes budget", List.of(
      "The senate passed the budget on Monday.", "The assembly approved it late on Wednesday, ending the dispute."),
      java.time.Instant.parse("2025-11-13T06:00:00Z"));
  static final FactCheck.Source LAUNCH = new FactCheck.Source("Rocket maker's first launch fails", List.of(
      "The company's first rocket exploded on 3 March, shortly after lift-off."),
      java.time.Instant.parse("2025-03-04T06:00:00Z"));
  static final FactCheck.Source ORBIT = new FactCheck.Source("Rocket maker reaches orbit", List.of(
      "The company reached orbit on Tuesday with its second rocket."),
      java.time.Instant.parse("2025-12-10T06:00:00Z"));

  private static List<FactCheck.Rule> rules(String claim, FactCheck.Source... sources) {
    List<Integer> cited = java.util.stream.IntStream.range(0, sources.length).boxed().toList();
    return CHECK.check(claim, cited, CHECK.prepare(List.of(sources)), null).stream().map(FactCheck.Finding::rule).toList();
  }

  @Test
  void should_accept_a_span_between_two_events_that_is_the_time_between_their_dates() {
    assertThat(rules("The assembly approved the budget two days after the senate passed it.", BILL)).isEmpty();
    assertThat(rules("The assembly approved the budget three days after the senate passed it.", BILL))
        .containsExactly(FactCheck.Rule.NUMBER);
    // 3 March to Tuesday 9 December: nine months, rounded to the month, between dates of two sources
    assertThat(rules("Nine months after its first rocket exploded, the company reached orbit.", LAUNCH, ORBIT)).isEmpty();
    assertThat(rules("Seven months after its first rocket exploded, the company reached orbit.", LAUNCH, ORBIT))
        .containsExactly(FactCheck.Rule.NUMBER);
    // a span given loosely is a number like any other
    assertThat(rules("About nine months after its first rocket exploded, the company reached orbit.", LAUNCH, ORBIT))
        .containsExactly(FactCheck.Rule.NUMBER);
  }

  @Test
  void should_round_a_span_to_its_unit() {
    LocalDate first = LocalDate.of(2025, 3, 3);
    assertThat(Dates.apart(first, LocalDate.of(2025, 3, 5), 2, "day")).isTrue();
    assertThat(Dates.apart(LocalDate.of(2025, 3, 5), first, 2, "day")).isTrue();
    assertThat(Dates.apart(first, LocalDate.of(2025, 3, 6), 2, "day")).isFalse();
    assertThat(Dates.apart(first, LocalDate.of(2025, 3, 16), 2, "week")).isTrue();
    assertThat(Dates.apart(first, LocalDate.of(2025, 3, 21), 2, "week")).isFalse();
    assertThat(Dates.apart(first, LocalDate.of(2025, 12, 9), 9, "month")).isTrue();
    assertThat(Dates.apart(first, LocalDate.of(2025, 12, 9), 8, "month")).isFalse();
    assertThat(Dates.apart(first, LocalDate.of(2027, 5, 1), 2, "year")).isTrue();
  }

  @Test
  void should_name_the_claims_dates_that_the_sources_give_another_way() {
    FactCheck.Prepared p = CHECK.prepare(List.of(FESTIVAL));
    // "A day earlier" after the Wednesday opening: 11 November
    assertThat(CHECK.given("On 11 November a prize was announced at a gala.", List.of(0), p, null)).containsExactly("11 November");
    assertThat(CHECK.given("On 9 November a prize was announced at a gala.", List.of(0), p, null)).isEmpty();
  }
}
