package org.jobdash.resume.version;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.jobdash.resume.Timestamps;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One {@code resume_versions} row with its {@code resume_version_changes}. */
public record Version(UUID id, int versionNumber, String title, String filename, Integer fileSize,
                      String checksumSha256, String content, JsonObject contentChanges, String optimizationNotes,
                      String createdBy, String versionReason, Integer restoredFromVersion, OffsetDateTime createdAt,
                      List<Change> changes) {

  static final String COLUMNS = "v.id, v.version_number, v.title, v.filename, v.file_size, v.checksum_sha256, "
      + "v.content, v.content_changes, v.optimization_notes, v.created_by, v.version_reason, "
      + "v.restored_from_version, v.created_at";

  /** A recorded change of the version. */
  public record Change(String section, String changeType, String oldValue, String newValue, String source,
                       OffsetDateTime createdAt) {

    static Change from(Row r) {
      return new Change(r.getString("section"), r.getString("change_type"), r.getString("old_value"),
          r.getString("new_value"), r.getString("source"), r.getOffsetDateTime("created_at"));
    }

    JsonObject toJson() {
      return new JsonObject().put("section", section).put("changeType", changeType).put("oldValue", oldValue)
          .put("newValue", newValue).put("source", source).put("createdAt", Timestamps.iso(createdAt));
    }
  }

  static Version from(Row r, List<Change> changes) {
    return new Version(r.getUUID("id"), r.getInteger("version_number"), r.getString("title"), r.getString("filename"),
        r.getInteger("file_size"), r.getString("checksum_sha256"), r.getString("content"),
        r.getValue("content_changes") instanceof JsonObject o ? o : new JsonObject(), r.getString("optimization_notes"),
        r.getString("created_by"), r.getString("version_reason"), r.getInteger("restored_from_version"),
        r.getOffsetDateTime("created_at"), changes);
  }

  public JsonObject toJson() {
    JsonArray changeList = new JsonArray();
    changes.forEach(c -> changeList.add(c.toJson()));
    return new JsonObject()
        .put("id", id.toString())
        .put("versionNumber", versionNumber)
        .put("title", title)
        .put("filename", filename)
        .put("fileSize", fileSize)
        .put("checksumSha256", checksumSha256)
        .put("content", content)
        .put("contentChanges", contentChanges)
        .put("optimizationNotes", optimizationNotes)
        .put("createdBy", createdBy)
        .put("versionReason", versionReason)
        .put("restoredFromVersion", restoredFromVersion)
        .put("createdAt", Timestamps.iso(createdAt))
        .put("changes", changeList);
  }
}
