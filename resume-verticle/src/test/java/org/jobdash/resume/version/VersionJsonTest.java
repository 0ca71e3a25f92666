package org.jobdash.resume.version;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.http.ApiException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionJsonTest {

  private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 2, 1, 30, 0, 250_000_000, ZoneOffset.ofHours(1));

  @Test
  void theSeedsChangeDocumentsReadAsChangesWithUtcInstants() {
    JsonArray seed = new JsonArray().add(new JsonObject().put("id", UUID.randomUUID().toString())
        .put("version_number", 3).put("section", "SKILLS").put("change_type", "added").put("old_value", null)
        .put("new_value", "HACCP").put("source", "ai").put("created_at", "2026-12-02T01:30:00.25+01:00"));

    List<VersionChange> changes = VersionRepository.seedChanges(seed);

    assertThat(changes).containsExactly(new VersionChange(3, "SKILLS", "added", null, "HACCP", "ai",
        OffsetDateTime.parse("2026-12-02T01:30:00.25+01:00")));
    assertThat(changes.get(0).toJson()).isEqualTo(new JsonObject().put("versionNumber", 3).put("section", "SKILLS")
        .put("changeType", "added").put("oldValue", null).put("newValue", "HACCP").put("source", "ai")
        .put("createdAt", "2026-12-02T00:30:00.250Z"));
    assertThat(VersionRepository.seedChanges(null)).isEmpty();
  }

  @Test
  void aComparisonCarriesTheCountsTheChangesAndItsDiff() {
    VersionChange change = new VersionChange(2, "EXPERIENCE", "modified", "a", "b", "user", AT);
    Comparison counts = new Comparison(1, 2, 0, 0, 1, 0, 3, AT.minusDays(1), AT, List.of(change), null);

    JsonObject json = counts.withUnifiedDiff("--- version 1\n+++ version 2").toJson();

    assertThat(json.fieldNames()).containsExactlyInAnyOrder("from", "to", "linesAdded", "linesRemoved",
        "linesChanged", "sizeDifference", "contentLengthDifference", "fromCreatedAt", "toCreatedAt", "changes",
        "unifiedDiff");
    assertThat(json.getInteger("linesChanged")).isEqualTo(1);
    assertThat(json.getString("fromCreatedAt")).isEqualTo("2026-12-01T00:30:00.250Z");
    assertThat(json.getJsonArray("changes")).containsExactly(change.toJson());
    assertThat(json.getString("unifiedDiff")).startsWith("--- version 1");
    assertThat(counts.unifiedDiff()).isNull();
  }

  @Test
  void aVersionAndItsSummaryKeepEveryFieldNullsIncluded() {
    UUID id = UUID.randomUUID();
    Version version = new Version(id, 2, null, null, null, null, "text", new JsonObject(), null, "restore", null, 1,
        AT, List.of());
    VersionSummary summary = new VersionSummary(id, 2, "CV", null, null, "user", "Edited", null,
        new JsonObject().put("summary", "Edited"), 1, 4, AT, true, null);

    JsonObject v = version.toJson();
    JsonObject s = summary.toJson();

    assertThat(v.fieldNames()).hasSize(14).contains("title", "filename", "fileSize", "checksumSha256");
    assertThat(v.getValue("title")).isNull();
    assertThat(v.getInteger("restoredFromVersion")).isEqualTo(1);
    assertThat(v.getJsonArray("changes")).isEmpty();
    assertThat(s.fieldNames()).hasSize(14).contains("restoredFromVersion", "optimizationNotes");
    assertThat(s.getBoolean("current")).isTrue();
    assertThat(s.getString("createdAt")).isEqualTo("2026-12-02T00:30:00.250Z");
  }

  @Test
  void aVersionNumberIsAPositiveIntegerOrNamesNoVersion() {
    assertThat(VersionRoutes.versionNumber("1")).isEqualTo(1);
    assertThat(VersionRoutes.versionNumber("999999999")).isEqualTo(999_999_999);
    for (String bad : new String[] {null, "", "0", "01", "-1", "1.0", "abc", "1234567890", "٣"}) {
      assertThatThrownBy(() -> VersionRoutes.versionNumber(bad)).as(String.valueOf(bad))
          .isInstanceOf(ApiException.NotFound.class);
    }
  }

  @Test
  void plannedChangesAreKeptWhileTheLockedResumeIsStillTheirBase() {
    SectionChanges.Planned planned = new SectionChanges.Planned(4, false,
        List.of(new SectionChange("content", SectionChange.MODIFIED, "a", "b")));

    // no worker: a plan made against the locked version needs no second computation
    assertThat(new SectionChanges(null).forLocked(planned, 4, "a", "b", null).result()).isSameAs(planned);
  }
}
