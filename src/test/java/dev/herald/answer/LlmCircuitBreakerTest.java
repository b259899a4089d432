package dev.herald.answer;

import dev.herald.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Herald;
import dev.herald.NewsFixture;
import dev.herald.llm.ChatModelFactory;
import dev.herald.llm.CircuitBreaker;
import dev.herald.llm.LlmSettings;
import dev.herald.llm.Provider;
import dev.herald.quotes.AttributionFinder;
import dev.herald.retrieve.QuestionAnalysis;
import dev.herald.retrieve.Retrieval;
import dev.herald.retrieve.SearchRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After repeated failures the composer stops calling the provider until the pause is over. */
class LlmCircuitBreakerTest {

  @TempDir Path home;

  @Test
  void should_skip_the_model_while_the_breaker_is_open_and_try_again_after_the_pause() throws Exception {
    MutableClock clock = new MutableClock(NewsFixture.AS_OF);
    try (MockWebServer server = new MockWebServer();
        Herald extractive = NewsFixture.open(home, LlmSettings.defaults(), Map.of())) {
      server.start();
      LlmSettings s = new LlmSettings(Provider.OPENAI_COMPATIBLE, "m", server.url("/v1").toString(), null,
          Duration.ofSeconds(5), 100, 0.0, 0.5, 2, Duration.ofSeconds(60));
      ChatModelFactory models = new ChatModelFactory(Map.of());
      CircuitBreaker breaker = new CircuitBreaker(s.breakerFailures(), s.breakerPause(), clock);
      QuestionAnalysis analysis = new QuestionAnalysis();
      ExtractiveComposer fallback = new ExtractiveComposer(analysis, new AttributionFinder(), AnswerSettings.defaults());
      Retrieval r = extractive.search(SearchRequest.of(NewsFixture.BUDGET_QUESTION, 10, NewsFixture.AS_OF));
      try (LlmComposer composer = new LlmComposer(fallback, new Verifier(analysis, 0.5, ZoneOffset.UTC), s,
          models.chatModel(s), null, breaker, Set.of(), ZoneOffset.UTC)) {
        server.enqueue(FakeProviders.json(500, "{}"));
        server.enqueue(FakeProviders.json(503, "{}"));
        composer.compose(r, NewsFixture.AS_OF, null);
        composer.compose(r, NewsFixture.AS_OF, null);

        ComposedAnswer skipped = composer.compose(r, NewsFixture.AS_OF, null);

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(skipped.answer().mode()).isEqualTo("extractive");
        assertThat(skipped.note()).contains("paused after repeated failures");

        clock.advance(Duration.ofSeconds(61));
        server.enqueue(FakeProviders.openAi(LlmComposerOpenAiTest.BUDGET));
        ComposedAnswer recovered = composer.compose(r, NewsFixture.AS_OF, null);

        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(recovered.answer().mode()).isEqualTo("llm");
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
      }
    }
  }
}
