package dev.herald.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/** The in-process ONNX embedding models Herald can use; their files ship inside the LangChain4j jars. */
public enum InProcessModel {
  /** all-MiniLM-L6-v2, quantized: the faster of the two. */
  ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", 384, ""),
  /** BGE-small-en-v1.5, quantized; queries carry the instruction prefix the model was trained with. */
  BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", 384, "Represent this sentence for searching relevant passages: ");

  private final String id;
  private final int dimension;
  private final String queryPrefix;

  InProcessModel(String id, int dimension, String queryPrefix) {
    this.id = id;
    this.dimension = dimension;
    this.queryPrefix = queryPrefix;
  }

  /** The name used in the config file and recorded in the index. */
  public String id() {
    return id;
  }

  /** The length of the vectors the model produces. */
  public int dimension() {
    return dimension;
  }

  /** Text put before a query (not a passage) when embedding it. */
  public String queryPrefix() {
    return queryPrefix;
  }

  /** Loads the model (slow: reads the ONNX file), running batch work on {@code executor}. */
  EmbeddingModel load(Executor executor) {
    return switch (this) {
      case ALL_MINILM_L6_V2_Q -> new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
      case BGE_SMALL_EN_V15_Q -> new BgeSmallEnV15QuantizedEmbeddingModel(executor);
    };
  }

  /** Finds a model by its {@link #id()}. */
  public static Optional<InProcessModel> byId(String id) {
    return Arrays.stream(values()).filter(m -> m.id.equals(id.strip().toLowerCase(Locale.ROOT))).findFirst();
  }

  /** The known ids, for messages. */
  public static String ids() {
    return Arrays.stream(values()).map(InProcessModel::id).collect(Collectors.joining(", "));
  }
}
