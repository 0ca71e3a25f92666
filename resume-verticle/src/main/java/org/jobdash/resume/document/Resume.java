package org.jobdash.resume.document;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.Rows;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A {@code resumes} row. {@code content} is null when it was not selected (listings). */
public record Resume(UUID id, UUID userId, String title, String originalFilename, String storageProvider,
                     String storageKey, Integer fileSize, String mimeType, String checksumSha256, String contentSource,
                     String processingStatus, String processingError, OffsetDateTime analysisRequestedAt,
                     int analysisAttempts, OffsetDateTime analysisCompletedAt, Double qualityScore, Double atsScore,
                     JsonArray skills, int currentVersion, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                     String content) {

  public boolean hasFile() {
    return storageKey != null;
  }

  /** The résumé as clients see it; {@code content} only when it was read. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("id", id.toString())
        .put("title", title)
        .put("contentSource", contentSource)
        .put("hasFile", hasFile())
        .put("originalFilename", originalFilename)
        .put("mimeType", mimeType)
        .put("fileSize", fileSize)
        .put("checksumSha256", checksumSha256)
        .put("storageProvider", storageProvider);
    analysisState(json)
        .put("skills", skills)
        .put("currentVersion", currentVersion)
        .put("createdAt", Rows.iso(createdAt))
        .put("updatedAt", Rows.iso(updatedAt));
    if (content != null) {
      json.put("content", content);
    }
    return json;
  }

  /** Where the analysis of the current text stands ({@code GET …/status}). */
  public JsonObject statusJson() {
    return analysisState(new JsonObject().put("resumeId", id.toString())).put("currentVersion", currentVersion);
  }

  private JsonObject analysisState(JsonObject json) {
    return json
        .put("processingStatus", processingStatus)
        .put("processingError", processingError)
        .put("analysisRequestedAt", Rows.iso(analysisRequestedAt))
        .put("analysisAttempts", analysisAttempts)
        .put("analysisCompletedAt", Rows.iso(analysisCompletedAt))
        .put("qualityScore", qualityScore)
        .put("atsScore", atsScore);
  }
}
