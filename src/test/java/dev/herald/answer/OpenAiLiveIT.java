package dev.herald.answer;

import dev.herald.Herald;
import dev.herald.NewsFixture;
import dev.herald.llm.LlmSettings;
import dev.herald.llm.Provider;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asks the real OpenAI API (model from HERALD_LLM_MODEL, default gpt-4o-mini); runs only with
 * OPENAI_API_KEY set: {@code mvn test -Dtest=OpenAiLiveIT}.
 */
@EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
class OpenAiLiveIT {

  @TempDir Path home;

  @Test
  void should_answer_the_fixture_question_with_verified_citations() throws Exception {
    LlmSettings s = new LlmSettings(Provider.OPENAI, System.getenv("HERALD_LLM_MODEL"), System.getenv("HERALD_LLM_BASE_URL"),
        null, Duration.ofSeconds(60), 300, 0.0, 0.5, 3, Duration.ofSeconds(60));
    try (Herald h = NewsFixture.open(home, s, System.getenv())) {
      ComposedAnswer a = h.answer(NewsFixture.BUDGET_QUESTION, NewsFixture.AS_OF, null);

      LiveChecks.assertVerifiedOrFellBack(a);
    }
  }
}
