package dev.herald.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Herald;
import dev.herald.MutableClock;
import dev.herald.NewsFixture;
import dev.herald.answer.FakeProviders;
import dev.herald.llm.LlmSettings;
import dev.herald.llm.Provider;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenBudgetTest {

  @TempDir Path home;

  @Test
  void should_count_tokens_per_user_and_start_afresh_each_utc_day() {
    MutableClock clock = new MutableClock(Instant.parse("2025-10-16T23:00:00Z"));
    TokenBudget budget = new TokenBudget(100, clock);

    budget.add(1, 1, 60);
    budget.add(2, 2, 500);
    assertThat(budget.spent(1)).isFalse();
    budget.add(1, 1, 40);

    assertThat(budget.spent(1)).isTrue();
    assertThat(budget.spent(2)).isTrue();
    clock.advance(Duration.ofHours(2));
    assertThat(budget.spent(1)).isFalse();
  }

  @Test
  void should_keep_counts_across_a_restart_and_forget_them_with_the_chat() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2025-10-16T12:00:00Z"));
    Path file = home.resolve("herald.db");
    try (dev.herald.store.StateDb db = dev.herald.store.StateDb.open(file)) {
      new TokenBudget(100, clock, new dev.herald.store.ChatStore(db)).add(5, 5, 120);
    }
    try (dev.herald.store.StateDb db = dev.herald.store.StateDb.open(file)) {
      dev.herald.store.ChatStore store = new dev.herald.store.ChatStore(db);
      assertThat(new TokenBudget(100, clock, store).spent(5)).isTrue();

      store.forget(5);

      assertThat(new TokenBudget(100, clock, store).spent(5)).isFalse();
    }
  }

  @Test
  void should_never_be_spent_without_a_limit() {
    TokenBudget budget = new TokenBudget(0, new MutableClock(Instant.EPOCH));

    budget.add(1, 1, 1_000_000);

    assertThat(budget.spent(1)).isFalse();
  }

  @Test
  void should_answer_extractively_with_a_note_once_a_user_has_spent_the_day_s_tokens() throws Exception {
    try (MockWebServer llm = new MockWebServer()) {
      llm.start();
      llm.enqueue(FakeProviders.openAiStream(List.of("As of 16 October 2025, the Springfield city council approved ",
          "a budget of 4.2 million dollars [1].")));
      LlmSettings s = new LlmSettings(Provider.OPENAI, "gpt-test", llm.url("/v1/").toString(), null, Duration.ofSeconds(5), 300,
          0.0, 0.5, 3, Duration.ofSeconds(60), 100);
      try (Herald herald = NewsFixture.open(home, s, Map.of("OPENAI_API_KEY", "sk-test"))) {
        BotHandler h = new BotHandler(herald, TelegramSettings.defaults(), "herald_bot", new MutableClock(NewsFixture.AS_OF));

        String first = h.handle(new Incoming(1, 5, false, 5, 10, NewsFixture.BUDGET_QUESTION, false), () -> {}).get(0).html();
        String second = h.handle(new Incoming(2, 5, false, 5, 11, NewsFixture.BUDGET_QUESTION, false), () -> {}).get(0).html();

        assertThat(first).contains("4.2 million dollars").doesNotContain("today's");
        assertThat(second).startsWith("<i>You have used today's 100 tokens of AI-written answers")
            .contains("4.2 million dollars");
        assertThat(llm.getRequestCount()).isEqualTo(1);
      }
    }
  }
}
