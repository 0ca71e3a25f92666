package org.jobdash.resume.optimization;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user's rating of an optimisation ({@code optimization_feedback}); the owner needs no user id. */
public record Feedback(UUID id, UUID optimizationId, Integer rating, Boolean helpful, String comment,
                       OffsetDateTime createdAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("optimizationId", optimizationId.toString())
        .put("rating", rating)
        .put("helpful", helpful)
        .put("comment", comment)
        .put("createdAt", Rows.iso(createdAt));
  }
}
