package org.jobdash.load.scenario;

import io.vertx.core.buffer.Buffer;
import org.jobdash.common.db.DatabaseUrl;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The rows both sides of the batch-ingest scenario store: the same normalised 384-dimension vectors written once
 * as the batch endpoint's JSON body and once as binary {@code COPY} data (the fastest bulk path: the server parses
 * no text), with the same float values.
 */
final class EmbeddingRows {

  static final int DIMENSIONS = 384;
  static final String MODEL = "all-minilm-l6-v2-q";
  static final String COPY = "COPY embeddings (user_id, source_type, source_id, chunk_index, embedding, model_name,"
      + " dimensions, metadata) FROM STDIN (FORMAT binary)";
  /** The type of the {@code embedding} column: {@code real[]} without pgvector, else {@code vector(384)}. */
  static final String COLUMN_TYPE = "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
      + " WHERE attrelid = 'embeddings'::regclass AND attname = 'embedding'";

  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
  private static final int FLOAT4_OID = 700;

  private record Row(UUID sourceId, int chunk, String[] vector) {}

  private final List<Row> rows;

  private EmbeddingRows(List<Row> rows) {
    this.rows = rows;
  }

  static EmbeddingRows random(int count, long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float[] v = new float[DIMENSIONS];
      double norm = 0;
      for (int d = 0; d < DIMENSIONS; d++) {
        v[d] = (float) random.nextGaussian();
        norm += (double) v[d] * v[d];
      }
      String[] text = new String[DIMENSIONS];
      for (int d = 0; d < DIMENSIONS; d++) {
        text[d] = Float.toString((float) (v[d] / Math.sqrt(norm)));
      }
      rows.add(new Row(new UUID(random.nextLong(), random.nextLong()), i, text));
    }
    return new EmbeddingRows(rows);
  }

  int size() {
    return rows.size();
  }

  /** The body of {@code POST /api/v1/ai/embeddings/batch}. */
  Buffer json() {
    StringBuilder b = new StringBuilder("{\"model\":\"").append(MODEL).append("\",\"items\":[");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      b.append(i == 0 ? "" : ",").append("{\"sourceType\":\"custom\",\"sourceId\":\"").append(r.sourceId())
          .append("\",\"chunkIndex\":").append(r.chunk()).append(",\"vector\":[")
          .append(String.join(",", r.vector())).append("],\"metadata\":{\"row\":").append(r.chunk()).append("}}");
    }
    return Buffer.buffer(b.append("]}").toString());
  }

  /**
   * The same rows as binary {@link #COPY} data for {@code userId}; the vectors as {@code real[]}, or in pgvector's
   * own binary form when {@code pgvector}.
   */
  byte[] copyBinary(UUID userId, boolean pgvector) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    try {
      out.write(SIGNATURE);
      out.writeInt(0);
      out.writeInt(0);
      for (Row r : rows) {
        out.writeShort(8);
        uuid(out, userId);
        text(out, "custom");
        uuid(out, r.sourceId());
        out.writeInt(4);
        out.writeInt(r.chunk());
        if (pgvector) {
          out.writeInt(4 + 4 * DIMENSIONS);
          out.writeShort(DIMENSIONS);
          out.writeShort(0);
          for (String v : r.vector()) {
            out.writeFloat(Float.parseFloat(v));
          }
        } else {
          out.writeInt(20 + 8 * DIMENSIONS);
          out.writeInt(1);
          out.writeInt(0);
          out.writeInt(FLOAT4_OID);
          out.writeInt(DIMENSIONS);
          out.writeInt(1);
          for (String v : r.vector()) {
            out.writeInt(4);
            out.writeFloat(Float.parseFloat(v));
          }
        }
        text(out, MODEL);
        out.writeInt(4);
        out.writeInt(DIMENSIONS);
        byte[] json = ("{\"row\":" + r.chunk() + "}").getBytes(StandardCharsets.UTF_8);
        out.writeInt(1 + json.length);
        out.writeByte(1);
        out.write(json);
      }
      out.writeShort(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void uuid(DataOutputStream out, UUID id) throws IOException {
    out.writeInt(16);
    out.writeLong(id.getMostSignificantBits());
    out.writeLong(id.getLeastSignificantBits());
  }

  private static void text(DataOutputStream out, String value) throws IOException {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /**
   * Empties what the scenario stored: the whole table in a database this harness created, else only the load
   * account's rows.
   */
  static void reset(DatabaseUrl database, boolean owned, UUID userId) {
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
         PreparedStatement st = c.prepareStatement(owned ? "TRUNCATE embeddings"
             : "DELETE FROM embeddings WHERE user_id = ?")) {
      if (!owned) {
        st.setObject(1, userId);
      }
      st.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the embeddings table: " + e.getMessage(), e);
    }
  }
}
