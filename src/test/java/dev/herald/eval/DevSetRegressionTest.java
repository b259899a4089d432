package dev.herald.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.herald.Fixtures;
import dev.herald.Herald;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the dev-set metrics recorded in docs/EVALUATION.md. The data sets live outside the repository
 * ({@code ../shared/eval-data}, never copied in); without them these tests are skipped.
 */
class DevSetRegressionTest {

  static final Path EVAL = Path.of("../shared/eval-data");

  @TempDir Path dir;

  @Test
  void should_keep_realtimeqa_dev_retrieval_at_the_recorded_level() throws IOException {
    Path articles = EVAL.resolve("realtimeqa/articles-dev.jsonl");
    assumeTrue(Files.exists(articles), "RealTimeQA dev set not present");
    try (Herald h = Herald.openWritable(Fixtures.config(dir))) {
      h.index(List.of(articles), p -> {}, (a, b) -> {});
      RealTimeQaReport r = new RealTimeQaEval(h, (q, rank, a, ok) -> {})
          .run(Jsonl.read(EVAL.resolve("realtimeqa/questions-dev.jsonl"), RealTimeQaQuestion.class), 10);

      // recorded: Hits@4 0.959, Hits@10 0.980, MRR@10 0.877, answer accuracy 0.714
      assertThat(r.questions()).isEqualTo(98);
      assertThat(r.hitsAt10()).isGreaterThanOrEqualTo(0.97);
      assertThat(r.mrrAt10()).isGreaterThanOrEqualTo(0.87);
      assertThat(r.hitsAt4()).isGreaterThanOrEqualTo(0.95);
      assertThat(r.answerAccuracy()).isGreaterThanOrEqualTo(0.70);
    }
  }

  @Test
  void should_keep_hybrid_retrieval_on_realtimeqa_dev_at_the_recorded_level() throws IOException {
    Path articles = EVAL.resolve("realtimeqa/articles-dev.jsonl");
    assumeTrue(Files.exists(articles), "RealTimeQA dev set not present");
    // MiniLM-q embeds the dev set in well under a minute on 2 cores; bge-small-q (the opt-in default) takes ~3.
    var config = Fixtures.config(dir)
        .withEmbeddings(dev.herald.embed.EmbeddingSettings.defaults().withEnabled(true)
            .withModel(dev.herald.embed.InProcessModel.ALL_MINILM_L6_V2_Q))
        .withRetrieval(dev.herald.retrieve.RetrievalSettings.defaults().withMode(dev.herald.retrieve.RetrievalMode.HYBRID));
    try (Herald h = Herald.openWritable(config)) {
      h.index(List.of(articles), p -> {}, (a, b) -> {});
      RealTimeQaReport r = new RealTimeQaEval(h, (q, rank, a, ok) -> {})
          .run(Jsonl.read(EVAL.resolve("realtimeqa/questions-dev.jsonl"), RealTimeQaQuestion.class), 10);

      // recorded (docs/EVALUATION.md, hybrid MiniLM weight 0.3): Hits@4 0.969, Hits@10 0.969, MRR@10 0.878, answer 0.551
      assertThat(r.hitsAt4()).isGreaterThanOrEqualTo(0.96);
      assertThat(r.hitsAt10()).isGreaterThanOrEqualTo(0.96);
      assertThat(r.mrrAt10()).isGreaterThanOrEqualTo(0.87);
      assertThat(r.answerAccuracy()).isGreaterThanOrEqualTo(0.54);
    }
  }

  @Test
  void should_keep_who_said_dev_accuracy_at_the_recorded_level() throws IOException {
    Path articles = EVAL.resolve("polnear/articles-dev.jsonl");
    assumeTrue(Files.exists(articles), "PolNeAR dev set not present");
    try (Herald h = Herald.openWritable(Fixtures.config(dir))) {
      h.index(List.of(articles), p -> {}, (a, b) -> {});
      WhoSaidReport r = new WhoSaidEval(h, (q, a, s, c) -> {})
          .run(Jsonl.read(EVAL.resolve("polnear/who-said-dev.jsonl"), WhoSaidQuestion.class), Instant.parse("2026-01-01T00:00:00Z"));

      // recorded: speaker accuracy 0.952, citation accuracy 1.000
      assertThat(r.questions()).isEqualTo(124);
      assertThat(r.speakerAccuracy()).isGreaterThanOrEqualTo(0.94);
      assertThat(r.citationAccuracy()).isGreaterThanOrEqualTo(0.99);
    }
  }

  @Test
  void should_keep_quote_extraction_quality_on_the_polnear_dev_annotations() throws IOException {
    Path annotations = EVAL.resolve("polnear/data/dev");
    assumeTrue(Files.isDirectory(annotations.resolve("attributions")), "PolNeAR dev annotations not present");

    QuoteExtractionReport r = new QuoteExtractionEval(dev.herald.quotes.QuoteExtractor.standard()).run(annotations);

    // recorded: content P 0.667 R 0.809, source P 0.514 R 0.714 (367 annotated direct quotations)
    assertThat(r.gold()).isEqualTo(367);
    assertThat(r.contentPrecision()).isGreaterThanOrEqualTo(0.65);
    assertThat(r.contentRecall()).isGreaterThanOrEqualTo(0.80);
    assertThat(r.sourcePrecision()).isGreaterThanOrEqualTo(0.50);
    assertThat(r.sourceRecall()).isGreaterThanOrEqualTo(0.70);
  }
}
