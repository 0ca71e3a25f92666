package org.jobdash.user.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One row of {@code user_search_optimization}: a user found by an operator's search. */
public record UserSearchHit(UUID id, String email, String username, String fullName, String title, String location,
                            Integer yearsExperience, String subscriptionTier, Boolean emailVerified, Object skills,
                            List<String> desiredRoles, Integer profileCompleteness, OffsetDateTime createdAt) {

  static UserSearchHit from(Row r) {
    return new UserSearchHit(r.getUUID("id"), r.getString("email"), r.getString("username"),
        r.getString("full_name"), r.getString("title"), r.getString("location"), r.getInteger("years_experience"),
        r.getString("subscription_tier"), r.getBoolean("email_verified"), r.getValue("skills"),
        List.of(r.getArrayOfStrings("desired_roles")), r.getInteger("profile_completeness"),
        r.getOffsetDateTime("created_at"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("email", email)
        .put("username", username)
        .put("fullName", fullName)
        .put("title", title)
        .put("location", location)
        .put("yearsExperience", yearsExperience)
        .put("subscriptionTier", subscriptionTier)
        .put("emailVerified", emailVerified)
        .put("skills", skills)
        .put("desiredRoles", new JsonArray(desiredRoles))
        .put("profileCompleteness", profileCompleteness)
        .put("createdAt", Rows.iso(createdAt));
  }
}
