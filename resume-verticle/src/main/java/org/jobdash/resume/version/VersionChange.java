package org.jobdash.resume.version;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;

/** A recorded change ({@code resume_version_changes}) with the number of the version that made it. */
public record VersionChange(int versionNumber, String section, String changeType, String oldValue, String newValue,
                            String source, OffsetDateTime createdAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("versionNumber", versionNumber)
        .put("section", section)
        .put("changeType", changeType)
        .put("oldValue", oldValue)
        .put("newValue", newValue)
        .put("source", source)
        .put("createdAt", Rows.iso(createdAt));
  }
}
