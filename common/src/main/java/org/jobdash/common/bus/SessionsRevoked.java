package org.jobdash.common.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code user.sessions.revoked} (publish, user → all): the tokens of these sessions are refused from now on, and,
 * for an account-wide revocation ({@code issuedBefore} set), every token of the user issued before that epoch
 * second. Kept until {@code until} (epoch second), past which every token it names has expired anyway.
 */
public record SessionsRevoked(UUID userId, List<UUID> sessionIds, Long issuedBefore, long until) {

  public SessionsRevoked {
    sessionIds = List.copyOf(sessionIds);
  }

  public JsonObject toJson() {
    JsonArray ids = new JsonArray();
    sessionIds.forEach(id -> ids.add(id.toString()));
    return Bus.message().put("userId", userId.toString()).put("sessionIds", ids).put("issuedBefore", issuedBefore)
        .put("until", until);
  }

  public static SessionsRevoked fromJson(JsonObject json) {
    List<UUID> ids = new ArrayList<>();
    for (Object id : json.getJsonArray("sessionIds", new JsonArray())) {
      ids.add(UUID.fromString(String.valueOf(id)));
    }
    Long until = json.getLong("until");
    if (until == null) {
      throw new IllegalArgumentException("until must be an epoch second");
    }
    return new SessionsRevoked(Bus.uuid(json, "userId"), ids, json.getLong("issuedBefore"), until);
  }
}
