package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.llm.LlmSettings;
import dev.herald.llm.Provider;
import dev.herald.retrieve.SearchRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeraldLlmTest {

  @TempDir Path home;

  @Test
  void should_index_and_search_without_the_models_key_and_ask_for_it_only_when_answering() throws Exception {
    try (Herald h = NewsFixture.open(home, LlmSettings.defaults().withProvider(Provider.OPENAI), Map.of())) {
      assertThat(h.search(SearchRequest.of(NewsFixture.BUDGET_QUESTION, 10, NewsFixture.AS_OF)).passages()).isNotEmpty();

      assertThatThrownBy(() -> h.answer(NewsFixture.BUDGET_QUESTION, NewsFixture.AS_OF, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("OPENAI_API_KEY");
    }
  }

  @Test
  void should_answer_extractively_by_default_even_when_streaming_is_asked_for() throws Exception {
    try (Herald h = NewsFixture.open(home, LlmSettings.defaults(), Map.of())) {
      var a = h.answerStreaming(NewsFixture.BUDGET_QUESTION, NewsFixture.AS_OF, null, p -> {
        throw new AssertionError("no partial text without a model");
      });

      assertThat(a.answer().mode()).isEqualTo("extractive");
      assertThat(a.provider()).isEqualTo("extractive");
      assertThat(a.verification()).isNull();
      assertThat(a.answer().text()).contains("4.2 million dollars");
    }
  }
}
