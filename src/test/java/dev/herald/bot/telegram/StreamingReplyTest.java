package dev.herald.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.Herald;
import dev.herald.NewsFixture;
import dev.herald.answer.FakeProviders;
import dev.herald.bot.BotHandler;
import dev.herald.bot.TelegramSettings;
import dev.herald.bot.telegram.FakeBotApi.Sent;
import dev.herald.llm.LlmSettings;
import dev.herald.llm.Provider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a streaming model, the reader sees a draft grow, then the verified answer replaces it. */
class StreamingReplyTest {

  private static final String TOKEN = "123456:TEST-token";

  @TempDir Path home;
  @TempDir Path stateDir;
  private MockWebServer llm;
  private FakeBotApi api;
  private Herald herald;
  private TelegramBot bot;

  @AfterEach
  void stop() throws Exception {
    if (bot != null) {
      bot.stop(Duration.ofSeconds(5));
    }
    if (api != null) {
      api.close();
    }
    if (herald != null) {
      herald.close();
    }
    if (llm != null) {
      llm.close();
    }
  }

  @Test
  void should_show_a_growing_draft_without_citations_then_edit_in_the_verified_answer() throws Exception {
    llm = new MockWebServer();
    llm.start();
    llm.enqueue(FakeProviders.openAiStream(List.of(
        "As of 16 October 2025, the Springfield ", "city council approved a budget ", "of 4.2 million dollars [1", "]. ",
        "It also funds a stadium [9].")));
    LlmSettings s = new LlmSettings(Provider.OPENAI, "gpt-test", llm.url("/v1/").toString(), null, Duration.ofSeconds(5), 300,
        0.0, 0.5, 3, Duration.ofSeconds(60));
    herald = NewsFixture.open(home, s, Map.of("OPENAI_API_KEY", "sk-test"));
    api = new FakeBotApi(TOKEN);
    TelegramSettings settings = new TelegramSettings(api.url(), Set.of(), Set.of(), Set.of(), 10, Duration.ofMinutes(10), 1000,
        Duration.ofMillis(5), 1000, 2, 1);
    Clock asOf = Clock.fixed(NewsFixture.AS_OF, ZoneOffset.UTC);
    bot = TelegramBot.start(settings, TOKEN, stateDir, name -> new BotHandler(herald, settings, name, asOf), Duration.ofMillis(20));

    api.privateText(42, NewsFixture.BUDGET_QUESTION);
    List<Sent> drafts = api.awaitSent(m -> m.chatId() == 42, 1, Duration.ofSeconds(10));
    JsonNode last = awaitEdit(Duration.ofSeconds(10));

    assertThat(drafts).singleElement().satisfies(d -> {
      assertThat(d.text()).contains("Springfield").doesNotContain("[").endsWith("…");
    });
    String finalText = last.get("text").asText();
    assertThat(last.get("message_id").asInt()).isEqualTo(drafts.get(0).messageId());
    assertThat(finalText).contains("4.2 million dollars").contains("[1]").doesNotContain("stadium").doesNotContain("[9]");
    assertThat(api.sent()).filteredOn(m -> m.chatId() == 42).hasSize(1);
  }

  private JsonNode awaitEdit(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      List<JsonNode> edits = api.requests("editMessageText");
      if (!edits.isEmpty()) {
        return edits.get(edits.size() - 1);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no editMessageText within " + timeout);
  }
}
