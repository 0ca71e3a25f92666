package org.jobdash.ai.embedding;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.jobdash.ai.model.MiniLm;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SQL of {@code embeddings} for both storage modes. Any number of vectors is stored by ONE statement: the
 * columns go as arrays through {@code unnest}, the vectors as one flat {@code real[]} sliced per row (and cast to
 * {@code vector} where pgvector is used). Search is pgvector's cosine distance, or exact cosine in SQL.
 */
public final class EmbeddingRepository {

  private static final String SLICE = "($11::real[])[(t.n - 1) * " + MiniLm.DIMENSIONS + " + 1 : t.n * "
      + MiniLm.DIMENSIONS + "]";

  private static final String INSERT = """
      INSERT INTO embeddings (id, user_id, session_id, source_type, source_id, chunk_index, content_text, content_hash,
                              embedding, model_name, dimensions, metadata)
      SELECT t.id, $1, $2, t.source_type, t.source_id, t.chunk_index, t.content_text, t.content_hash, %s, $3, %d,
             t.metadata::jsonb
        FROM unnest($4::uuid[], $5::text[], $6::uuid[], $7::int[], $8::text[], $9::text[], $10::text[])
             WITH ORDINALITY AS t(id, source_type, source_id, chunk_index, content_text, content_hash, metadata, n)""";

  private static final String SEARCH_PGVECTOR = """
      SELECT id, source_type, source_id, chunk_index, content_text, metadata, model_name, created_at,
             1 - (embedding <=> $2::real[]::vector) AS similarity
        FROM embeddings
       WHERE user_id = $1 AND ($3::text IS NULL OR source_type = $3) AND ($4::text IS NULL OR model_name = $4)
       ORDER BY embedding <=> $2::real[]::vector
       LIMIT $5""";

  private static final String SEARCH_EXACT = """
      SELECT e.id, e.source_type, e.source_id, e.chunk_index, e.content_text, e.metadata, e.model_name, e.created_at,
             s.similarity
        FROM embeddings e
       CROSS JOIN LATERAL (
              SELECT sum(u.a::float8 * u.b::float8)
                     / NULLIF(sqrt(sum(u.a::float8 * u.a::float8) * sum(u.b::float8 * u.b::float8)), 0) AS similarity
                FROM unnest(e.embedding, $2::real[]) AS u(a, b)) s
       WHERE e.user_id = $1 AND ($3::text IS NULL OR e.source_type = $3) AND ($4::text IS NULL OR e.model_name = $4)
       ORDER BY s.similarity DESC, e.id
       LIMIT $5""";

  private static final String COLUMN_TYPE = """
      SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = 'embeddings'::regclass AND attname = 'embedding' AND NOT attisdropped""";

  private static final String DELETE_CHUNKS = """
      DELETE FROM embeddings WHERE user_id = $1 AND source_type = 'resume_chunk' AND source_id = $2""";

  /** One search answer. */
  public record Hit(UUID id, String sourceType, UUID sourceId, int chunkIndex, String contentText,
                    JsonObject metadata, String model, double similarity) {
    public JsonObject toJson() {
      return new JsonObject().put("id", id.toString()).put("sourceType", sourceType)
          .put("sourceId", sourceId == null ? null : sourceId.toString()).put("chunkIndex", chunkIndex)
          .put("contentText", contentText).put("metadata", metadata).put("model", model)
          .put("similarity", similarity);
    }
  }

  private final Pool pool;
  private final VectorMode mode;
  private final String insert;

  public EmbeddingRepository(Pool pool, VectorMode mode) {
    this.pool = pool;
    this.mode = mode;
    this.insert = INSERT.formatted(mode == VectorMode.PGVECTOR ? "(" + SLICE + ")::vector" : SLICE,
        MiniLm.DIMENSIONS);
  }

  /** How this database stores the vectors. */
  public static Future<VectorMode> vectorMode(Pool pool) {
    return pool.query(COLUMN_TYPE).execute()
        .map(rows -> VectorMode.ofColumnType(rows.size() == 0 ? "" : rows.iterator().next().getString("type")));
  }

  /** Stores the vectors with one statement; returns their ids in order. */
  public Future<List<UUID>> insert(SqlClient conn, UUID userId, UUID sessionId, String model,
                                   List<NewEmbedding> items) {
    int n = items.size();
    UUID[] ids = new UUID[n];
    String[] sourceTypes = new String[n];
    UUID[] sourceIds = new UUID[n];
    Integer[] chunks = new Integer[n];
    String[] texts = new String[n];
    String[] hashes = new String[n];
    String[] metadata = new String[n];
    List<float[]> vectors = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      NewEmbedding e = items.get(i);
      ids[i] = UUID.randomUUID();
      sourceTypes[i] = e.sourceType();
      sourceIds[i] = e.sourceId();
      chunks[i] = e.chunkIndex();
      texts[i] = e.contentText();
      hashes[i] = e.contentHash();
      metadata[i] = (e.metadata() == null ? new JsonObject() : e.metadata()).encode();
      vectors.add(e.vector());
    }
    return conn.preparedQuery(insert).execute(Tuple.from(new Object[] {userId, sessionId, model, ids, sourceTypes,
            sourceIds, chunks, texts, hashes, metadata, Vectors.flatten(vectors)}))
        .map(rows -> List.of(ids));
  }

  /** Removes the stored chunks of a résumé (before its new chunks are stored). */
  public Future<Void> deleteResumeChunks(SqlClient conn, UUID userId, UUID resumeId) {
    return conn.preparedQuery(DELETE_CHUNKS).execute(Tuple.of(userId, resumeId)).mapEmpty();
  }

  /** The caller's {@code k} embeddings nearest to {@code query} by cosine similarity, nearest first. */
  public Future<List<Hit>> search(UUID userId, float[] query, int k, String sourceType, String model) {
    String sql = mode == VectorMode.PGVECTOR ? SEARCH_PGVECTOR : SEARCH_EXACT;
    return pool.preparedQuery(sql).execute(Tuple.of(userId, Vectors.boxed(query), sourceType, model, k))
        .map(rows -> {
          List<Hit> hits = new ArrayList<>(rows.size());
          for (Row r : rows) {
            hits.add(new Hit(r.getUUID("id"), r.getString("source_type"), r.getUUID("source_id"),
                r.getInteger("chunk_index"), r.getString("content_text"),
                r.getValue("metadata") instanceof JsonObject m ? m : new JsonObject(), r.getString("model_name"),
                r.getDouble("similarity")));
          }
          return hits;
        });
  }
}
