package org.jobdash.ai.embedding;

/**
 * How this database stores {@code embeddings.embedding}: pgvector's {@code vector(384)} (search by its cosine
 * distance operator, HNSW-indexed) or {@code real[]} (exact cosine computed in SQL). Migration 001 chose it;
 * the service asks once at start ({@link EmbeddingRepository#vectorMode}).
 */
public enum VectorMode {
  PGVECTOR("vector(384)"),
  REAL_ARRAY("real[]");

  public final String label;

  VectorMode(String label) {
    this.label = label;
  }

  /** The mode of a column of this type, as {@code format_type} names it. */
  static VectorMode ofColumnType(String type) {
    if (type.contains("vector")) {
      return PGVECTOR;
    }
    if (type.startsWith("real[]")) {
      return REAL_ARRAY;
    }
    throw new IllegalStateException("embeddings.embedding has the unexpected type '" + type + "'");
  }
}
