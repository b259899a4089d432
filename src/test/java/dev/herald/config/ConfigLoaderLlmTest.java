package dev.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.llm.LlmSettings;
import dev.herald.llm.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code llm:} section of config/herald.yaml and its environment overrides. */
class ConfigLoaderLlmTest {

  @TempDir Path home;

  HeraldConfig load(String yaml, Map<String, String> env) throws Exception {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(home.resolve("config/herald.yaml"), yaml);
    return new ConfigLoader().load(home, null, env);
  }

  @Test
  void should_default_to_the_extractive_composer() throws Exception {
    LlmSettings s = load("k: 10\n", Map.of()).llm();

    assertThat(s).isEqualTo(LlmSettings.defaults());
    assertThat(s.provider()).isEqualTo(Provider.EXTRACTIVE);
  }

  @Test
  void should_read_the_llm_section() throws Exception {
    LlmSettings s = load("""
        llm:
          provider: openai-compatible
          model: qwen2.5-7b-instruct
          base-url: http://localhost:8000/v1
          api-key-env: VLLM_KEY
          timeout-seconds: 7.5
          max-tokens: 256
          temperature: 0.2
          min-support: 0.6
          breaker-failures: 5
          breaker-pause-seconds: 30
        """, Map.of()).llm();

    assertThat(s).isEqualTo(new LlmSettings(Provider.OPENAI_COMPATIBLE, "qwen2.5-7b-instruct", "http://localhost:8000/v1",
        "VLLM_KEY", Duration.ofMillis(7500), 256, 0.2, 0.6, 5, Duration.ofSeconds(30)));
  }

  @Test
  void should_let_the_environment_override_provider_base_url_and_model() throws Exception {
    LlmSettings s = load("llm:\n  provider: openai\n  model: gpt-4o-mini\n", Map.of(
        "HERALD_LLM_PROVIDER", "ollama", "HERALD_LLM_BASE_URL", "http://gpu-box:11434", "HERALD_LLM_MODEL", "llama3.1:8b")).llm();

    assertThat(s.provider()).isEqualTo(Provider.OLLAMA);
    assertThat(s.effectiveBaseUrl()).isEqualTo("http://gpu-box:11434");
    assertThat(s.effectiveModel()).isEqualTo("llama3.1:8b");
  }

  @Test
  void should_name_the_known_providers_when_one_is_unknown() {
    assertThatThrownBy(() -> load("llm:\n  provider: gpt5\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'gpt5'")
        .hasMessageContaining("openai-compatible");
  }

  @Test
  void should_reject_an_unknown_llm_setting() {
    assertThatThrownBy(() -> load("llm:\n  api-key: sk-123\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting 'api-key'");
  }

  @Test
  void should_read_the_judge_settings_and_keep_the_judge_off_by_default() throws Exception {
    LlmSettings on = load("llm:\n  provider: openai\n  judge: true\n  judge-timeout-seconds: 2.5\n", Map.of()).llm();
    LlmSettings off = load("llm:\n  provider: openai\n", Map.of()).llm();

    assertThat(on.judge()).isTrue();
    assertThat(on.judgeTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(off.judge()).isFalse();
    assertThat(off.judgeTimeout()).isEqualTo(LlmSettings.DEFAULT_JUDGE_TIMEOUT);
  }

  @Test
  void should_reject_a_judge_timeout_that_is_not_positive() {
    assertThatThrownBy(() -> load("llm:\n  provider: openai\n  judge: true\n  judge-timeout-seconds: 0\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("judge-timeout-seconds must be positive");
  }

  @Test
  void should_load_the_shipped_config_file() throws Exception {
    HeraldConfig c = new ConfigLoader().load(Path.of("").toAbsolutePath(), null, Map.of());

    assertThat(c.llm()).isEqualTo(LlmSettings.defaults());
  }
}
