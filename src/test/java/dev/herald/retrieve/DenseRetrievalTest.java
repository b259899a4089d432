package dev.herald.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.Fixtures;
import dev.herald.Herald;
import dev.herald.config.HeraldConfig;
import dev.herald.embed.InProcessModel;
import dev.herald.index.ArticleIndex;
import dev.herald.index.Fields;
import dev.herald.index.IndexEmbedding;
import dev.herald.index.ReembedNeededException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dense and hybrid retrieval over the fixture articles, embedded once with the real in-process model
 * (a handful of passages, so the whole class takes a few seconds).
 */
class DenseRetrievalTest {

  static final String PARAPHRASE = "Did the central bank make borrowing cheaper?";
  static final Instant LATER = Instant.parse("2025-12-01T00:00:00Z");

  @TempDir static Path dir;
  static HeraldConfig embedded;

  @BeforeAll
  static void indexWithEmbeddings() throws IOException {
    HeraldConfig c = Fixtures.config(dir);
    embedded = c.withEmbeddings(c.embeddings().withEnabled(true));
    try (Herald h = Fixtures.herald(dir, embedded)) {
      assertThat(h.embeddingModelLoaded()).isTrue();
    }
  }

  static Herald open(RetrievalMode mode) throws IOException {
    return Herald.openForQuestions(embedded.withRetrieval(embedded.retrieval().withMode(mode)), p -> {}, m -> {});
  }

  static List<String> articles(Retrieval r) {
    return r.passages().stream().map(p -> p.passage().articleId()).toList();
  }

  @Test
  void should_store_a_vector_for_every_passage_and_record_the_model() throws IOException {
    try (ArticleIndex index = ArticleIndex.openReadOnly(embedded.indexDir())) {
      IndexSearcher s = index.acquire();
      try {
        int withVectors = s.count(new FieldExistsQuery(Fields.VECTOR));

        assertThat(withVectors).isEqualTo(index.stats().passages()).isPositive();
        assertThat(index.embedding()).contains(new IndexEmbedding("bge-small-en-v15-q", 384));
      } finally {
        index.release(s);
      }
    }
  }

  @Test
  void should_find_a_paraphrase_by_knn() throws IOException {
    try (Herald h = open(RetrievalMode.DENSE)) {
      Retrieval r = h.search(SearchRequest.of(PARAPHRASE, 5, LATER));

      assertThat(articles(r)).first().isEqualTo("fed-cut");
    }
  }

  @Test
  void should_rank_a_paraphrased_question_first_in_hybrid_where_bm25_does_not() throws IOException {
    List<String> bm25;
    try (Herald h = open(RetrievalMode.BM25)) {
      bm25 = articles(h.search(SearchRequest.of(PARAPHRASE, 5, LATER)));
    }
    try (Herald h = open(RetrievalMode.HYBRID)) {
      List<String> hybrid = articles(h.search(SearchRequest.of(PARAPHRASE, 5, LATER)));

      assertThat(bm25).isEmpty();
      assertThat(hybrid).first().isEqualTo("fed-cut");
    }
  }

  @Test
  void should_keep_lexical_matches_on_top_in_hybrid() throws IOException {
    try (Herald h = open(RetrievalMode.HYBRID)) {
      Retrieval r = h.search(SearchRequest.of("Where did Trump and Putin meet in Alaska?", 5, LATER));

      assertThat(articles(r)).first().isEqualTo("summit-alaska");
    }
  }

  @Test
  void should_apply_the_as_of_filter_to_the_dense_side() throws IOException {
    Instant beforeTheCut = Instant.parse("2025-09-01T00:00:00Z");
    for (RetrievalMode mode : List.of(RetrievalMode.DENSE, RetrievalMode.HYBRID)) {
      try (Herald h = open(mode)) {
        Retrieval r = h.search(SearchRequest.of(PARAPHRASE, 5, beforeTheCut));

        assertThat(articles(r)).as(mode.id()).containsOnly("summit-alaska");
        assertThat(r.passages()).allSatisfy(p -> assertThat(p.passage().published()).isBefore(beforeTheCut));
      }
    }
  }

  @Test
  void should_refuse_another_model_with_a_reembed_message() throws IOException {
    HeraldConfig other = embedded.withEmbeddings(embedded.embeddings().withModel(InProcessModel.ALL_MINILM_L6_V2_Q));

    assertThatThrownBy(() -> Herald.openWritable(other).close())
        .isInstanceOf(ReembedNeededException.class)
        .hasMessageContaining("re-embed needed")
        .hasMessageContaining("bge-small-en-v15-q (384 dimensions)")
        .hasMessageContaining("all-minilm-l6-v2-q");
    try (Herald h = Herald.openForQuestions(other.withRetrieval(other.retrieval().withMode(RetrievalMode.HYBRID)), p -> {}, m -> {})) {
      assertThatThrownBy(() -> h.search(SearchRequest.of(PARAPHRASE, 5, LATER)))
          .isInstanceOf(ReembedNeededException.class)
          .hasMessageContaining("re-embed needed");
      assertThat(h.embeddingModelLoaded()).as("the mismatch is found before loading the other model").isFalse();
    }
  }

  @Test
  void should_refuse_to_add_passages_without_vectors_to_an_embedded_index() {
    assertThatThrownBy(() -> Herald.openWritable(Fixtures.config(dir)).close())
        .isInstanceOf(ReembedNeededException.class)
        .hasMessageContaining("index.embeddings: true");
  }

  @Test
  void should_load_no_model_in_bm25_mode(@TempDir Path plain) throws IOException {
    try (Herald h = Fixtures.herald(plain)) {
      h.search(SearchRequest.of(PARAPHRASE, 5, LATER));
      h.ask("Where did Trump and Putin meet?", LATER);

      assertThat(h.embeddingModelLoaded()).isFalse();
    }
    try (ArticleIndex index = ArticleIndex.openReadOnly(Fixtures.config(plain).indexDir())) {
      assertThat(index.embedding()).isEmpty();
    }
  }

  @Test
  void should_say_that_dense_mode_needs_an_index_with_vectors(@TempDir Path plain) throws IOException {
    HeraldConfig c = Fixtures.config(plain);
    try (Herald h = Fixtures.herald(plain, c.withRetrieval(c.retrieval().withMode(RetrievalMode.DENSE)))) {
      assertThatThrownBy(() -> h.search(SearchRequest.of(PARAPHRASE, 5, LATER)))
          .isInstanceOf(ReembedNeededException.class)
          .hasMessageContaining("needs passage vectors")
          .hasMessageContaining("--mode bm25");
      assertThat(h.embeddingModelLoaded()).isFalse();
    }
  }
}
