package dev.herald.llm;

import java.time.Duration;

/**
 * The {@code llm:} settings after defaults, the config file and the environment have been applied.
 * The API key itself is never held here, only the name of the variable that holds it, so that the
 * settings can be printed and logged safely.
 *
 * @param provider which back end answers
 * @param model model name, or {@code null} for the provider's default
 * @param baseUrl API base URL, or {@code null} for the provider's default
 * @param apiKeyEnv name of the environment variable holding the API key, or {@code null} for the provider's default
 * @param timeout deadline for one model call; past it the extractive answer is given
 * @param maxTokens most tokens the model may generate
 * @param temperature sampling temperature
 * @param minSupport least share of a sentence's content terms its cited sources must contain (see docs/LLM.md)
 * @param breakerFailures consecutive failures after which the model is skipped for a while
 * @param breakerPause how long the model is skipped once the breaker has opened
 * @param dailyTokensPerUser Telegram users' daily token budget (0: none)
 * @param judge whether the model also judges, sentence by sentence, what the rules kept (see docs/LLM.md)
 * @param judgeTimeout deadline for the judge's calls on one answer; past it the rules' verdict stands
 */
public record LlmSettings(
    Provider provider, String model, String baseUrl, String apiKeyEnv, Duration timeout, int maxTokens,
    double temperature, double minSupport, int breakerFailures, Duration breakerPause, int dailyTokensPerUser,
    boolean judge, Duration judgeTimeout) {

  /** The judge's default deadline: short, because the answer waits for it. */
  public static final Duration DEFAULT_JUDGE_TIMEOUT = Duration.ofSeconds(8);

  /** Settings without the judge. */
  public LlmSettings(
      Provider provider, String model, String baseUrl, String apiKeyEnv, Duration timeout, int maxTokens,
      double temperature, double minSupport, int breakerFailures, Duration breakerPause, int dailyTokensPerUser) {
    this(provider, model, baseUrl, apiKeyEnv, timeout, maxTokens, temperature, minSupport, breakerFailures, breakerPause,
        dailyTokensPerUser, false, DEFAULT_JUDGE_TIMEOUT);
  }

  /** Settings without a per-user daily token budget. */
  public LlmSettings(
      Provider provider, String model, String baseUrl, String apiKeyEnv, Duration timeout, int maxTokens,
      double temperature, double minSupport, int breakerFailures, Duration breakerPause) {
    this(provider, model, baseUrl, apiKeyEnv, timeout, maxTokens, temperature, minSupport, breakerFailures, breakerPause, 0);
  }

  /** The built-in defaults: the extractive composer, and these limits for when a model is chosen. */
  public static LlmSettings defaults() {
    return new LlmSettings(Provider.EXTRACTIVE, null, null, null, Duration.ofSeconds(20), 500, 0.0, 0.5, 3, Duration.ofSeconds(60));
  }

  /** Returns a copy using another provider (for {@code --llm}). */
  public LlmSettings withProvider(Provider p) {
    return new LlmSettings(p, model, baseUrl, apiKeyEnv, timeout, maxTokens, temperature, minSupport, breakerFailures, breakerPause,
        dailyTokensPerUser, judge, judgeTimeout);
  }

  /** Returns a copy with the entailment judge on or off, each answer's judge calls bounded by {@code timeout}. */
  public LlmSettings withJudge(boolean on, Duration timeout) {
    return new LlmSettings(provider, model, baseUrl, apiKeyEnv, this.timeout, maxTokens, temperature, minSupport, breakerFailures,
        breakerPause, dailyTokensPerUser, on, timeout);
  }

  /** The model name in force: the configured one, else the provider's default. */
  public String effectiveModel() {
    return model != null && !model.isBlank() ? model : provider.defaultModel();
  }

  /** The base URL in force: the configured one, else the provider's default (possibly {@code null}). */
  public String effectiveBaseUrl() {
    return baseUrl != null && !baseUrl.isBlank() ? baseUrl : provider.defaultBaseUrl();
  }

  /** The name of the variable holding the key: the configured one, else the provider's default. */
  public String effectiveApiKeyEnv() {
    return apiKeyEnv != null && !apiKeyEnv.isBlank() ? apiKeyEnv : provider.defaultApiKeyEnv();
  }
}
