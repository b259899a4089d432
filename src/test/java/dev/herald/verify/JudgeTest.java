package dev.herald.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.verify.Judge.Verdict;
import org.junit.jupiter.api.Test;

/** The judge's reply must be the strict JSON verdict; anything else gives no verdict. */
class JudgeTest {

  @Test
  void should_read_a_strict_verdict_and_its_reason() {
    Judge.Outcome o = Judge.parse("{\"supported\": false, \"reason\": \"the source says 12.6 million\"}", 10, 5);

    assertThat(o.verdict()).isEqualTo(Verdict.UNSUPPORTED);
    assertThat(o.reason()).isEqualTo("the source says 12.6 million");
    assertThat(o.inputTokens()).isEqualTo(10);
  }

  @Test
  void should_accept_a_fenced_verdict() {
    assertThat(Judge.parse("```json\n{\"supported\": true}\n```", 0, 0).verdict()).isEqualTo(Verdict.SUPPORTED);
  }

  @Test
  void should_give_no_verdict_for_prose_a_non_boolean_or_an_array() {
    assertThat(Judge.parse("Yes, it is supported.", 0, 0).verdict()).isEqualTo(Verdict.FAILED);
    assertThat(Judge.parse("{\"supported\": \"yes\"}", 0, 0).verdict()).isEqualTo(Verdict.FAILED);
    assertThat(Judge.parse("[true]", 0, 0).verdict()).isEqualTo(Verdict.FAILED);
    assertThat(Judge.parse(null, 0, 0).verdict()).isEqualTo(Verdict.FAILED);
  }
}
