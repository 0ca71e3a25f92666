package org.jobdash.load.scenario;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EmbeddingRowsTest {

  @Test
  void theJsonBodyAndTheBinaryCopyDataCarryTheSameRowsWithTheSameFloats() throws IOException {
    EmbeddingRows rows = EmbeddingRows.random(3, 1);
    UUID owner = UUID.randomUUID();

    JsonArray items = rows.json().toJsonObject().getJsonArray("items");
    DataInputStream copy = new DataInputStream(new ByteArrayInputStream(rows.copyBinary(owner, false)));

    assertThat(items).hasSize(3);
    assertThat(copy.readNBytes(11))
        .isEqualTo(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
    assertThat(copy.readInt()).isZero();
    assertThat(copy.readInt()).isZero();
    for (int i = 0; i < 3; i++) {
      JsonObject item = items.getJsonObject(i);
      assertThat(copy.readShort()).isEqualTo((short) 8);
      assertThat(uuid(copy)).isEqualTo(owner);
      assertThat(text(copy)).isEqualTo("custom");
      assertThat(uuid(copy)).isEqualTo(UUID.fromString(item.getString("sourceId")));
      assertThat(copy.readInt()).isEqualTo(4);
      assertThat(copy.readInt()).isEqualTo(item.getInteger("chunkIndex"));
      assertThat(copy.readInt()).isEqualTo(20 + 8 * EmbeddingRows.DIMENSIONS);
      assertThat(new int[] {copy.readInt(), copy.readInt(), copy.readInt(), copy.readInt(), copy.readInt()})
          .containsExactly(1, 0, 700, EmbeddingRows.DIMENSIONS, 1);
      JsonArray vector = item.getJsonArray("vector");
      double norm = 0;
      for (int d = 0; d < EmbeddingRows.DIMENSIONS; d++) {
        assertThat(copy.readInt()).isEqualTo(4);
        assertThat(copy.readFloat()).isEqualTo(vector.getFloat(d));
        norm += vector.getDouble(d) * vector.getDouble(d);
      }
      assertThat(norm).isCloseTo(1.0, within(1e-4));
      assertThat(text(copy)).isEqualTo(EmbeddingRows.MODEL);
      assertThat(copy.readInt()).isEqualTo(4);
      assertThat(copy.readInt()).isEqualTo(EmbeddingRows.DIMENSIONS);
      int length = copy.readInt();
      assertThat(copy.readByte()).isEqualTo((byte) 1);
      assertThat(new JsonObject(new String(copy.readNBytes(length - 1), StandardCharsets.UTF_8)))
          .isEqualTo(item.getJsonObject("metadata"));
    }
    assertThat(copy.readShort()).isEqualTo((short) -1);
    assertThat(copy.available()).isZero();
  }

  @Test
  void pgvectorColumnsGetPgvectorsBinaryForm() throws IOException {
    EmbeddingRows rows = EmbeddingRows.random(1, 2);
    DataInputStream copy = new DataInputStream(new ByteArrayInputStream(rows.copyBinary(UUID.randomUUID(), true)));
    copy.skipNBytes(11 + 4 + 4 + 2 + (4 + 16) + (4 + 6) + (4 + 16) + (4 + 4));

    assertThat(copy.readInt()).isEqualTo(4 + 4 * EmbeddingRows.DIMENSIONS);
    assertThat(copy.readShort()).isEqualTo((short) EmbeddingRows.DIMENSIONS);
    assertThat(copy.readShort()).isZero();
    assertThat(copy.readFloat()).isEqualTo(rows.json().toJsonObject().getJsonArray("items").getJsonObject(0)
        .getJsonArray("vector").getFloat(0));
  }

  private static UUID uuid(DataInputStream in) throws IOException {
    assertThat(in.readInt()).isEqualTo(16);
    return new UUID(in.readLong(), in.readLong());
  }

  private static String text(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
  }

  @Test
  void theCorpusIsTheSameEveryTime() {
    assertThat(TextEmbedding.corpus(2, 16, 7)).isEqualTo(TextEmbedding.corpus(2, 16, 7));
    assertThat(TextEmbedding.corpus(2, 16, 7)).allSatisfy(group -> assertThat(group).hasSize(16));
  }
}
