package org.jobdash.ai.embedding;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** One vector to store, with where it came from. */
public record NewEmbedding(String sourceType, UUID sourceId, int chunkIndex, String contentText, String contentHash,
                           float[] vector, JsonObject metadata) {}
