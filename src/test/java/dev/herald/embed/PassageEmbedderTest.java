package dev.herald.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageEmbedderTest {

  @Test
  void should_embed_a_repeated_text_once_and_give_the_same_vector_as_embedding_it_afresh() {
    EmbeddingSettings settings = EmbeddingSettings.defaults().withEnabled(true).withModel(InProcessModel.ALL_MINILM_L6_V2_Q);
    try (PassageEmbedder plain = new PassageEmbedder(settings);
        PassageEmbedder reusing = new PassageEmbedder(settings.withReuse(true))) {
      List<String> texts = List.of("Talks in Geneva produced a framework.", "The Fed cut rates.", "Talks in Geneva produced a framework.");

      List<float[]> fresh = plain.embedPassages(texts);
      List<float[]> reused = reusing.embedPassages(texts);
      List<float[]> again = reusing.embedPassages(List.of("The Fed cut rates."));

      assertThat(reused).hasSize(3);
      assertThat(reused.get(2)).isSameAs(reused.get(0));
      assertThat(again.get(0)).isSameAs(reused.get(1));
      for (int i = 0; i < texts.size(); i++) {
        assertThat(reused.get(i)).containsExactly(fresh.get(i), org.assertj.core.data.Offset.offset(1e-5f));
      }
    }
  }
}
