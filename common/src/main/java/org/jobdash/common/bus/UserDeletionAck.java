package org.jobdash.common.bus;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * {@code user.deletion.ack} (send, résumé and AI → user): {@code service} has purged the deleted user's data
 * ({@code removed} rows or résumés this time: 0 on a repeat); the user service stops re-publishing
 * {@code user.deleted} once every required service has said so.
 */
public record UserDeletionAck(UUID userId, String service, long removed) {

  public JsonObject toJson() {
    return Bus.message().put("userId", userId.toString()).put("service", service).put("removed", removed);
  }

  public static UserDeletionAck fromJson(JsonObject json) {
    String service = json.getString("service");
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("service is required");
    }
    return new UserDeletionAck(UUID.fromString(json.getString("userId")), service, json.getLong("removed", 0L));
  }
}
