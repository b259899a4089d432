package dev.herald.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Fixtures;
import dev.herald.Herald;
import dev.herald.retrieve.SearchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractiveComposerTest {

  static final Instant AS_OF = Instant.parse("2025-11-01T00:00:00Z");
  @TempDir Path dir;
  Herald herald;

  @BeforeEach
  void setUp() throws IOException {
    herald = Fixtures.herald(dir);
  }

  @AfterEach
  void tearDown() throws IOException {
    herald.close();
  }

  @Test
  void should_answer_with_sentences_that_each_carry_a_citation_to_a_retrieved_passage() throws IOException {
    String q = "How long did the Anchorage talks between Trump and Putin last?";
    Answer a = herald.ask(q, AS_OF);

    assertThat(a.abstained()).isFalse();
    assertThat(a.text()).contains("nearly three hours");
    Set<String> retrieved = herald.search(SearchRequest.of(q, 10, AS_OF)).passages().stream()
        .map(p -> p.passage().id()).collect(Collectors.toSet());
    assertThat(a.citations()).isNotEmpty().allSatisfy(c -> assertThat(retrieved).contains(c.passageId()));
    Set<Integer> numbers = a.citations().stream().map(Citation::n).collect(Collectors.toSet());
    Matcher m = Pattern.compile("\\[(\\d+)]").matcher(a.text());
    int markers = 0;
    while (m.find()) {
      markers++;
      assertThat(numbers).contains(Integer.parseInt(m.group(1)));
    }
    assertThat(markers).isGreaterThanOrEqualTo(1);
    assertThat(a.text().strip()).endsWith("]");
  }

  @Test
  void should_cite_only_text_that_stands_in_the_source_and_in_the_answer() throws IOException {
    Answer a = herald.ask("What did the Federal Reserve do with interest rates?", AS_OF);

    assertThat(a.citations()).isNotEmpty().allSatisfy(c -> {
      String passage = herald.search(SearchRequest.of("Federal Reserve interest rate", 10, AS_OF)).passages().stream()
          .filter(p -> p.passage().id().equals(c.passageId())).findFirst().orElseThrow().passage().text();
      for (String part : c.text().split(" … ")) {
        assertThat(passage).contains(part);
        assertThat(a.text()).contains(part);
      }
    });
  }

  @Test
  void should_abstain_and_cite_nothing_when_the_sources_do_not_cover_the_question() throws IOException {
    Answer a = herald.ask("How do I bake sourdough bread at home?", AS_OF);

    assertThat(a.abstained()).isTrue();
    assertThat(a.citations()).isEmpty();
    assertThat(a.text()).isEqualTo(ExtractiveComposer.NOT_COVERED);
  }

  @Test
  void should_abstain_when_only_a_minor_word_of_the_question_matches() throws IOException {
    Answer a = herald.ask("What is the capital of the planet Neptune's largest moon?", AS_OF);

    assertThat(a.abstained()).isTrue();
  }

  @Test
  void should_name_the_speaker_and_quote_exactly_for_who_said_questions() throws IOException {
    String q = "Who said “there's no deal until there's a deal”?";
    dev.herald.retrieve.QuestionAnalysis analysis = new dev.herald.retrieve.QuestionAnalysis();
    ExtractiveComposer composer = new ExtractiveComposer(analysis, new dev.herald.quotes.AttributionFinder(), AnswerSettings.defaults(),
        new dev.herald.question.QuestionRouter(new dev.herald.retrieve.TimeExpressions(java.time.ZoneOffset.UTC), analysis));

    // the sentence path, which Herald uses when the quote index has no close match
    Answer a = composer.compose(herald.search(SearchRequest.of(q, 10, AS_OF)), AS_OF);

    assertThat(a.text()).startsWith("It was Donald Trump:").contains("“There's no deal until there's a deal,” Trump told reporters after the meeting.");
    assertThat(a.citations()).singleElement().satisfies(c -> assertThat(c.articleId()).isEqualTo("summit-alaska"));
  }

  @Test
  void should_find_the_speaker_of_reported_speech_from_misremembered_words() throws IOException {
    Answer a = herald.ask("Who said the Tomahawks would not change the situation on the front?", AS_OF);

    assertThat(a.text()).startsWith("It was Vladimir Putin");
    assertThat(a.citations()).singleElement().satisfies(c -> assertThat(c.articleId()).isEqualTo("tomahawk-warning"));
  }
}
