package dev.herald.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.Herald;
import dev.herald.NewsFixture;
import dev.herald.llm.LlmSettings;
import dev.herald.llm.Provider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Language-model calls, tokens, breaker state and verifier removals, against a fake OpenAI-compatible server. */
class LlmMetricsTest {

  private static final String SUPPORTED =
      "As of 16 October 2025, the Springfield city council approved a budget of 4.2 million dollars [1].";

  @TempDir Path home;

  private static MockResponse completion(String content) {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("id", "c1").put("object", "chat.completion").put("created", 1).put("model", "m");
    ObjectNode choice = o.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    o.putObject("usage").put("prompt_tokens", 50).put("completion_tokens", 10).put("total_tokens", 60);
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(o.toString()).build();
  }

  @Test
  void should_count_calls_tokens_removals_and_breaker_state() throws Exception {
    try (MockWebServer server = new MockWebServer(); HeraldMetrics metrics = HeraldMetrics.prometheus(Clock.systemUTC())) {
      server.start();
      // One failure opens the breaker for an hour, so the third question is not sent at all.
      LlmSettings llm = new LlmSettings(Provider.OPENAI_COMPATIBLE, "m", server.url("/v1").toString(), null,
          Duration.ofSeconds(5), 200, 0.0, 0.5, 1, Duration.ofHours(1));
      try (Herald h = NewsFixture.open(home, llm, Map.of())) {
        h.useMetrics(metrics);
        server.enqueue(completion(SUPPORTED + " It also funds a stadium [7]."));
        server.enqueue(new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"bad request\"}}").build());

        h.answer(NewsFixture.BUDGET_QUESTION, NewsFixture.AS_OF, null);
        PrometheusText afterOk = PrometheusText.parse(metrics.scrape());
        h.answer(NewsFixture.BUDGET_QUESTION, NewsFixture.AS_OF, null);
        h.answer(NewsFixture.BUDGET_QUESTION, NewsFixture.AS_OF, null);
        PrometheusText end = PrometheusText.parse(metrics.scrape());

        assertThat(afterOk.value("herald_llm_calls_total", "outcome", "ok")).isEqualTo(1);
        assertThat(afterOk.value("herald_llm_circuit_state")).isZero();
        assertThat(afterOk.value("herald_llm_tokens_total", "provider", "openai-compatible", "kind", "input")).isEqualTo(50);
        assertThat(afterOk.value("herald_llm_tokens_total", "provider", "openai-compatible", "kind", "output")).isEqualTo(10);
        assertThat(afterOk.value("herald_llm_seconds_count", "provider", "openai-compatible")).isEqualTo(1);
        // The stadium sentence cites a source that was never given: the marker goes, then the uncited sentence.
        assertThat(afterOk.value("herald_verifier_dropped_total", "rule", "unsupported_sentence")).isEqualTo(1);
        assertThat(afterOk.value("herald_verifier_dropped_total", "rule", "unknown_citation")).isEqualTo(1);
        assertThat(end.value("herald_llm_calls_total", "outcome", "error")).isEqualTo(1);
        assertThat(end.value("herald_llm_calls_total", "outcome", "skipped_breaker_open")).isEqualTo(1);
        assertThat(end.value("herald_llm_circuit_state")).isEqualTo(1);
        assertThat(end.value("herald_llm_seconds_count", "provider", "openai-compatible")).isEqualTo(1);
        assertThat(end.value("herald_retrieval_seconds_count")).isEqualTo(3);
        assertThat(server.getRequestCount()).isEqualTo(2);
      }
    }
  }
}
