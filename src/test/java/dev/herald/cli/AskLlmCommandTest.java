package dev.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.Herald;
import dev.herald.NewsFixture;
import dev.herald.llm.LlmSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald ask --llm PROVIDER --json} end to end against a fake OpenAI-compatible server. */
class AskLlmCommandTest {

  static final String ANSWER = "As of 16 October 2025, the Springfield city council approved a budget of 4.2 million dollars [1].";

  @TempDir Path home;

  record Run(int code, String out, String err) {}

  Run herald(Map<String, String> env, String... args) {
    HeraldCommand root = new HeraldCommand(env, Clock.fixed(NewsFixture.AS_OF, ZoneOffset.UTC));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = HeraldCommand.commandLine(root);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static MockResponse completion(String content) throws Exception {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("id", "c1").put("object", "chat.completion").put("created", 1).put("model", "m");
    ObjectNode choice = o.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    o.putObject("usage").put("prompt_tokens", 50).put("completion_tokens", 10).put("total_tokens", 60);
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(o.toString()).build();
  }

  @Test
  void should_print_mode_provider_model_verification_and_usage() throws Exception {
    try (Herald h = NewsFixture.open(home, LlmSettings.defaults(), Map.of())) {
      h.stats();
    }
    Path config = Files.writeString(home.resolve("herald.yaml"), "llm:\n  provider: ollama\n  timeout-seconds: 5\n");
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(completion(ANSWER + " It also funds a stadium [7]."));

      Run r = herald(Map.of("HERALD_LLM_BASE_URL", server.url("/v1").toString(), "HERALD_LLM_MODEL", "m"),
          "ask", "--config", config.toString(), "--data", home.resolve("data").toString(),
          "--llm", "openai-compatible", "--json", "--as-of", "2025-10-16T12:00:00Z", NewsFixture.BUDGET_QUESTION);

      assertThat(r.code()).as(r.err()).isZero();
      JsonNode j = new ObjectMapper().readTree(r.out());
      assertThat(j.get("mode").asText()).isEqualTo("llm");
      assertThat(j.get("provider").asText()).isEqualTo("openai-compatible");
      assertThat(j.get("model").asText()).isEqualTo("m");
      assertThat(j.get("answer").asText()).isEqualTo(ANSWER);
      assertThat(j.get("verification").toString()).isEqualTo(
          "{\"sentences\":2,\"kept\":1,\"dropped\":1,\"citations_removed\":1,\"quotes_removed\":0,\"fallback\":false,"
              + "\"drops\":[{\"sentence\":\"It also funds a stadium.\",\"rule\":\"uncited\",\"detail\":\"no valid citation\"}],"
              + "\"judge\":null}");
      assertThat(j.get("usage").toString()).isEqualTo("{\"input_tokens\":50,\"output_tokens\":10,\"total_tokens\":60}");
      assertThat(j.get("citations").get(0).get("article_id").asText()).isEqualTo("council");
    }
  }

  @Test
  void should_report_the_judges_verdicts_and_costs_in_the_verification_json() throws Exception {
    try (Herald h = NewsFixture.open(home, LlmSettings.defaults(), Map.of())) {
      h.stats();
    }
    Path config = Files.writeString(home.resolve("herald.yaml"), "llm:\n  provider: ollama\n  timeout-seconds: 5\n  judge: true\n");
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(completion(ANSWER + " The council approved it on Tuesday [1]."));
      server.enqueue(completion("{\"supported\": true, \"reason\": \"stated\"}"));
      server.enqueue(completion("{\"supported\": false, \"reason\": \"not stated\"}"));

      Run r = herald(Map.of("HERALD_LLM_BASE_URL", server.url("/v1").toString(), "HERALD_LLM_MODEL", "m"),
          "ask", "--config", config.toString(), "--data", home.resolve("data").toString(),
          "--llm", "openai-compatible", "--json", "--as-of", "2025-10-16T12:00:00Z", NewsFixture.BUDGET_QUESTION);

      assertThat(r.code()).as(r.err()).isZero();
      JsonNode v = new ObjectMapper().readTree(r.out()).get("verification");
      assertThat(v.get("kept").asInt()).isEqualTo(1);
      assertThat(v.get("drops")).hasSize(1);
      assertThat(v.get("drops").get(0).get("rule").asText()).isEqualTo("judge");
      JsonNode judge = v.get("judge");
      assertThat(judge.get("asked").asInt()).isEqualTo(2);
      assertThat(judge.get("supported").asInt()).isEqualTo(1);
      assertThat(judge.get("unsupported").asInt()).isEqualTo(1);
      assertThat(judge.get("input_tokens").asLong()).isEqualTo(100);
      assertThat(judge.get("output_tokens").asLong()).isEqualTo(20);
      assertThat(judge.has("timed_out")).isTrue();
    }
  }

  @Test
  void should_keep_the_extractive_json_unchanged_by_default() throws Exception {
    try (Herald h = NewsFixture.open(home, LlmSettings.defaults(), Map.of())) {
      h.stats();
    }
    Path config = Files.writeString(home.resolve("herald.yaml"), "k: 10\n");

    Run r = herald(Map.of(), "ask", "--config", config.toString(), "--data", home.resolve("data").toString(), "--json",
        "--as-of", "2025-10-16T12:00:00Z", NewsFixture.BUDGET_QUESTION);

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("mode").asText()).isEqualTo("extractive");
    assertThat(j.has("verification")).isFalse();
  }

  @Test
  void should_reject_an_unknown_provider_with_the_known_ones() {
    Run r = herald(Map.of(), "ask", "--data", home.resolve("data").toString(), "--llm", "gpt5", "Anything?");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("gpt5").contains("openai-compatible");
  }

  @Test
  void should_say_which_variable_holds_the_missing_key() throws Exception {
    try (Herald h = NewsFixture.open(home, LlmSettings.defaults(), Map.of())) {
      h.stats();
    }
    Path config = Files.writeString(home.resolve("herald.yaml"), "k: 10\n");

    Run r = herald(Map.of(), "ask", "--config", config.toString(), "--data", home.resolve("data").toString(),
        "--llm", "openai", NewsFixture.BUDGET_QUESTION);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("OPENAI_API_KEY");
  }
}
