package org.jobdash.common.bus;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** {@code user.deleted} (publish, user → all): purge this user's data; consumers are idempotent. */
public record UserDeleted(UUID userId, Instant deletedAt) {

  public JsonObject toJson() {
    return Bus.message().put("userId", userId.toString()).put("deletedAt", deletedAt.toString());
  }

  public static UserDeleted fromJson(JsonObject json) {
    String at = json.getString("deletedAt");
    return new UserDeleted(UUID.fromString(json.getString("userId")), at == null ? Instant.now() : Instant.parse(at));
  }
}
