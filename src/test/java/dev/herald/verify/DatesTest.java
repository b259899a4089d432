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
}
