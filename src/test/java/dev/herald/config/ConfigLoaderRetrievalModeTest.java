package dev.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.embed.InProcessModel;
import dev.herald.retrieve.Fusion;
import dev.herald.retrieve.RetrievalMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retrieval.mode} and the {@code index:} embedding keys of config/herald.yaml. */
class ConfigLoaderRetrievalModeTest {

  @TempDir Path home;

  HeraldConfig load(String yaml) throws Exception {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(home.resolve("config/herald.yaml"), yaml);
    return new ConfigLoader().load(home, null, Map.of());
  }

  @Test
  void should_default_to_bm25_without_embeddings() throws Exception {
    HeraldConfig c = load("k: 10\n");

    assertThat(c.retrieval().mode()).isEqualTo(RetrievalMode.BM25);
    assertThat(c.embeddings().enabled()).isFalse();
  }

  @Test
  void should_embed_at_index_time_when_the_mode_needs_vectors() throws Exception {
    HeraldConfig c = load("retrieval:\n  mode: hybrid\n  fusion: rrf\n  rrf-k: 30\n");

    assertThat(c.retrieval().mode()).isEqualTo(RetrievalMode.HYBRID);
    assertThat(c.retrieval().fusion()).isEqualTo(Fusion.RRF);
    assertThat(c.retrieval().rrfK()).isEqualTo(30);
    assertThat(c.embeddings().enabled()).isTrue();
  }

  @Test
  void should_read_the_index_section() throws Exception {
    HeraldConfig c = load("index:\n  embeddings: true\n  embedding-model: all-minilm-l6-v2-q\n  embedding-batch: 16\n  embedding-threads: 1\n");

    assertThat(c.embeddings().enabled()).isTrue();
    assertThat(c.embeddings().model()).isEqualTo(InProcessModel.ALL_MINILM_L6_V2_Q);
    assertThat(c.embeddings().batchSize()).isEqualTo(16);
    assertThat(c.embeddings().threads()).isEqualTo(1);
  }

  @Test
  void should_name_the_known_modes_and_models_when_one_is_unknown() {
    assertThatThrownBy(() -> load("retrieval:\n  mode: semantic\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bm25, dense, hybrid");
    assertThatThrownBy(() -> load("index:\n  embedding-model: e5-large\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("all-minilm-l6-v2-q, bge-small-en-v15-q");
  }
}
