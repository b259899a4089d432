package dev.herald.answer;

import static org.assertj.core.api.Assertions.assertThat;

/** What any real model's answer to the fixture question must satisfy, whatever its wording. */
final class LiveChecks {

  private LiveChecks() {}

  /** A real model either passes verification with citations of the council article or falls back with a note. */
  static void assertVerifiedOrFellBack(ComposedAnswer a) {
    assertThat(a.answer().text()).isNotBlank();
    if (a.answer().mode().equals(LlmComposer.MODE)) {
      assertThat(a.verification().fallback()).isFalse();
      assertThat(a.answer().citations()).isNotEmpty().allSatisfy(c -> assertThat(c.articleId()).isEqualTo("council"));
      assertThat(a.usage()).isNotNull();
    } else {
      assertThat(a.verification().fallback()).isTrue();
      assertThat(a.note()).isNotBlank();
    }
  }
}
