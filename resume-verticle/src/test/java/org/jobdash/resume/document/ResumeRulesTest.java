package org.jobdash.resume.document;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.http.ApiException;
import org.jobdash.resume.storage.StorageRepository;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ResumeRulesTest {

  private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 2, 2, 0, 0, 0, ZoneOffset.ofHours(2));

  private static Resume resume(String storageKey, String content) {
    return new Resume(UUID.randomUUID(), UUID.randomUUID(), "CV", storageKey == null ? null : "cv.pdf",
        storageKey == null ? null : "local", storageKey, storageKey == null ? null : 1200,
        storageKey == null ? null : "application/pdf", null, storageKey == null ? "text" : "upload", "pending", null,
        AT, 1, null, null, null, new JsonArray(), 1, AT, AT, content);
  }

  @Test
  void aTitleFilterMatchesItsTextLiterallyLowerCased() {
    assertThat(ResumeRepository.containsPattern("Backend 100%")).isEqualTo("backend 100\\%");
    assertThat(ResumeRepository.containsPattern("d_d")).isEqualTo("d\\_d");
    assertThat(ResumeRepository.containsPattern("a\\b")).isEqualTo("a\\\\b");
    assertThat(ResumeRepository.containsPattern(null)).isNull();
  }

  @Test
  void anUploadIsNamedByItsTitleElseItsFileNameWithoutExtension() {
    assertThat(ResumeService.titleFor(upload("  My CV ", "cv.pdf"))).isEqualTo("My CV");
    assertThat(ResumeService.titleFor(upload(" ", "Ada Okafor CV.final.docx"))).isEqualTo("Ada Okafor CV.final");
    assertThat(ResumeService.titleFor(upload(null, ".profile"))).isEqualTo(".profile");
    assertThat(ResumeService.titleFor(upload(null, null))).isEqualTo("Untitled résumé");
    assertThat(ResumeService.titleFor(upload(null, " .pdf"))).isEqualTo(".pdf");
  }

  private static ResumeService.Upload upload(String title, String fileName) {
    return new ResumeService.Upload(Path.of("/tmp/upload"), fileName, 10, title);
  }

  @Test
  void aRefusedUploadIsExplainedByTheRuleItBroke() {
    ApiException noProvider = ResumeService.refusal(Optional.empty(), 10, "application/pdf");
    ApiException quota = ResumeService.refusal(Optional.of(new StorageRepository.Quota(1000L, 995)), 10,
        "application/pdf");
    ApiException type = ResumeService.refusal(Optional.of(new StorageRepository.Quota(null, 0)), 10, "text/plain");

    assertThat(noProvider.status()).isEqualTo(503);
    assertThat(quota.status()).isEqualTo(413);
    assertThat(quota.detail()).contains("995 of 1000 bytes");
    assertThat(type.status()).isEqualTo(415);
    assertThat(type.type()).isEqualTo("unsupported-media-type");
  }

  @Test
  void aResumeShowsEveryFieldAndItsContentOnlyWhenItWasRead() {
    JsonObject listed = resume(null, null).toJson();
    JsonObject read = resume("users/" + UUID.randomUUID() + "/" + UUID.randomUUID(), "Ada Okafor").toJson();

    assertThat(listed.fieldNames()).hasSize(20).doesNotContain("content").contains("originalFilename", "qualityScore");
    assertThat(listed.getBoolean("hasFile")).isFalse();
    assertThat(listed.getValue("analysisCompletedAt")).isNull();
    assertThat(listed.getString("createdAt")).isEqualTo("2026-12-02T00:00:00Z");
    assertThat(read.getBoolean("hasFile")).isTrue();
    assertThat(read.getString("content")).isEqualTo("Ada Okafor");
    assertThat(read.getValue("storageKey")).as("the key stays inside").isNull();
  }

  @Test
  void theStatusIsTheAnalysisStateOfTheCurrentText() {
    Resume r = resume(null, "text");

    assertThat(r.statusJson()).isEqualTo(new JsonObject().put("resumeId", r.id().toString())
        .put("processingStatus", "pending").put("processingError", null)
        .put("analysisRequestedAt", "2026-12-02T00:00:00Z").put("analysisAttempts", 1)
        .put("analysisCompletedAt", null).put("qualityScore", null).put("atsScore", null).put("currentVersion", 1));
  }
}
