package dev.herald.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns passages and queries into vectors with one loaded in-process model. Batches run on a bounded
 * pool of named threads; a query is embedded on the calling thread, since one short text gains
 * nothing from a hand-off.
 */
public final class PassageEmbedder implements Closeable {

  private final InProcessModel model;
  private final ThreadPoolExecutor pool;
  private final EmbeddingModel onnx;
  private final Map<String, float[]> seen;

  /** Loads {@code settings.model()} (takes a second or two) with a pool of {@code settings.threads()} threads. */
  public PassageEmbedder(EmbeddingSettings settings) {
    this.model = settings.model();
    AtomicInteger n = new AtomicInteger();
    // LangChain4j submits one task per text: a queue as long as a batch never rejects, and
    // caller-runs keeps a larger batch working instead of failing.
    this.pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(Math.max(1, settings.batchSize())), r -> {
          Thread t = new Thread(r, "herald-embed-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    this.onnx = model.load(pool);
    this.seen = settings.reuseIdenticalTexts() ? new ConcurrentHashMap<>() : null;
  }

  /** The model in use. */
  public InProcessModel model() {
    return model;
  }

  /** Embeds passage texts in one batch, in order. */
  public List<float[]> embedPassages(List<String> texts) {
    if (seen == null) {
      return embedAll(texts);
    }
    List<String> fresh = texts.stream().filter(t -> !seen.containsKey(t)).distinct().toList();
    List<float[]> vectors = embedAll(fresh);
    for (int i = 0; i < fresh.size(); i++) {
      seen.put(fresh.get(i), vectors.get(i));
    }
    return texts.stream().map(seen::get).toList();
  }

  private List<float[]> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      segments.add(TextSegment.from(t));
    }
    List<Embedding> out = onnx.embedAll(segments).content();
    List<float[]> vectors = new ArrayList<>(out.size());
    for (Embedding e : out) {
      vectors.add(e.vector());
    }
    return vectors;
  }

  /** Embeds a question for k-NN search over passage vectors. */
  public float[] embedQuery(String question) {
    return onnx.embed(model.queryPrefix() + question).content().vector();
  }

  /** Stops the pool's threads. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
