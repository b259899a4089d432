package dev.herald.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Fixtures;
import dev.herald.Herald;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuoteAnswererTest {

  static final Instant AS_OF = Instant.parse("2025-11-01T00:00:00Z");
  @TempDir Path dir;
  Herald herald;

  @BeforeEach
  void setUp() throws IOException {
    herald = Fixtures.herald(dir);
    Path more = dir.resolve("more.jsonl");
    Files.write(more, List.of(
        "{\"id\":\"echo-later\",\"title\":\"Echo\",\"url\":\"https://news.test/echo\",\"source\":\"Late Post\",\"published\":\"2025-09-01T00:00:00Z\","
            + "\"text\":\"“There's no deal until there's a deal,” Senator Jane Roe said, borrowing the line.\"}",
        "{\"id\":\"fed-later\",\"title\":\"Powell again\",\"url\":\"https://news.test/fed2\",\"source\":\"Money Daily\",\"published\":\"2025-10-29T18:00:00Z\","
            + "\"text\":\"“A further reduction in the policy rate is not a foregone conclusion,” Fed chair Jerome Powell told reporters on interest rates.\"}"));
    herald.index(List.of(more), p -> {
      throw new AssertionError(p.toString());
    }, (a, b) -> {});
  }

  @AfterEach
  void tearDown() throws IOException {
    herald.close();
  }

  @Test
  void should_answer_who_said_from_the_quote_index_with_everyone_who_said_it_earliest_first() throws IOException {
    Answer a = herald.ask("Who said “there's no deal until there's a deal”?", AS_OF);

    assertThat(a.text()).startsWith("It was Donald Trump: “There's no deal until there's a deal” (Test Wire, 15 Aug 2025) [1]");
    assertThat(a.text()).contains("Also Senator Jane Roe");
    assertThat(a.text().indexOf("Trump")).isLessThan(a.text().indexOf("Jane Roe"));
    assertThat(a.citations()).extracting(Citation::articleId).containsExactly("summit-alaska", "echo-later");
  }

  @Test
  void should_list_what_a_person_said_about_a_topic_newest_first_each_cited() throws IOException {
    Answer a = herald.ask("What did Powell say about interest rates?", AS_OF);

    assertThat(a.abstained()).isFalse();
    assertThat(a.text()).startsWith("Jerome Powell on interest rates, newest first:");
    assertThat(a.citations()).extracting(Citation::articleId).first().isEqualTo("fed-later");
    assertThat(a.text().lines().skip(1)).allSatisfy(line -> assertThat(line).matches("• .*\\[\\d+]"));
  }

  @Test
  void should_forget_an_article_s_quotes_when_the_article_is_replaced() throws IOException {
    assertThat(herald.quotesBy("Roe", null, AS_OF, 10)).hasSize(1);

    Path changed = dir.resolve("changed.jsonl");
    Files.writeString(changed, "{\"id\":\"echo-later\",\"title\":\"Echo\",\"url\":\"https://news.test/echo\",\"source\":\"Late Post\","
        + "\"published\":\"2025-09-01T00:00:00Z\",\"text\":\"The senator declined to comment on the talks.\"}\n");
    herald.index(List.of(changed), p -> {}, (a, b) -> {});

    assertThat(herald.quotesBy("Roe", null, AS_OF, 10)).isEmpty();
  }
}
