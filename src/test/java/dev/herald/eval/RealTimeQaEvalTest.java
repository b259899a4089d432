package dev.herald.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RealTimeQaEvalTest {

  private static final List<String> NUMBERS = List.of("15", "33", "45", "63");

  @Test
  void a_number_choice_must_stand_as_a_whole_number() {
    String answer = "63 hot dogs [1] Chestnut won his 15th contest, eating 63 hot dogs in 10 minutes. [1]";
    assertThat(RealTimeQaEval.answerCorrect(answer, NUMBERS, List.of("63"))).isTrue();
    assertThat(RealTimeQaEval.answerCorrect("He ate 15 of them [1]", NUMBERS, List.of("63"))).isFalse();
    assertThat(RealTimeQaEval.mentions("in 2015 and 1.15", "15")).isFalse();
    assertThat(RealTimeQaEval.mentions("a 1,500 rise", "500")).isFalse();
    assertThat(RealTimeQaEval.mentions("it cost $15.", "15")).isTrue();
  }

  @Test
  void a_word_choice_may_go_on_but_must_start_a_word() {
    assertThat(RealTimeQaEval.mentions("the european union", "europe")).isTrue();
    assertThat(RealTimeQaEval.mentions("googles parent", "google")).isTrue();
    assertThat(RealTimeQaEval.mentions("in malaysia", "asia")).isFalse();
  }

  @Test
  void an_answer_naming_a_wrong_choice_too_is_wrong() {
    List<String> choices = List.of("Sri Lanka", "Singapore", "Philippines", "Jamaica");
    assertThat(RealTimeQaEval.answerCorrect("Sri Lanka [1] Its president fled to Singapore. [1]", choices, List.of("Sri Lanka")))
        .isFalse();
    assertThat(RealTimeQaEval.answerCorrect("Sri Lanka [1] It plunged into chaos. [1]", choices, List.of("Sri Lanka"))).isTrue();
  }
}
