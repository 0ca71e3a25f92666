package org.jobdash.ai.embedding;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * How this database stores {@code embeddings.embedding}: pgvector's {@code vector(384)} (search by its cosine
 * distance operator, HNSW-indexed) or {@code real[]} (exact cosine computed in SQL). Migration 001 chose it;
 * the service asks once at start.
 */
public enum VectorMode {
  PGVECTOR("vector(384)"),
  REAL_ARRAY("real[]");

  private static final String COLUMN_TYPE = """
      SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = 'embeddings'::regclass AND attname = 'embedding' AND NOT attisdropped""";

  public final String label;

  VectorMode(String label) {
    this.label = label;
  }

  public static Future<VectorMode> detect(Pool pool) {
    return pool.query(COLUMN_TYPE).execute().map(rows -> {
      String type = rows.size() == 0 ? "" : rows.iterator().next().getString("type");
      if (type.contains("vector")) {
        return PGVECTOR;
      }
      if (type.startsWith("real[]")) {
        return REAL_ARRAY;
      }
      throw new IllegalStateException("embeddings.embedding has the unexpected type '" + type + "'");
    });
  }
}
