package dev.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.config.ConfigException;
import dev.herald.config.ConfigLoader;
import dev.herald.config.HeraldConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestConfigTest {

  @TempDir Path dir;

  HeraldConfig load(String yaml) throws Exception {
    Path f = dir.resolve("herald.yaml");
    Files.writeString(f, yaml);
    return new ConfigLoader().load(dir, f, Map.of());
  }

  @Test
  void should_read_sources_and_ingest_settings_from_the_config_file() throws Exception {
    HeraldConfig c = load("""
        ingest:
          host-delay-ms: 250
          default-interval-minutes: 30
          allowed-hosts: [feeds.intranet.example]
        sources:
          - feed: https://example.com/rss.xml
            outlet: Example News
            language: en
            interval-minutes: 10
          - page: https://example.com/story
          - folder: inbox
        """);

    assertThat(c.ingest().hostDelay()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.ingest().defaultInterval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.ingest().allowedHosts()).containsExactly("feeds.intranet.example");
    assertThat(c.ingest().respectRobots()).isTrue();
    assertThat(c.sources()).containsExactly(
        new Source(SourceKind.FEED, "https://example.com/rss.xml", "Example News", "en", Duration.ofMinutes(10), true),
        new Source(SourceKind.PAGE, "https://example.com/story", null, null, null, true),
        new Source(SourceKind.FOLDER, dir.resolve("inbox").toString(), null, null, null, true));
  }

  @Test
  void should_default_to_no_sources() throws Exception {
    HeraldConfig c = load("k: 5\n");

    assertThat(c.sources()).isEmpty();
    assertThat(c.ingest()).isEqualTo(IngestSettings.defaults());
  }

  @Test
  void should_reject_an_entry_naming_two_kinds_or_an_unknown_key() {
    assertThatThrownBy(() -> load("sources:\n  - feed: https://a/rss\n    page: https://a/p\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("exactly one of feed:, page: or folder:");
    assertThatThrownBy(() -> load("sources:\n  - feed: https://a/rss\n    intervall: 5\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown setting 'intervall'");
    assertThatThrownBy(() -> load("sources:\n  - feed: ftp://a/rss\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not an http(s) URL");
  }

  @Test
  void should_keep_the_sample_config_in_the_docs_loadable() throws Exception {
    String doc = Files.readString(Path.of("docs/INGEST.md"));
    String yaml = doc.substring(doc.indexOf("```yaml") + 7, doc.indexOf("```", doc.indexOf("```yaml") + 7));
    String uncommented = yaml.lines().map(l -> l.replaceFirst("^# ?", "")).reduce("", (a, b) -> a + b + "\n");

    HeraldConfig c = load(uncommented);

    assertThat(c.sources()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(List.copyOf(c.sources())).allSatisfy(s -> assertThat(s.trusted()).isTrue());
  }
}
