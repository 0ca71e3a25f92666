package org.jobdash.ai.model;

import io.vertx.core.Future;
import org.jobdash.ai.provider.RemoteChat;
import org.jobdash.ai.session.Usage;
import org.jobdash.common.work.Deadline;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns texts into normalised 384-dimension vectors: with the local model, or with OpenAI's embeddings when that
 * is the configured provider — falling back to the local model when the remote fails, recorded in the usage.
 */
public final class TextEmbedder {

  /** The vectors of some texts (in order), the model that made them, and the usage to record. */
  public record Vectors(List<float[]> vectors, String model, Usage usage) {}

  private final EmbeddingBatcher batcher;
  private final RemoteChat remote;
  private final String provider;

  public TextEmbedder(EmbeddingBatcher batcher, RemoteChat remote, String provider) {
    this.batcher = batcher;
    this.remote = remote;
    this.provider = provider;
  }

  /** With the configured provider (stored embeddings and text searches); the local model within {@code deadline}. */
  public Future<Vectors> embed(List<String> texts, Deadline deadline) {
    if (!"openai".equals(provider)) {
      return local(texts, deadline);
    }
    return remote.embed(texts, MiniLm.DIMENSIONS)
        .map(r -> {
          List<float[]> normalised = new ArrayList<>(r.vectors().size());
          r.vectors().forEach(v -> normalised.add(MiniLm.normalised(v)));
          return new Vectors(normalised, r.model(), new Usage(r.model(), "openai", r.tokens(), 0, null, null, null));
        })
        .recover(e -> local(texts, deadline).map(v -> new Vectors(v.vectors(), v.model(), new Usage(v.usage().model(), "local",
            v.usage().inputTokens(), 0, remote.embeddingModel(), "openai", e.getMessage()))));
  }

  /** Always with the local model: analyses compare texts with the local model's skill vectors. */
  public Future<Vectors> local(List<String> texts, Deadline deadline) {
    return batcher.embed(texts, deadline).map(embedded -> {
      List<float[]> vectors = new ArrayList<>(embedded.size());
      int tokens = 0;
      for (MiniLm.Embedded e : embedded) {
        vectors.add(e.vector());
        tokens += e.tokens();
      }
      return new Vectors(vectors, MiniLm.MODEL_NAME, Usage.local(MiniLm.MODEL_NAME, tokens, 0));
    });
  }
}
