package dev.herald.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

  @Test
  void should_split_on_sentence_ends_but_not_after_abbreviations_or_initials() {
    String text = "Mr. Trump met Sen. J. Smith in Washington, D.C. on Friday. They talked for an hour! Was it useful? Nobody said.";

    assertThat(Sentences.texts(text)).containsExactly(
        "Mr. Trump met Sen. J. Smith in Washington, D.C. on Friday.",
        "They talked for an hour!",
        "Was it useful?",
        "Nobody said.");
  }

  @Test
  void should_keep_closing_quotes_with_their_sentence_and_split_on_line_breaks() {
    String text = "“We are ready.” Ushakov said so twice.\nA new paragraph without a full stop\nAnd another.";

    assertThat(Sentences.texts(text)).containsExactly(
        "“We are ready.”", "Ushakov said so twice.", "A new paragraph without a full stop", "And another.");
  }

  @Test
  void should_not_split_inside_a_quote_that_continues_in_lower_case() {
    String text = "“This is good,” he said. “Very good.”";

    assertThat(Sentences.texts(text)).containsExactly("“This is good,” he said.", "“Very good.”");
  }

  @Test
  void should_return_offsets_that_quote_the_text_exactly() {
    String text = "  One sentence here.   Two here.  ";

    assertThat(Sentences.split(text)).allSatisfy(s -> assertThat(text).contains(s.of(text)));
    assertThat(Sentences.split(text).get(1).of(text)).isEqualTo("Two here.");
  }
}
