package dev.herald.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.question.AnswerType;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerSpansTest {

  private static List<String> texts(String sentence, AnswerType type, String head) {
    return AnswerSpans.find(sentence, type, head).stream().map(AnswerSpans.Span::text).toList();
  }

  @Test
  void an_adjective_of_place_answers_which_country() {
    assertThat(texts("North Korean leader Kim Jong Un declared victory over the virus.", AnswerType.PLACE, "country"))
        .contains("North Korea");
    assertThat(texts("Saudi Arabian officials cracked down on rainbow toys.", AnswerType.PLACE, "country"))
        .contains("Saudi Arabia");
    assertThat(texts("The data of a billion Chinese citizens was left open.", AnswerType.PLACE, null)).contains("China");
    assertThat(texts("European regulators want one charger for all phones.", AnswerType.PLACE, "continent"))
        .contains("Europe");
  }

  @Test
  void a_named_place_answers_where_before_an_adjective() {
    assertThat(texts("They will meet in the Hungarian capital, Budapest, next month.", AnswerType.PLACE, null))
        .contains("Budapest").doesNotContain("Hungary");
  }

  @Test
  void words_that_only_look_like_adjectives_of_place_are_not_places() {
    assertThat(texts("Republican senators and Christian groups met in private.", AnswerType.PLACE, "country")).isEmpty();
  }

  @Test
  void a_holiday_is_a_named_day_or_festival_not_a_person() {
    String sentence = "The first Prime Minister of India, Jawaharlal Nehru, spoke on the eve of Independence Day celebrations.";
    assertThat(texts(sentence, AnswerType.NAMED, "holiday")).containsExactly("Independence Day");
  }

  @Test
  void a_product_is_not_the_agency_or_the_company_around_it() {
    assertThat(texts("In 2002 the FDA sent a letter to Kraft Foods Inc. about Velveeta spreads.", AnswerType.NAMED, "product"))
        .doesNotContain("FDA", "Kraft Foods Inc");
  }
}
