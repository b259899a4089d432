package dev.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code state:} keys: SQLite in the data folder unless a PostgreSQL url is given. */
class ConfigLoaderStateTest {

  @TempDir Path home;

  HeraldConfig load(String yaml, Map<String, String> env) throws Exception {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(home.resolve("config/herald.yaml"), yaml);
    return new ConfigLoader().load(home, null, env);
  }

  @Test
  void should_keep_state_in_the_embedded_sqlite_file_by_default() throws Exception {
    HeraldConfig c = load("k: 10\n", Map.of());

    assertThat(c.state().url()).isNull();
    assertThat(c.state().shared()).isFalse();
    assertThat(c.state().instanceTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void should_read_a_postgresql_url_and_let_the_environment_override_it_and_supply_the_password() throws Exception {
    HeraldConfig c = load("state:\n  url: jdbc:postgresql://db:5432/herald?user=herald\n  instance-timeout-seconds: 10\n", Map.of());

    assertThat(c.state().shared()).isTrue();
    assertThat(c.state().url()).isEqualTo("jdbc:postgresql://db:5432/herald?user=herald");
    assertThat(c.state().instanceTimeout()).isEqualTo(Duration.ofSeconds(10));

    HeraldConfig env = load("state:\n  url: jdbc:postgresql://db:5432/herald\n",
        Map.of("HERALD_STATE_URL", "jdbc:postgresql://other:5432/h?user=u&password=pw", "HERALD_STATE_PASSWORD", "s3cret"));
    assertThat(env.state().url()).isEqualTo("jdbc:postgresql://other:5432/h?user=u&password=pw");
    assertThat(env.state().password()).isEqualTo("s3cret");
    assertThat(env.state().toString()).doesNotContain("s3cret").doesNotContain("password=pw");
  }

  @Test
  void should_reject_another_database_and_a_bad_timeout_without_showing_the_password() {
    assertThatThrownBy(() -> load("state:\n  url: jdbc:mysql://db/herald?password=hunter2\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("state.url must be jdbc:postgresql://HOST:PORT/DATABASE")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> load("state:\n  instance-timeout-seconds: 0\n", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("state.instance-timeout-seconds must be at least 1");
    assertThatThrownBy(() -> load("state:\n  file: x.db\n", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown setting 'file'");
  }
}
