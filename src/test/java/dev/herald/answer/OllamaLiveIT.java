package dev.herald.answer;

import dev.herald.Herald;
import dev.herald.NewsFixture;
import dev.herald.llm.LlmSettings;
import dev.herald.llm.Provider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asks a real Ollama server at OLLAMA_BASE_URL (model from OLLAMA_MODEL, default llama3.1), through the
 * native API and through its OpenAI-compatible {@code /v1}: {@code mvn test -Dtest=OllamaLiveIT}.
 */
@EnabledIfEnvironmentVariable(named = "OLLAMA_BASE_URL", matches = ".+")
class OllamaLiveIT {

  @TempDir Path home;

  LlmSettings settings(Provider p, String baseUrl) {
    String model = System.getenv().getOrDefault("OLLAMA_MODEL", "llama3.1");
    return new LlmSettings(p, model, baseUrl, null, Duration.ofSeconds(120), 300, 0.0, 0.5, 3, Duration.ofSeconds(60));
  }

  @Test
  void should_answer_through_the_native_api() throws Exception {
    try (Herald h = NewsFixture.open(home, settings(Provider.OLLAMA, System.getenv("OLLAMA_BASE_URL")), Map.of())) {
      LiveChecks.assertVerifiedOrFellBack(h.answer(NewsFixture.BUDGET_QUESTION, NewsFixture.AS_OF, null));
    }
  }

  @Test
  void should_answer_through_the_openai_compatible_endpoint() throws Exception {
    String v1 = System.getenv("OLLAMA_BASE_URL").replaceAll("/+$", "") + "/v1";
    try (Herald h = NewsFixture.open(home, settings(Provider.OPENAI_COMPATIBLE, v1), Map.of())) {
      LiveChecks.assertVerifiedOrFellBack(h.answer(NewsFixture.BUDGET_QUESTION, NewsFixture.AS_OF, null));
    }
  }
}
