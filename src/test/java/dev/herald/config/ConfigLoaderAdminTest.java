package dev.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code admin:} keys of config/herald.yaml: the admin port is off unless set. */
class ConfigLoaderAdminTest {

  @TempDir Path home;

  HeraldConfig load(String yaml) throws Exception {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(home.resolve("config/herald.yaml"), yaml);
    return new ConfigLoader().load(home, null, Map.of());
  }

  @Test
  void should_keep_the_admin_port_off_unless_set() throws Exception {
    assertThat(load("k: 10\n").admin().enabled()).isFalse();
    assertThat(load("admin:\n  host: 127.0.0.1\n").admin().enabled()).isFalse();
  }

  @Test
  void should_read_port_and_host() throws Exception {
    HeraldConfig c = load("admin:\n  port: 9090\n  host: 127.0.0.1\n");

    assertThat(c.admin().enabled()).isTrue();
    assertThat(c.admin().port()).isEqualTo(9090);
    assertThat(c.admin().host()).isEqualTo("127.0.0.1");
    assertThat(load("admin:\n  port: 9091\n").admin().host()).isEqualTo("0.0.0.0");
  }

  @Test
  void should_reject_a_bad_port_and_unknown_keys() {
    assertThatThrownBy(() -> load("admin:\n  port: 70000\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("admin.port must be between 1 and 65535 (got 70000)");
    assertThatThrownBy(() -> load("admin:\n  metrics-path: /m\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown setting 'metrics-path'");
  }

  @Test
  void should_take_the_port_from_the_environment() throws Exception {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(home.resolve("config/herald.yaml"), "admin:\n  port: 9090\n");

    assertThat(new ConfigLoader().load(home, null, Map.of("HERALD_ADMIN_PORT", "9191")).admin().port()).isEqualTo(9191);
    assertThatThrownBy(() -> new ConfigLoader().load(home, null, Map.of("HERALD_ADMIN_PORT", "metrics")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("HERALD_ADMIN_PORT must be a port number (got 'metrics')");
  }

  @Test
  void should_load_the_shipped_config_with_the_admin_port_off() throws Exception {
    Path shipped = Path.of("config/herald.yaml").toAbsolutePath();

    HeraldConfig c = new ConfigLoader().load(home, shipped, Map.of());

    assertThat(c.admin().enabled()).isFalse();
    assertThat(c.admin().host()).isEqualTo("0.0.0.0");
  }
}
