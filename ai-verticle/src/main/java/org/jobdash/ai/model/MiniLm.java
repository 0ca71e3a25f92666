package org.jobdash.ai.model;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.jobdash.common.work.Deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The in-process all-MiniLM-L6-v2 (quantized) model, loaded once per JVM on a worker thread: loading takes
 * seconds and its ONNX session is thread-safe, so every verticle instance and every Vert.x instance shares it.
 * Its methods block the calling thread; call them only from a worker.
 */
public final class MiniLm {

  public static final String MODEL_NAME = "all-minilm-l6-v2-q";
  public static final int DIMENSIONS = 384;

  private static final CompletableFuture<MiniLm> INSTANCE = new CompletableFuture<>();
  private static final AtomicBoolean LOADING = new AtomicBoolean();

  /** One text's vector (normalised) and how many tokens the model's tokenizer made of it. */
  public record Embedded(float[] vector, int tokens) {}

  private final AllMiniLmL6V2QuantizedEmbeddingModel model;

  private MiniLm() {
    // a direct executor: the model embeds on the calling worker thread, inside the bounds of our own pool
    this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
  }

  /** The model of this JVM; the first call starts loading it on a worker thread of {@code vertx}. */
  public static Future<MiniLm> load(Vertx vertx) {
    if (LOADING.compareAndSet(false, true)) {
      vertx.executeBlocking(MiniLm::new, false)
          .onSuccess(INSTANCE::complete)
          .onFailure(INSTANCE::completeExceptionally);
    }
    return Future.fromCompletionStage(INSTANCE, vertx.getOrCreateContext());
  }

  /** The model if it has finished loading, for code that runs only after a successful {@link #load}. */
  public static MiniLm loaded() {
    MiniLm m = INSTANCE.getNow(null);
    if (m == null) {
      throw new IllegalStateException("the embedding model is not loaded yet");
    }
    return m;
  }

  /** Embeds each of the service's own texts on the calling thread, in order. Blocks: worker threads only. */
  public List<Embedded> embedAll(List<String> texts) {
    List<Embedded> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      out.add(embed(text));
    }
    return out;
  }

  /**
   * Embeds each of a request's texts on the calling thread, in order, checking {@code deadline} before each: a text
   * is embedded whole (the model reads a long one in 510-token windows), so a request stops between texts.
   */
  public List<Embedded> embedAll(List<String> texts, Deadline deadline) {
    List<Embedded> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      deadline.check();
      out.add(embed(text));
    }
    return out;
  }

  private Embedded embed(String text) {
    Response<Embedding> response = model.embed(TextSegment.from(text));
    Integer tokens = response.tokenUsage() == null ? null : response.tokenUsage().inputTokenCount();
    return new Embedded(normalised(response.content().vector()), tokens == null ? 0 : tokens);
  }

  static float[] normalised(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    double norm = Math.sqrt(sum);
    if (norm == 0) {
      return v;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }
}
