package org.jobdash.user.account;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A row of {@code users}. {@link #toJson()} is the public view: never the hash, never the lockout counters. */
public record User(
    UUID id, String email, String username, String passwordHash, String firstName, String lastName,
    String fullName, String title, Integer yearsExperience, Object education, String phone, String location,
    String linkedinUrl, String githubUrl, String portfolioUrl, String bio, String subscriptionTier,
    OffsetDateTime subscriptionExpiresAt, boolean emailVerified, boolean active, List<String> roles,
    int failedLoginAttempts, OffsetDateTime lockedUntil, OffsetDateTime lastLoginAt, OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** The columns {@link #from(Row)} reads, in SQL. */
  public static final String COLUMNS = "id, email, username, password_hash, first_name, last_name, full_name, title, "
      + "years_experience, education, phone, location, linkedin_url, github_url, portfolio_url, bio, "
      + "subscription_tier, subscription_expires_at, email_verified, is_active, roles, failed_login_attempts, "
      + "locked_until, last_login_at, created_at, updated_at";

  public static User from(Row row) {
    String[] roles = row.getArrayOfStrings("roles");
    return new User(
        row.getUUID("id"), row.getString("email"), row.getString("username"), row.getString("password_hash"),
        row.getString("first_name"), row.getString("last_name"), row.getString("full_name"), row.getString("title"),
        row.getInteger("years_experience"), row.getValue("education"), row.getString("phone"),
        row.getString("location"), row.getString("linkedin_url"), row.getString("github_url"),
        row.getString("portfolio_url"), row.getString("bio"), row.getString("subscription_tier"),
        row.getOffsetDateTime("subscription_expires_at"), row.getBoolean("email_verified"),
        row.getBoolean("is_active"), roles == null ? List.of() : Arrays.asList(roles),
        row.getInteger("failed_login_attempts"), row.getOffsetDateTime("locked_until"),
        row.getOffsetDateTime("last_login_at"), row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("updated_at"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("email", email)
        .put("username", username)
        .put("firstName", firstName)
        .put("lastName", lastName)
        .put("fullName", fullName)
        .put("title", title)
        .put("yearsExperience", yearsExperience)
        .put("education", education == null ? new JsonArray() : education)
        .put("phone", phone)
        .put("location", location)
        .put("linkedinUrl", linkedinUrl)
        .put("githubUrl", githubUrl)
        .put("portfolioUrl", portfolioUrl)
        .put("bio", bio)
        .put("subscriptionTier", subscriptionTier)
        .put("subscriptionExpiresAt", ts(subscriptionExpiresAt))
        .put("emailVerified", emailVerified)
        .put("active", active)
        .put("roles", new JsonArray(roles))
        .put("lastLoginAt", ts(lastLoginAt))
        .put("createdAt", ts(createdAt))
        .put("updatedAt", ts(updatedAt));
  }

  static String ts(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
