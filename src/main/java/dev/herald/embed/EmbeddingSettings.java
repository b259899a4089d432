package dev.herald.embed;

/**
 * Whether and how passages are embedded at index time.
 *
 * @param enabled compute a vector for every passage while indexing (needed by the dense and hybrid modes)
 * @param model the in-process model used for passages and queries
 * @param batchSize passages embedded together; bounds the memory held by one batch
 * @param threads size of the embedding thread pool
 * @param reuseIdenticalTexts embed each distinct text once and reuse its vector (for the benchmark, whose
 *     corpus repeats the same articles; a real corpus gains nothing from it)
 */
public record EmbeddingSettings(boolean enabled, InProcessModel model, int batchSize, int threads, boolean reuseIdenticalTexts) {

  /** Settings that embed every text. */
  public EmbeddingSettings(boolean enabled, InProcessModel model, int batchSize, int threads) {
    this(enabled, model, batchSize, threads, false);
  }

  /** The measured defaults (see docs/EVALUATION.md). */
  public static EmbeddingSettings defaults() {
    return new EmbeddingSettings(false, InProcessModel.BGE_SMALL_EN_V15_Q, 64, Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  /** Returns a copy with embedding switched on or off. */
  public EmbeddingSettings withEnabled(boolean on) {
    return new EmbeddingSettings(on, model, batchSize, threads, reuseIdenticalTexts);
  }

  /** Returns a copy with another model. */
  public EmbeddingSettings withModel(InProcessModel m) {
    return new EmbeddingSettings(enabled, m, batchSize, threads, reuseIdenticalTexts);
  }

  /** Returns a copy that reuses the vector of a text seen before. */
  public EmbeddingSettings withReuse(boolean reuse) {
    return new EmbeddingSettings(enabled, model, batchSize, threads, reuse);
  }
}
