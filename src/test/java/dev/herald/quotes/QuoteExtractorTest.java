package dev.herald.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.corpus.Article;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteExtractorTest {

  final QuoteExtractor extractor = QuoteExtractor.standard();

  static Article article(String text) {
    return new Article("a", "Title", "https://x.test/a", "Test Wire", null, Instant.parse("2025-10-16T00:00:00Z"), text);
  }

  List<Quote> extract(String text) {
    List<Quote> quotes = extractor.extract(article(text));
    assertThat(quotes).allSatisfy(q -> assertThat(q.verbatimIn(text)).as("verbatim: " + q.text()).isTrue());
    return quotes;
  }

  @Test
  void should_attribute_a_quotation_to_the_named_speaker_with_role() {
    List<Quote> qs = extract("“We will not accept any deal imposed on us,” Kremlin aide Yury Ushakov told reporters.");

    assertThat(qs).singleElement().satisfies(q -> {
      assertThat(q.speaker()).isEqualTo("Yury Ushakov");
      assertThat(q.role()).isEqualTo("Kremlin aide");
      assertThat(q.cue()).isEqualTo("told");
      assertThat(q.direct()).isTrue();
      assertThat(q.text()).isEqualTo("We will not accept any deal imposed on us");
    });
  }

  @Test
  void should_join_a_quotation_split_around_its_cue() {
    String text = "“The talks were useful,” Ushakov said. “But nothing has been agreed yet.”";

    assertThat(extract(text)).singleElement().satisfies(q -> {
      assertThat(q.parts()).containsExactly("The talks were useful", "But nothing has been agreed yet.");
      assertThat(q.speaker()).isEqualTo("Ushakov");
    });
  }

  @Test
  void should_resolve_a_pronoun_speaker_to_the_earlier_full_name() {
    String text = "Fed chair Jerome Powell spoke after the decision on Wednesday. “A further cut is not a foregone conclusion,” he said.";

    assertThat(extract(text)).singleElement().satisfies(q -> assertThat(q.speaker()).isEqualTo("Jerome Powell"));
  }

  @Test
  void should_keep_both_names_when_a_statement_is_reported_by_someone_else() {
    String text = "Yury Ushakov told reporters that Putin had said the missiles would damage relations with Washington.";

    assertThat(extract(text)).singleElement().satisfies(q -> {
      assertThat(q.speaker()).isEqualTo("Putin, according to Yury Ushakov");
      assertThat(q.direct()).isFalse();
    });
  }

  @Test
  void should_extract_reported_speech_and_according_to() {
    String text = "The European Central Bank said that inflation was close to its 2% target.\n\n"
        + "According to Christine Lagarde, the bank is in a good place on rates.";

    assertThat(extract(text)).extracting(Quote::speaker, Quote::cue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("European Central Bank", "said"),
            org.assertj.core.groups.Tuple.tuple("Christine Lagarde", "according to"));
  }

  @Test
  void should_skip_quotations_nobody_is_named_for() {
    assertThat(extract("The word “unprecedented” was everywhere. A “historic moment for the region” was promised.")).isEmpty();
  }

  @Test
  void should_survive_unbalanced_nested_long_and_foreign_quotations() {
    String unbalanced = "“This quotation never closes, Zelensky said in Kyiv.\n\nNext paragraph.";
    String nested = "“He told me ‘we are ready to talk’ last night,” Rubio said.";
    String foreign = "«Nous ne céderons pas sur ce point», a déclaré Emmanuel Macron.";
    String many = "“One two three,” Trump said. ".repeat(600);

    assertThat(extract(unbalanced)).isEmpty();
    assertThat(extract(nested)).singleElement().satisfies(q -> assertThat(q.speaker()).isEqualTo("Rubio"));
    assertThat(extractor.extract(article(foreign))).allSatisfy(q -> assertThat(q.verbatimIn(foreign)).isTrue());
    assertThat(extractor.extract(article(many))).hasSizeLessThanOrEqualTo(500);
  }
}
