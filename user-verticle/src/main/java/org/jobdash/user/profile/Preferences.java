package org.jobdash.user.profile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** Job-search preferences and AI personalisation ({@code user_preferences}). */
public record Preferences(List<String> desiredRoles, List<String> preferredLocations, String remotePreference,
                          Integer salaryMin, Integer salaryMax, String salaryCurrency, List<String> jobTypes,
                          List<String> industries, List<String> companySizes, boolean willingToRelocate,
                          LocalDate availabilityDate, String careerLevel, JsonObject aiPersonalization,
                          boolean aiOptimizationEnabled, JsonObject notificationSettings, String jobAlertFrequency,
                          OffsetDateTime updatedAt) {

  public static final String COLUMNS = "desired_roles, preferred_locations, remote_preference, salary_min, salary_max, "
      + "salary_currency, job_types, industries, company_sizes, willing_to_relocate, availability_date, career_level, "
      + "ai_personalization, ai_optimization_enabled, notification_settings, job_alert_frequency, updated_at";

  public static Preferences defaults() {
    return new Preferences(List.of(), List.of(), "any", null, null, "USD", List.of(), List.of(), List.of(), false,
        null, null, new JsonObject(), true, new JsonObject(), null, null);
  }

  public static Preferences from(Row row) {
    return new Preferences(list(row, "desired_roles"), list(row, "preferred_locations"),
        row.getString("remote_preference"), row.getInteger("salary_min"), row.getInteger("salary_max"),
        row.getString("salary_currency"), list(row, "job_types"), list(row, "industries"),
        list(row, "company_sizes"), Boolean.TRUE.equals(row.getBoolean("willing_to_relocate")),
        row.getLocalDate("availability_date"), row.getString("career_level"),
        row.getValue("ai_personalization") instanceof JsonObject o ? o : new JsonObject(),
        !Boolean.FALSE.equals(row.getBoolean("ai_optimization_enabled")),
        row.getValue("notification_settings") instanceof JsonObject n ? n : new JsonObject(),
        row.getString("job_alert_frequency"), row.getOffsetDateTime("updated_at"));
  }

  private static List<String> list(Row row, String column) {
    String[] values = row.getArrayOfStrings(column);
    return values == null ? List.of() : Arrays.asList(values);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("desiredRoles", new JsonArray(desiredRoles))
        .put("preferredLocations", new JsonArray(preferredLocations))
        .put("remotePreference", remotePreference)
        .put("salaryMin", salaryMin)
        .put("salaryMax", salaryMax)
        .put("salaryCurrency", salaryCurrency == null ? null : salaryCurrency.strip())
        .put("jobTypes", new JsonArray(jobTypes))
        .put("industries", new JsonArray(industries))
        .put("companySizes", new JsonArray(companySizes))
        .put("willingToRelocate", willingToRelocate)
        .put("availabilityDate", availabilityDate == null ? null : availabilityDate.toString())
        .put("careerLevel", careerLevel)
        .put("aiPersonalization", aiPersonalization)
        .put("aiOptimizationEnabled", aiOptimizationEnabled)
        .put("notificationSettings", notificationSettings)
        .put("jobAlertFrequency", jobAlertFrequency)
        .put("updatedAt", updatedAt == null ? null : updatedAt.toInstant().toString());
  }
}
