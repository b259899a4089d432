package dev.herald.index;

import java.util.Map;
import java.util.Optional;

/**
 * The embedding model an index's passage vectors were made with, as recorded in its commit data.
 *
 * @param model the model id (see {@link dev.herald.embed.InProcessModel#id()})
 * @param dimension the vectors' length
 */
public record IndexEmbedding(String model, int dimension) {

  /** Reads the record from commit user data; empty when the index holds no vectors. */
  public static Optional<IndexEmbedding> fromCommitData(Map<String, String> data) {
    String model = data.get(Fields.COMMIT_EMBEDDING_MODEL);
    String dim = data.get(Fields.COMMIT_EMBEDDING_DIMENSION);
    return model == null || dim == null ? Optional.empty() : Optional.of(new IndexEmbedding(model, Integer.parseInt(dim)));
  }

  /** The commit user data that records this. */
  public Map<String, String> toCommitData() {
    return Map.of(Fields.COMMIT_EMBEDDING_MODEL, model, Fields.COMMIT_EMBEDDING_DIMENSION, Integer.toString(dimension));
  }

  @Override
  public String toString() {
    return model + " (" + dimension + " dimensions)";
  }
}
