package org.jobdash.user.profile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;

/** The extended professional profile ({@code user_profiles}). */
public record Profile(String headline, String summary, JsonArray skills, JsonArray certifications,
                      JsonArray languages, JsonObject links, JsonArray workExperience, JsonArray projects,
                      JsonArray awards, JsonArray volunteer, String visibility, OffsetDateTime updatedAt) {

  public static final String COLUMNS = "headline, summary, skills, certifications, languages, links, work_experience, "
      + "projects, awards, volunteer, profile_visibility, updated_at";

  public static Profile empty() {
    return new Profile(null, null, new JsonArray(), new JsonArray(), new JsonArray(), new JsonObject(),
        new JsonArray(), new JsonArray(), new JsonArray(), new JsonArray(), "private", null);
  }

  public static Profile from(Row row) {
    return new Profile(row.getString("headline"), row.getString("summary"), array(row, "skills"),
        array(row, "certifications"), array(row, "languages"),
        row.getValue("links") instanceof JsonObject o ? o : new JsonObject(),
        array(row, "work_experience"), array(row, "projects"), array(row, "awards"), array(row, "volunteer"),
        row.getString("profile_visibility"), row.getOffsetDateTime("updated_at"));
  }

  private static JsonArray array(Row row, String column) {
    return row.getValue(column) instanceof JsonArray a ? a : new JsonArray();
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("headline", headline)
        .put("summary", summary)
        .put("skills", skills)
        .put("certifications", certifications)
        .put("languages", languages)
        .put("links", links)
        .put("workExperience", workExperience)
        .put("projects", projects)
        .put("awards", awards)
        .put("volunteer", volunteer)
        .put("visibility", visibility)
        .put("updatedAt", updatedAt == null ? null : updatedAt.toInstant().toString());
  }
}
