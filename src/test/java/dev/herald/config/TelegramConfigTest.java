package dev.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.bot.TelegramSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramConfigTest {

  @TempDir Path home;

  @Test
  void should_default_to_public_api_and_telegram_limits() throws Exception {
    TelegramSettings t = new ConfigLoader().load(home, null, Map.of()).telegram();

    assertThat(t).isEqualTo(TelegramSettings.defaults());
    assertThat(t.apiUrl()).isEqualTo("https://api.telegram.org");
    assertThat(t.questionsPerMinute()).isEqualTo(10);
  }

  @Test
  void should_read_telegram_section_and_let_env_override_url() throws Exception {
    Path file = home.resolve("herald.yaml");
    Files.writeString(file, """
        telegram:
          api-url: http://localhost:8081
          allowed-users: [1, 2]
          allowed-chats: [-100]
          admins: [1]
          questions-per-minute: 3
          follow-up-minutes: 2
        """);

    TelegramSettings fromFile = new ConfigLoader().load(home, file, Map.of()).telegram();
    TelegramSettings fromEnv = new ConfigLoader().load(home, file, Map.of("TELEGRAM_API_URL", "http://127.0.0.1:9")).telegram();

    assertThat(fromFile.apiUrl()).isEqualTo("http://localhost:8081");
    assertThat(fromFile.allowedUsers()).containsExactlyInAnyOrder(1L, 2L);
    assertThat(fromFile.allowedChats()).containsExactly(-100L);
    assertThat(fromFile.admins()).containsExactly(1L);
    assertThat(fromFile.questionsPerMinute()).isEqualTo(3);
    assertThat(fromFile.followUpExpiry()).isEqualTo(Duration.ofMinutes(2));
    assertThat(fromEnv.apiUrl()).isEqualTo("http://127.0.0.1:9");
  }

  @Test
  void should_reject_unknown_telegram_key_and_bad_url() throws Exception {
    Path file = home.resolve("herald.yaml");
    Files.writeString(file, "telegram:\n  token: abc\n");
    assertThatThrownBy(() -> new ConfigLoader().load(home, file, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown setting 'token'");

    Files.writeString(file, "telegram:\n  api-url: api.telegram.org\n");
    assertThatThrownBy(() -> new ConfigLoader().load(home, file, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("must start with http");
  }

  @Test
  void should_accept_the_shipped_config_file() throws Exception {
    HeraldConfig c = new ConfigLoader().load(home, Path.of("config/herald.yaml").toAbsolutePath(), Map.of());

    assertThat(c.telegram()).isEqualTo(TelegramSettings.defaults());
  }
}
