package org.jobdash.ai.embedding;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.jobdash.ai.TextFields;
import org.jobdash.ai.model.MiniLm;
import org.jobdash.ai.model.TextEmbedder;
import org.jobdash.ai.session.SessionRecorder;
import org.jobdash.ai.session.Usage;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.common.work.Deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Embeds and stores texts, stores precomputed vectors, and searches a caller's vectors; each call is a session. */
public final class EmbeddingService {

  /** A stored vector as the caller sees it. */
  public record Stored(UUID id, float[] vector) {}

  /** The answer of {@link #embedTexts}. */
  public record Embedded(UUID sessionId, String model, List<Stored> items, int tokens) {}

  /** The answer of {@link #search}. */
  public record Found(UUID sessionId, String model, List<EmbeddingRepository.Hit> hits) {}

  private final Pool pool;
  private final EmbeddingRepository embeddings;
  private final TextEmbedder embedder;
  private final SessionRecorder sessions;
  private final BoundedWorker decoding;
  private final int maxTextChars;

  /** @param decoding where batch bodies (megabytes of numbers) are decoded, away from the event loop */
  public EmbeddingService(Pool pool, EmbeddingRepository embeddings, TextEmbedder embedder, SessionRecorder sessions,
                          BoundedWorker decoding, int maxTextChars) {
    this.pool = pool;
    this.embeddings = embeddings;
    this.embedder = embedder;
    this.sessions = sessions;
    this.decoding = decoding;
    this.maxTextChars = maxTextChars;
  }

  public Future<Embedded> embedTexts(UUID userId, List<String> texts, String sourceType, UUID sourceId,
                                     Deadline deadline) {
    long started = System.nanoTime();
    return embedder.embed(texts, deadline).compose(vectors -> {
      List<NewEmbedding> rows = new ArrayList<>(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        rows.add(new NewEmbedding(sourceType, sourceId, i, texts.get(i), TextFields.sha256(texts.get(i)),
            vectors.vectors().get(i), new JsonObject()));
      }
      SessionRecorder.Outcome outcome = new SessionRecorder.Outcome(userId, "embedding", vectors.usage(),
          elapsedMs(started), null, null, null, new JsonObject().put("texts", texts.size()).put("sourceType", sourceType));
      return pool.withTransaction(conn -> sessions.record(conn, outcome,
          sessionId -> embeddings.insert(conn, userId, sessionId, vectors.model(), rows)
              .map(ids -> {
                List<Stored> items = new ArrayList<>(ids.size());
                for (int i = 0; i < ids.size(); i++) {
                  items.add(new Stored(ids.get(i), vectors.vectors().get(i)));
                }
                return new Embedded(sessionId, vectors.model(), items, vectors.usage().inputTokens());
              })));
    }).recover(e -> sessions.failed(pool, userId, "embedding", MiniLm.MODEL_NAME, started, null, e));
  }

  /**
   * Decodes a batch body (see {@link BatchDecoder}) on the decoding worker within {@code deadline} and stores its
   * precomputed vectors in one statement; returns their ids in order.
   */
  public Future<List<UUID>> storeBatch(UUID userId, Buffer body, Deadline deadline) {
    long started = System.nanoTime();
    return decoding.submit(deadline, d -> new BatchDecoder(EmbeddingRoutes.SOURCE_TYPES, EmbeddingRoutes.MAX_BATCH,
            maxTextChars, d).decode(body))
        .compose(batch -> {
          String model = batch.model() == null ? MiniLm.MODEL_NAME : batch.model();
          return pool.withTransaction(conn -> sessions.record(conn, new SessionRecorder.Outcome(userId, "embedding",
                  new Usage(model, null, 0, 0, null, null, null), elapsedMs(started), null, null, null,
                  new JsonObject().put("precomputed", batch.items().size())),
              sessionId -> embeddings.insert(conn, userId, sessionId, model, batch.items())))
              .recover(e -> sessions.failed(pool, userId, "embedding", model, started, null, e));
        }, e -> sessions.failed(pool, userId, "embedding", MiniLm.MODEL_NAME, started, null, e));
  }

  /** The caller's nearest vectors to a text (embedded first, searched among vectors of the same model) or a vector. */
  public Future<Found> search(UUID userId, String text, float[] vector, int k, String sourceType, Deadline deadline) {
    long started = System.nanoTime();
    Future<TextEmbedder.Vectors> query = text != null ? embedder.embed(List.of(text), deadline)
        : Future.succeededFuture(new TextEmbedder.Vectors(List.of(vector), null, new Usage(null, null, 0, 0, null,
            null, null)));
    return query.compose(q -> embeddings.search(userId, q.vectors().get(0), k, sourceType, q.model())
        .compose(hits -> pool.withTransaction(conn -> sessions.record(conn, new SessionRecorder.Outcome(userId,
                "search", q.usage(), elapsedMs(started), null, null, null,
                new JsonObject().put("k", k).put("hits", hits.size()).put("byText", text != null))))
            .map(sessionId -> new Found(sessionId, q.model(), hits))))
        .recover(e -> sessions.failed(pool, userId, "search", MiniLm.MODEL_NAME, started, null, e));
  }

  static long elapsedMs(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
