package org.jobdash.resume.document;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.jobdash.resume.Timestamps;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A {@code resumes} row. {@code content} is null when it was not selected (listings). */
public record Resume(UUID id, UUID userId, String title, String originalFilename, String storageProvider,
                     String storageKey, Integer fileSize, String mimeType, String checksumSha256, String contentSource,
                     String processingStatus, String processingError, OffsetDateTime analysisRequestedAt,
                     int analysisAttempts, OffsetDateTime analysisCompletedAt, Double qualityScore, Double atsScore,
                     JsonArray skills, int currentVersion, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                     String content) {

  /** Every column but the content. */
  public static final String SUMMARY_COLUMNS = "id, user_id, title, original_filename, storage_provider, storage_key, "
      + "file_size, mime_type, checksum_sha256, content_source, processing_status, processing_error, "
      + "analysis_requested_at, analysis_attempts, analysis_completed_at, quality_score, ats_score, skills, "
      + "current_version, created_at, updated_at";

  public static final String COLUMNS = SUMMARY_COLUMNS + ", content";

  public static Resume from(Row r) {
    return new Resume(r.getUUID("id"), r.getUUID("user_id"), r.getString("title"), r.getString("original_filename"),
        r.getString("storage_provider"), r.getString("storage_key"), r.getInteger("file_size"), r.getString("mime_type"),
        r.getString("checksum_sha256"), r.getString("content_source"), r.getString("processing_status"),
        r.getString("processing_error"), r.getOffsetDateTime("analysis_requested_at"), r.getInteger("analysis_attempts"),
        r.getOffsetDateTime("analysis_completed_at"), r.getDouble("quality_score"), r.getDouble("ats_score"),
        r.getValue("skills") instanceof JsonArray a ? a : new JsonArray(), r.getInteger("current_version"),
        r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"),
        r.getColumnIndex("content") >= 0 ? r.getString("content") : null);
  }

  public boolean hasFile() {
    return storageKey != null;
  }

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
        .put("storageProvider", storageProvider)
        .put("processingStatus", processingStatus)
        .put("processingError", processingError)
        .put("analysisRequestedAt", Timestamps.iso(analysisRequestedAt))
        .put("analysisAttempts", analysisAttempts)
        .put("analysisCompletedAt", Timestamps.iso(analysisCompletedAt))
        .put("qualityScore", qualityScore)
        .put("atsScore", atsScore)
        .put("skills", skills)
        .put("currentVersion", currentVersion)
        .put("createdAt", Timestamps.iso(createdAt))
        .put("updatedAt", Timestamps.iso(updatedAt));
    if (content != null) {
      json.put("content", content);
    }
    return json;
  }
}
