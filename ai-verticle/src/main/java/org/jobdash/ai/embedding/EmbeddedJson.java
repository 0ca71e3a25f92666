package org.jobdash.ai.embedding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.vertx.core.buffer.Buffer;
import org.jobdash.ai.model.MiniLm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the answer of {@code POST /api/v1/ai/embeddings} straight to a buffer. Each call returns up to
 * 64 × 384 floats, and the JDK's float-to-text conversion was a fifth of the endpoint's Java time: Jackson's fast
 * float writer (Schubfach) removes most of it.
 */
final class EmbeddedJson {

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .build();

  private EmbeddedJson() {}

  static Buffer write(EmbeddingService.Embedded result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + result.items().size() * MiniLm.DIMENSIONS * 12);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("sessionId", result.sessionId().toString());
      g.writeStringField("model", result.model());
      g.writeNumberField("dimensions", MiniLm.DIMENSIONS);
      g.writeNumberField("tokens", result.tokens());
      g.writeArrayFieldStart("items");
      for (EmbeddingService.Stored item : result.items()) {
        g.writeStartObject();
        g.writeStringField("id", item.id().toString());
        g.writeArrayFieldStart("vector");
        for (float x : item.vector()) {
          g.writeNumber(x);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(out.toByteArray());
  }
}
