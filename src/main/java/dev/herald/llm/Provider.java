package dev.herald.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The answer back ends a user can choose with {@code llm.provider}, {@code HERALD_LLM_PROVIDER} or {@code --llm}. */
public enum Provider {
  /** No language model: the embedded extractive composer. */
  EXTRACTIVE("extractive", null, null, null),
  /** OpenAI's chat completions API. */
  OPENAI("openai", "gpt-4o-mini", "https://api.openai.com/v1", "OPENAI_API_KEY"),
  /** Any server speaking the OpenAI chat completions API (vLLM, llama.cpp, LM Studio, Ollama's /v1). */
  OPENAI_COMPATIBLE("openai-compatible", null, null, "OPENAI_API_KEY"),
  /** Ollama's native {@code /api/chat}. */
  OLLAMA("ollama", "llama3.1", "http://localhost:11434", null),
  /** Anthropic's messages API. */
  ANTHROPIC("anthropic", "claude-3-5-haiku-latest", null, "ANTHROPIC_API_KEY"),
  /** Google's Gemini API. */
  GEMINI("gemini", "gemini-2.0-flash", null, "GEMINI_API_KEY");

  private final String configName;
  private final String defaultModel;
  private final String defaultBaseUrl;
  private final String defaultApiKeyEnv;

  Provider(String configName, String defaultModel, String defaultBaseUrl, String defaultApiKeyEnv) {
    this.configName = configName;
    this.defaultModel = defaultModel;
    this.defaultBaseUrl = defaultBaseUrl;
    this.defaultApiKeyEnv = defaultApiKeyEnv;
  }

  /** The name used in config, environment and on the command line. */
  public String configName() {
    return configName;
  }

  /** The model used when none is configured, or {@code null} when one must be named. */
  public String defaultModel() {
    return defaultModel;
  }

  /** The base URL used when none is configured, or {@code null} for the client library's own default. */
  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** The environment variable holding the API key when none is configured, or {@code null} when no key is used. */
  public String defaultApiKeyEnv() {
    return defaultApiKeyEnv;
  }

  /** Finds a provider by its config name, ignoring case. */
  public static Optional<Provider> byName(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.configName.equals(n)).findFirst();
  }

  /** The config names of all providers, for messages. */
  public static String names() {
    return Arrays.stream(values()).map(Provider::configName).collect(Collectors.joining(", "));
  }
}
