package dev.herald.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatModelFactoryTest {

  static LlmSettings settings(Provider p) {
    return LlmSettings.defaults().withProvider(p);
  }

  @Test
  void should_build_each_providers_langchain4j_models() {
    ChatModelFactory f = new ChatModelFactory(Map.of("OPENAI_API_KEY", "k1", "ANTHROPIC_API_KEY", "k2", "GEMINI_API_KEY", "k3"));

    assertThat(f.chatModel(settings(Provider.OPENAI))).isInstanceOf(OpenAiChatModel.class);
    assertThat(f.streamingChatModel(settings(Provider.OPENAI))).isInstanceOf(OpenAiStreamingChatModel.class);
    assertThat(f.chatModel(settings(Provider.OLLAMA))).isInstanceOf(OllamaChatModel.class);
    assertThat(f.streamingChatModel(settings(Provider.OLLAMA))).isInstanceOf(OllamaStreamingChatModel.class);
    assertThat(f.chatModel(settings(Provider.ANTHROPIC))).isInstanceOf(AnthropicChatModel.class);
    assertThat(f.chatModel(settings(Provider.GEMINI))).isInstanceOf(GoogleAiGeminiChatModel.class);
    assertThat(f.secrets(settings(Provider.OPENAI))).containsExactly("k1");
  }

  @Test
  void should_say_which_variable_to_set_when_the_key_is_missing() {
    ChatModelFactory f = new ChatModelFactory(Map.of());

    assertThatThrownBy(() -> f.chatModel(settings(Provider.OPENAI)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OPENAI_API_KEY");
  }

  @Test
  void should_read_the_key_from_the_variable_the_config_names() {
    LlmSettings s = new LlmSettings(Provider.OPENAI, null, null, "MY_KEY", LlmSettings.defaults().timeout(), 100, 0, 0.5, 3,
        LlmSettings.defaults().breakerPause());
    ChatModelFactory f = new ChatModelFactory(Map.of("MY_KEY", "secret-value"));

    assertThat(f.chatModel(s)).isInstanceOf(OpenAiChatModel.class);
    assertThat(f.secrets(s)).containsExactly("secret-value");
    assertThat(s.toString()).doesNotContain("secret-value");
  }

  @Test
  void should_require_a_base_url_and_model_for_openai_compatible_servers() {
    ChatModelFactory f = new ChatModelFactory(Map.of());

    assertThatThrownBy(() -> f.chatModel(settings(Provider.OPENAI_COMPATIBLE))).hasMessageContaining("model");
    LlmSettings named = new LlmSettings(Provider.OPENAI_COMPATIBLE, "qwen", null, null, LlmSettings.defaults().timeout(),
        100, 0, 0.5, 3, LlmSettings.defaults().breakerPause());
    assertThatThrownBy(() -> f.chatModel(named)).hasMessageContaining("base URL").hasMessageContaining("HERALD_LLM_BASE_URL");
  }
}
