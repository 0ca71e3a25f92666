package org.jobdash.resume.version;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One {@code resume_versions} row with its {@code resume_version_changes}. */
public record Version(UUID id, int versionNumber, String title, String filename, Integer fileSize,
                      String checksumSha256, String content, JsonObject contentChanges, String optimizationNotes,
                      String createdBy, String versionReason, Integer restoredFromVersion, OffsetDateTime createdAt,
                      List<VersionChange> changes) {

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
        .put("createdAt", Rows.iso(createdAt))
        .put("changes", changeList);
  }
}
