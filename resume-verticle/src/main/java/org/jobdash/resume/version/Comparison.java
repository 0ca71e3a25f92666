package org.jobdash.resume.version;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.jobdash.resume.Timestamps;

import java.time.OffsetDateTime;

/** A row of the seed's {@code compare_resume_versions}, with the unified diff of the two texts. */
public record Comparison(int fromVersion, int toVersion, int linesAdded, int linesRemoved, int linesChanged,
                         int sizeDifference, int contentLengthDifference, OffsetDateTime fromCreatedAt,
                         OffsetDateTime toCreatedAt, JsonArray changes, String unifiedDiff) {

  static Comparison from(Row r, String unifiedDiff) {
    return new Comparison(r.getInteger("version1"), r.getInteger("version2"), r.getInteger("lines_added"),
        r.getInteger("lines_removed"), r.getInteger("lines_changed"), r.getInteger("size_difference"),
        r.getInteger("content_length_difference"), r.getOffsetDateTime("version1_created_at"),
        r.getOffsetDateTime("version2_created_at"),
        camelCase(r.getValue("changes") instanceof JsonArray a ? a : new JsonArray()), unifiedDiff);
  }

  public Comparison withUnifiedDiff(String diff) {
    return new Comparison(fromVersion, toVersion, linesAdded, linesRemoved, linesChanged, sizeDifference,
        contentLengthDifference, fromCreatedAt, toCreatedAt, changes, diff);
  }

  /** The seed's change documents use column names; the API speaks camelCase. */
  private static JsonArray camelCase(JsonArray seedChanges) {
    JsonArray out = new JsonArray();
    for (Object item : seedChanges) {
      JsonObject c = (JsonObject) item;
      out.add(new JsonObject()
          .put("versionNumber", c.getInteger("version_number"))
          .put("section", c.getString("section"))
          .put("changeType", c.getString("change_type"))
          .put("oldValue", c.getString("old_value"))
          .put("newValue", c.getString("new_value"))
          .put("source", c.getString("source"))
          .put("createdAt", c.getString("created_at")));
    }
    return out;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("from", fromVersion)
        .put("to", toVersion)
        .put("linesAdded", linesAdded)
        .put("linesRemoved", linesRemoved)
        .put("linesChanged", linesChanged)
        .put("sizeDifference", sizeDifference)
        .put("contentLengthDifference", contentLengthDifference)
        .put("fromCreatedAt", Timestamps.iso(fromCreatedAt))
        .put("toCreatedAt", Timestamps.iso(toCreatedAt))
        .put("changes", changes)
        .put("unifiedDiff", unifiedDiff);
  }
}
