package dev.herald.embed;

import java.io.Closeable;

/**
 * The configured embedding model, loaded on first use and then shared by indexing and search, so that
 * a BM25-only run never pays for loading it.
 */
public final class Embeddings implements Closeable {

  private final EmbeddingSettings settings;
  private PassageEmbedder embedder;

  /** Prepares (without loading) the model named in {@code settings}. */
  public Embeddings(EmbeddingSettings settings) {
    this.settings = settings;
  }

  /** The settings, including which model will be loaded. */
  public EmbeddingSettings settings() {
    return settings;
  }

  /** Returns the embedder, loading the model on the first call. */
  public synchronized PassageEmbedder get() {
    if (embedder == null) {
      embedder = new PassageEmbedder(settings);
    }
    return embedder;
  }

  /** Whether the model has been loaded. */
  public synchronized boolean isLoaded() {
    return embedder != null;
  }

  /** Releases the model's threads, if it was loaded. */
  @Override
  public synchronized void close() {
    if (embedder != null) {
      embedder.close();
    }
  }
}
