package org.jobdash.resume.version;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.jobdash.resume.Timestamps;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of the seed's {@code get_resume_version_history}. */
public record VersionSummary(UUID id, int versionNumber, String title, String filename, Integer fileSize,
                             String createdBy, String versionReason, String optimizationNotes, JsonObject contentChanges,
                             int changeCount, int contentLength, OffsetDateTime createdAt, boolean current,
                             Integer restoredFromVersion) {

  static VersionSummary from(Row r) {
    return new VersionSummary(r.getUUID("version_id"), r.getInteger("version_number"), r.getString("title"),
        r.getString("filename"), r.getInteger("file_size"), r.getString("created_by"), r.getString("version_reason"),
        r.getString("optimization_notes"),
        r.getValue("content_changes") instanceof JsonObject o ? o : new JsonObject(), r.getInteger("change_count"),
        r.getInteger("content_length"), r.getOffsetDateTime("created_at"), r.getBoolean("is_current"),
        r.getInteger("restored_from_version"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("versionNumber", versionNumber)
        .put("title", title)
        .put("filename", filename)
        .put("fileSize", fileSize)
        .put("createdBy", createdBy)
        .put("versionReason", versionReason)
        .put("optimizationNotes", optimizationNotes)
        .put("contentChanges", contentChanges)
        .put("changeCount", changeCount)
        .put("contentLength", contentLength)
        .put("createdAt", Timestamps.iso(createdAt))
        .put("current", current)
        .put("restoredFromVersion", restoredFromVersion);
  }
}
