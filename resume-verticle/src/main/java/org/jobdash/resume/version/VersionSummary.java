package org.jobdash.resume.version;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of the seed's {@code get_resume_version_history}: a version without its text. */
public record VersionSummary(UUID id, int versionNumber, String title, String filename, Integer fileSize,
                             String createdBy, String versionReason, String optimizationNotes, JsonObject contentChanges,
                             int changeCount, int contentLength, OffsetDateTime createdAt, boolean current,
                             Integer restoredFromVersion) {

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
        .put("createdAt", Rows.iso(createdAt))
        .put("current", current)
        .put("restoredFromVersion", restoredFromVersion);
  }
}
