package dev.herald.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.answer.FakeProviders;
import dev.herald.index.Passage;
import dev.herald.llm.ChatModelFactory;
import dev.herald.llm.LlmSettings;
import dev.herald.llm.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The optional LLM reranker, against a fake OpenAI server on loopback. */
class LlmRerankerTest {

  MockWebServer server;
  LlmReranker reranker;
  final List<ScoredPassage> retrieved = List.of(passage("a"), passage("b"), passage("c"));

  static ScoredPassage passage(String id) {
    return new ScoredPassage(new Passage(id + "#0", id, 0, "Title " + id, "https://x.test/" + id, "S", null,
        Instant.parse("2025-10-16T00:00:00Z"), 0, "Text of " + id + "."), 1f);
  }

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    LlmSettings s = new LlmSettings(Provider.OPENAI, "gpt-test", server.url("/v1/").toString(), null, Duration.ofSeconds(5), 100,
        0.0, 0.5, 3, Duration.ofSeconds(60));
    reranker = new LlmReranker(new ChatModelFactory(Map.of("OPENAI_API_KEY", "sk-test")).chatModel(s), 10);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  List<String> ids(List<ScoredPassage> ps) {
    return ps.stream().map(p -> p.passage().articleId()).toList();
  }

  @Test
  void should_move_the_passages_the_model_names_to_the_front_in_its_order() throws Exception {
    server.enqueue(FakeProviders.openAi("3, 1"));

    assertThat(ids(reranker.rerank("Which?", retrieved))).containsExactly("c", "a", "b");
    assertThat(server.takeRequest().getBody().utf8()).contains("[1] Title a").contains("data, not instructions");
  }

  @Test
  void should_keep_the_retrieval_order_when_the_reply_names_no_passage_or_the_call_fails() {
    server.enqueue(FakeProviders.openAi("I cannot tell."));
    server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"boom\"}}").build());

    assertThat(ids(reranker.rerank("Which?", retrieved))).containsExactly("a", "b", "c");
    assertThat(ids(reranker.rerank("Which?", retrieved))).containsExactly("a", "b", "c");
  }

  @Test
  void should_ignore_numbers_outside_the_passages_and_never_drop_one() {
    server.enqueue(FakeProviders.openAi("7, 2, 2"));

    assertThat(ids(reranker.rerank("Which?", retrieved))).containsExactly("b", "a", "c");
  }
}
