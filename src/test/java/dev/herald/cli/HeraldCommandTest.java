package dev.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HeraldCommandTest {

  @TempDir Path dir;
  Path articles;

  record Run(int code, String out, String err) {
    JsonNode json() throws IOException {
      return new ObjectMapper().readTree(out);
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    articles = Fixtures.writeArticles(dir);
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    HeraldCommand root = new HeraldCommand(Map.of("HERALD_DATA", dir.resolve("data").toString()),
        Clock.fixed(Instant.parse("2025-11-01T00:00:00Z"), ZoneOffset.UTC));
    CommandLine cl = HeraldCommand.commandLine(root);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void should_index_skip_bad_lines_and_still_succeed_with_the_count_in_the_summary() throws IOException {
    Path bad = dir.resolve("bad.jsonl");
    Files.write(bad, List.of("{oops", Fixtures.ARTICLES.get(0).strip()));

    Run r = run("index", articles.toString(), bad.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Indexed 6 articles").contains("skipped 1");
    assertThat(r.err()).contains(bad + ":1: bad JSON");
  }

  @Test
  void should_print_the_documented_ask_json_with_cited_text_from_the_source() throws IOException {
    run("index", articles.toString());

    Run r = run("ask", "Where did Trump and Putin meet in Alaska?", "--json");

    assertThat(r.code()).isZero();
    JsonNode j = r.json();
    assertThat(j.fieldNames()).toIterable().containsExactly("question", "as_of", "answer", "abstained", "partial", "mode", "citations");
    assertThat(j.get("as_of").asText()).isEqualTo("2025-11-01T00:00:00Z");
    assertThat(j.get("abstained").asBoolean()).isFalse();
    assertThat(j.get("mode").asText()).isEqualTo("extractive");
    JsonNode c = j.get("citations").get(0);
    assertThat(c.fieldNames()).toIterable()
        .containsExactly("n", "article_id", "passage_id", "title", "url", "source", "published", "text");
    assertThat(c.get("passage_id").asText()).isEqualTo("summit-alaska#0");
    assertThat(j.get("answer").asText()).contains("[1]");
    for (String sentence : c.get("text").asText().split(" … ")) {
      assertThat(j.get("answer").asText()).contains(sentence);
      assertThat(Fixtures.ARTICLES.get(0)).contains(sentence.replace("\n", "\\n"));
    }
  }

  @Test
  void should_abstain_in_json_on_an_unrelated_question() throws IOException {
    run("index", articles.toString());

    JsonNode j = run("ask", "How do I bake sourdough bread?", "--json").json();

    assertThat(j.get("abstained").asBoolean()).isTrue();
    assertThat(j.get("citations")).isEmpty();
  }

  @Test
  void should_hide_articles_after_the_as_of_date() throws IOException {
    run("index", articles.toString());

    JsonNode j = run("search", "Budapest", "--as-of", "2025-10-15", "--json").json();

    assertThat(j.get("results").findValuesAsText("article_id")).doesNotContain("budapest-plan");
  }

  @Test
  void should_print_the_documented_search_json() throws IOException {
    run("index", articles.toString());

    JsonNode j = run("search", "Federal Reserve rates", "--k", "2", "--json").json();

    assertThat(j.get("results")).hasSizeLessThanOrEqualTo(2);
    assertThat(j.get("results").get(0).fieldNames()).toIterable()
        .containsExactly("rank", "score", "passage_id", "article_id", "title", "url", "source", "published", "text");
    assertThat(j.get("results").get(0).get("rank").asInt()).isEqualTo(1);
  }

  @Test
  void should_index_the_corpus_on_first_ask_when_there_is_no_index() throws IOException {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    Files.copy(articles, corpus.resolve("a.jsonl"));
    System.setProperty("herald.home", dir.toString());
    try {
      Run r = run("ask", "Who won the Berlin marathon?", "--json");

      assertThat(r.code()).isZero();
      assertThat(r.err()).contains("No index yet");
      assertThat(r.json().get("answer").asText()).contains("Sabastian Sawe");
    } finally {
      System.clearProperty("herald.home");
    }
  }

  @Test
  void should_exit_2_with_the_fix_when_a_mode_needs_vectors_the_index_lacks() {
    run("index", articles.toString());

    Run hybrid = run("search", "Budapest", "--mode", "hybrid");
    Run unknown = run("search", "Budapest", "--mode", "semantic");

    assertThat(hybrid.code()).isEqualTo(2);
    assertThat(hybrid.err()).contains("needs passage vectors").contains("herald index --embeddings").doesNotContain("--verbose");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("bm25, dense, hybrid");
  }

  @Test
  void should_exit_2_with_one_clear_line_on_bad_usage() {
    Run badDate = run("ask", "Anything?", "--as-of", "yesterday-ish");
    Run unknown = run("ask");
    Run missingQuestions = run("eval", "realtimeqa", "--questions", dir.resolve("nope.jsonl").toString());

    assertThat(badDate.code()).isEqualTo(2);
    assertThat(badDate.err()).startsWith("herald: --as-of: 'yesterday-ish' is not an ISO date").doesNotContain("Exception");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(missingQuestions.code()).isEqualTo(2);
    assertThat(missingQuestions.err()).contains("no such file");
  }

  @Test
  void should_report_eval_metrics_as_the_documented_json() throws IOException {
    run("index", articles.toString());
    Path q = dir.resolve("q.jsonl");
    Files.writeString(q, "{\"id\":\"1\",\"date\":\"2025-10-31\",\"question\":\"In which city did Trump and Putin meet in August?\","
        + "\"choices\":[\"Anchorage\",\"Budapest\"],\"answer\":[\"Anchorage\"],\"gold_urls\":[\"https://news.test/summit-alaska#frag\"]}\n");

    JsonNode j = run("eval", "realtimeqa", "--questions", q.toString(), "--json").json();

    assertThat(j.fieldNames()).toIterable().containsExactly("questions", "hits_at_4", "hits_at_10", "mrr_at_10", "answer_accuracy");
    assertThat(j.get("hits_at_10").asDouble()).isEqualTo(1.0);
    assertThat(j.get("mrr_at_10").asDouble()).isEqualTo(1.0);
  }
}
