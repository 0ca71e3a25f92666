package org.jobdash.resume.version;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;
import java.util.List;

/** A row of the seed's {@code compare_resume_versions}, with the unified diff of the two texts. */
public record Comparison(int fromVersion, int toVersion, int linesAdded, int linesRemoved, int linesChanged,
                         int sizeDifference, int contentLengthDifference, OffsetDateTime fromCreatedAt,
                         OffsetDateTime toCreatedAt, List<VersionChange> changes, String unifiedDiff) {

  public Comparison withUnifiedDiff(String diff) {
    return new Comparison(fromVersion, toVersion, linesAdded, linesRemoved, linesChanged, sizeDifference,
        contentLengthDifference, fromCreatedAt, toCreatedAt, changes, diff);
  }

  public JsonObject toJson() {
    JsonArray changeList = new JsonArray();
    changes.forEach(c -> changeList.add(c.toJson()));
    return new JsonObject()
        .put("from", fromVersion)
        .put("to", toVersion)
        .put("linesAdded", linesAdded)
        .put("linesRemoved", linesRemoved)
        .put("linesChanged", linesChanged)
        .put("sizeDifference", sizeDifference)
        .put("contentLengthDifference", contentLengthDifference)
        .put("fromCreatedAt", Rows.iso(fromCreatedAt))
        .put("toCreatedAt", Rows.iso(toCreatedAt))
        .put("changes", changeList)
        .put("unifiedDiff", unifiedDiff);
  }
}
