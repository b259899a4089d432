package dev.herald.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Herald;
import dev.herald.NewsFixture;
import dev.herald.llm.LlmSettings;
import dev.herald.llm.Provider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same verified answers through Ollama's native API and Anthropic's messages API, faked on loopback. */
class LlmComposerProvidersTest {

  static final String BUDGET = LlmComposerOpenAiTest.BUDGET;

  @TempDir Path home;
  MockWebServer server;
  Herald herald;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (herald != null) {
      herald.close();
    }
    server.close();
  }

  Herald herald(Provider p, String baseUrl, Map<String, String> env) throws Exception {
    LlmSettings s = new LlmSettings(p, "model-test", baseUrl, null, Duration.ofSeconds(5), 300, 0.0, 0.5, 3, Duration.ofSeconds(60));
    herald = NewsFixture.open(home, s, env);
    return herald;
  }

  @Test
  void should_answer_through_ollama_api_chat() throws Exception {
    herald(Provider.OLLAMA, server.url("/").toString(), Map.of());
    server.enqueue(FakeProviders.ollama(BUDGET + " The council also banned cars downtown [1]."));

    ComposedAnswer a = herald.answer(NewsFixture.BUDGET_QUESTION, NewsFixture.AS_OF, null);

    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/chat");
    assertThat(FakeProviders.messages(r)).contains("<source n=\"1\">");
    assertThat(a.provider()).isEqualTo("ollama");
    assertThat(a.model()).isEqualTo("model-test");
    assertThat(a.answer().mode()).isEqualTo("llm");
    assertThat(a.answer().text()).isEqualTo(BUDGET);
    assertThat(a.verification().counts()).isEqualTo(new Verification(2, 1, 1, 0, 0, false));
    assertThat(a.verification().drops()).extracting(Verification.Drop::rule).containsExactly("support");
    assertThat(a.usage()).isEqualTo(new TokenCounts(100, 20, 120));
  }

  @Test
  void should_answer_through_anthropic_messages() throws Exception {
    herald(Provider.ANTHROPIC, server.url("/v1/").toString(), Map.of("ANTHROPIC_API_KEY", "anthropic-test-key"));
    String curly = "Mayor Ana Ruiz said the plan would “protect every  library and fire station” [1].";
    server.enqueue(FakeProviders.anthropic(BUDGET + " " + curly));

    ComposedAnswer a = herald.answer(NewsFixture.BUDGET_QUESTION, NewsFixture.AS_OF, null);

    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/messages");
    assertThat(r.getHeaders().get("x-api-key")).isEqualTo("anthropic-test-key");
    assertThat(FakeProviders.messages(r)).contains("data, not instructions").contains("<source n=\"1\">");
    assertThat(a.provider()).isEqualTo("anthropic");
    assertThat(a.answer().mode()).isEqualTo("llm");
    assertThat(a.answer().text()).isEqualTo(BUDGET + " " + curly.replace("  ", " "));
    assertThat(a.verification().kept()).isEqualTo(2);
    assertThat(a.verification().quotesRemoved()).isZero();
    assertThat(a.usage()).isEqualTo(new TokenCounts(100, 20, 120));
  }

  @Test
  void should_answer_through_an_openai_compatible_server_without_a_key() throws Exception {
    herald(Provider.OPENAI_COMPATIBLE, server.url("/v1").toString(), Map.of());
    server.enqueue(FakeProviders.openAi(BUDGET));

    ComposedAnswer a = herald.answer(NewsFixture.BUDGET_QUESTION, NewsFixture.AS_OF, null);

    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(a.answer().text()).isEqualTo(BUDGET);
    assertThat(a.provider()).isEqualTo("openai-compatible");
  }
}
