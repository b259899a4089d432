package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.answer.Answer;
import dev.herald.answer.Citation;
import dev.herald.question.RoutedQuestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The answer test set over the bundled corpus ({@code src/test/resources/answers/}): every intent, typed
 * questions that must lead with their answer, questions whose answer is not in the sources, stale and
 * fresh "latest", digests of a story whose later developments use other words, a syndicated copy, and
 * three-turn conversations, all asked through the router as the front ends ask them.
 */
class AnswerSetTest {

  private static final Path CASES = Path.of("src/test/resources/answers/corpus-answers.jsonl");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static Herald herald;

  @BeforeAll
  static void index() throws IOException {
    herald = Herald.openWritable(Fixtures.config(dir));
    List<String> problems = new ArrayList<>();
    herald.index(List.of(Path.of("corpus"), Path.of("src/test/resources/answers/wire-copy.jsonl")),
        p -> problems.add(p.toString()), (a, b) -> {});
    assertThat(problems).isEmpty();
  }

  @AfterAll
  static void close() throws IOException {
    herald.close();
  }

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String line : Files.readAllLines(CASES)) {
      if (!line.isBlank()) {
        JsonNode c = JSON.readTree(line);
        out.add(Arguments.of(c.get("id").asText(), c));
      }
    }
    return out.stream();
  }

  @Test
  void should_cover_every_intent_with_at_least_forty_questions() throws IOException {
    List<JsonNode> all = cases().map(a -> (JsonNode) a.get()[1]).toList();

    assertThat(all.stream().mapToInt(c -> c.get("turns").size()).sum()).isGreaterThanOrEqualTo(40);
    assertThat(all.stream().map(c -> c.get("kind").asText()).distinct())
        .contains("fact", "who-said", "what-did-x-say", "latest", "timeline", "digest", "conversation");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_answer_as_expected(String id, JsonNode c) throws IOException {
    Instant asOf = Instant.parse(c.get("as_of").asText());
    String previous = null;
    SoftAssertions soft = new SoftAssertions();
    for (JsonNode turn : c.get("turns")) {
      RoutedQuestion routed = herald.route(turn.get("q").asText(), previous, asOf);
      Answer a = herald.answer(routed, asOf).answer();
      previous = routed.question();
      String what = id + " / " + turn.get("q").asText() + " → " + a.text();
      // Whatever was asked: an answer that does not abstain says something and cites it.
      if (!a.abstained()) {
        soft.assertThat(a.text()).as(what).isNotBlank();
      }
      if (turn.has("lead")) {
        soft.assertThat(a.text().lines().findFirst().orElse("")).as(what).contains(turn.get("lead").asText());
      }
      for (JsonNode s : turn.path("contains")) {
        soft.assertThat(a.text()).as(what).contains(s.asText());
      }
      for (JsonNode s : turn.path("not_contains")) {
        soft.assertThat(a.text()).as(what).doesNotContain(s.asText());
      }
      if (turn.has("cites")) {
        soft.assertThat(a.citations()).as(what).extracting(Citation::articleId).contains(turn.get("cites").asText());
      }
      if (turn.has("abstains")) {
        soft.assertThat(a.abstained()).as(what).isEqualTo(turn.get("abstains").asBoolean());
      }
    }
    soft.assertAll();
  }
}
