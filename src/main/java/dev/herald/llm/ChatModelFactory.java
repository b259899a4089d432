package dev.herald.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds LangChain4j's {@link ChatModel} and {@link StreamingChatModel} for the configured provider:
 * the one place that knows each provider's client. API keys are read from the environment variable the
 * settings name, at build time, and never stored in the settings.
 */
public final class ChatModelFactory {

  // Servers that need no key (local vLLM, llama.cpp, LM Studio) still get a header; the OpenAI client requires one.
  private static final String NO_KEY = "not-needed";

  private final Map<String, String> env;

  /** Creates a factory reading API keys from {@code env}. */
  public ChatModelFactory(Map<String, String> env) {
    this.env = env;
  }

  /** Builds the blocking chat model; fails with a message saying what to set when something required is missing. */
  public ChatModel chatModel(LlmSettings s) {
    String model = requireModel(s);
    // No library retries: a failed call falls back to the extractive answer within the deadline instead.
    return switch (s.provider()) {
      case OPENAI, OPENAI_COMPATIBLE -> OpenAiChatModel.builder()
          .baseUrl(requireBaseUrl(s)).apiKey(openAiKey(s)).modelName(model)
          .timeout(s.timeout()).maxTokens(s.maxTokens()).temperature(s.temperature()).maxRetries(0).build();
      case OLLAMA -> OllamaChatModel.builder()
          .baseUrl(requireBaseUrl(s)).modelName(model)
          .timeout(s.timeout()).numPredict(s.maxTokens()).temperature(s.temperature()).maxRetries(0).build();
      case ANTHROPIC -> {
        var b = AnthropicChatModel.builder().apiKey(requireKey(s)).modelName(model)
            .timeout(s.timeout()).maxTokens(s.maxTokens()).temperature(s.temperature()).maxRetries(0);
        if (s.effectiveBaseUrl() != null) {
          b.baseUrl(s.effectiveBaseUrl());
        }
        yield b.build();
      }
      case GEMINI -> {
        var b = GoogleAiGeminiChatModel.builder().apiKey(requireKey(s)).modelName(model)
            .timeout(s.timeout()).maxOutputTokens(s.maxTokens()).temperature(s.temperature()).maxRetries(0);
        if (s.effectiveBaseUrl() != null) {
          b.baseUrl(s.effectiveBaseUrl());
        }
        yield b.build();
      }
      case EXTRACTIVE -> throw new IllegalArgumentException("the extractive provider uses no language model");
    };
  }

  /** Builds the streaming chat model for the same provider and settings. */
  public StreamingChatModel streamingChatModel(LlmSettings s) {
    String model = requireModel(s);
    return switch (s.provider()) {
      case OPENAI, OPENAI_COMPATIBLE -> OpenAiStreamingChatModel.builder()
          .baseUrl(requireBaseUrl(s)).apiKey(openAiKey(s)).modelName(model)
          .timeout(s.timeout()).maxTokens(s.maxTokens()).temperature(s.temperature()).build();
      case OLLAMA -> OllamaStreamingChatModel.builder()
          .baseUrl(requireBaseUrl(s)).modelName(model)
          .timeout(s.timeout()).numPredict(s.maxTokens()).temperature(s.temperature()).build();
      case ANTHROPIC -> {
        var b = AnthropicStreamingChatModel.builder().apiKey(requireKey(s)).modelName(model)
            .timeout(s.timeout()).maxTokens(s.maxTokens()).temperature(s.temperature());
        if (s.effectiveBaseUrl() != null) {
          b.baseUrl(s.effectiveBaseUrl());
        }
        yield b.build();
      }
      case GEMINI -> {
        var b = GoogleAiGeminiStreamingChatModel.builder().apiKey(requireKey(s)).modelName(model)
            .timeout(s.timeout()).maxOutputTokens(s.maxTokens()).temperature(s.temperature());
        if (s.effectiveBaseUrl() != null) {
          b.baseUrl(s.effectiveBaseUrl());
        }
        yield b.build();
      }
      case EXTRACTIVE -> throw new IllegalArgumentException("the extractive provider uses no language model");
    };
  }

  /** The secret values in use for these settings, so that failure messages can be scrubbed of them. */
  public Set<String> secrets(LlmSettings s) {
    return key(s).map(Set::of).orElse(Set.of());
  }

  private Optional<String> key(LlmSettings s) {
    String var = s.effectiveApiKeyEnv();
    String v = var == null ? null : env.get(var);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private String openAiKey(LlmSettings s) {
    if (s.provider() == Provider.OPENAI) {
      return requireKey(s);
    }
    return key(s).orElse(NO_KEY);
  }

  private String requireKey(LlmSettings s) {
    return key(s).orElseThrow(() -> new IllegalArgumentException(
        "llm provider " + s.provider().configName() + " needs an API key: set the environment variable "
            + s.effectiveApiKeyEnv() + " (or name another one with llm.api-key-env)"));
  }

  private static String requireModel(LlmSettings s) {
    String m = s.effectiveModel();
    if (m == null || m.isBlank()) {
      throw new IllegalArgumentException(
          "llm provider " + s.provider().configName() + " needs a model name: set llm.model or HERALD_LLM_MODEL");
    }
    return m;
  }

  private static String requireBaseUrl(LlmSettings s) {
    String u = s.effectiveBaseUrl();
    if (u == null || u.isBlank()) {
      throw new IllegalArgumentException(
          "llm provider " + s.provider().configName() + " needs a base URL: set llm.base-url or HERALD_LLM_BASE_URL"
              + " (for example http://localhost:8000/v1)");
    }
    return u;
  }
}
