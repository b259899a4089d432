package dev.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

  private final AddressGuard guard = new AddressGuard(false, List.of());

  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1/", "http://localhost:8080/feed", "http://10.1.2.3/", "http://172.16.0.9/", "http://192.168.1.1/",
      "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fd00:ec2::254]/", "http://0.0.0.0/",
      "http://100.64.0.1/", "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://[64:ff9b::a9fe:a9fe]/"})
  void should_refuse_loopback_private_link_local_and_metadata_addresses(String url) {
    assertThatThrownBy(() -> guard.check(URI.create(url)))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("refused");
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/feed", "gopher://example.com/", "jar:file:/x!/y"})
  void should_refuse_schemes_other_than_http_and_https(String url) {
    assertThatThrownBy(() -> guard.check(URI.create(url))).isInstanceOf(FetchException.class).hasMessageContaining("refused");
  }

  @Test
  void should_accept_public_addresses() throws Exception {
    assertThat(AddressGuard.isInternal(InetAddress.getByName("93.184.216.34"))).isFalse();
    assertThat(AddressGuard.isInternal(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946"))).isFalse();
  }

  @Test
  void should_let_config_allow_a_named_host_or_all_private_addresses() throws Exception {
    new AddressGuard(false, List.of("localhost")).check(URI.create("http://localhost:9/feed"));
    new AddressGuard(true, List.of()).check(URI.create("http://10.0.0.1/feed"));
  }
}
