package org.jobdash.resume.optimization;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.OptimizationResult;
import org.jobdash.resume.version.SectionChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimizationRepliesTest {

  private static final UUID ID = UUID.randomUUID();

  private static JsonObject reply(UUID id, String content, double before, double after) {
    return new OptimizationResult(id, content, new JsonArray(), before, after, "template-v1", null, 42).toJson();
  }

  @Test
  void aReplyToTheRequestWithTextAndScoresIsAccepted() {
    OptimizationResult r = OptimizationReplies.accepted(ID, reply(ID, "New text", 0, 100), 100);

    assertThat(r.optimizedContent()).isEqualTo("New text");
    assertThat(r.scoreBefore()).isZero();
    assertThat(r.scoreAfter()).isEqualTo(100);
  }

  @Test
  void aReplyThatBreaksTheContractFailsWithTheReasonTheRowRecords() {
    assertThatThrownBy(() -> OptimizationReplies.accepted(ID, reply(UUID.randomUUID(), "x", 1, 2), 100))
        .hasMessageContaining("answered request");
    assertThatThrownBy(() -> OptimizationReplies.accepted(ID, reply(ID, "  ", 1, 2), 100))
        .hasMessage("the AI service returned no content");
    assertThatThrownBy(() -> OptimizationReplies.accepted(ID, reply(ID, "x".repeat(101), 1, 2), 100))
        .hasMessage("the AI service returned more text than a résumé may have");
    assertThatThrownBy(() -> OptimizationReplies.accepted(ID, reply(ID, "x", -1, 2), 100))
        .hasMessage("the AI service returned scores outside 0-100");
    assertThatThrownBy(() -> OptimizationReplies.accepted(ID, reply(ID, "x", 1, 100.5), 100))
        .hasMessage("the AI service returned scores outside 0-100");
    assertThatThrownBy(() -> OptimizationReplies.accepted(ID, new JsonObject().put("requestId", "nope"), 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the AI service's reply is malformed");
  }

  @Test
  void theListedChangesBecomeVersionChangesWithDefaultsForWhatIsMissing() {
    JsonArray listed = new JsonArray()
        .add(new JsonObject().put("section", " SKILLS ").put("changeType", "added").put("newValue", "HACCP"))
        .add("not an object")
        .add(new JsonObject().put("section", "  ").put("changeType", "rewrote").put("oldValue", 7))
        .add(new JsonObject().put("section", "S".repeat(150)).put("changeType", "removed").put("oldValue", "old"));

    List<SectionChange> changes = OptimizationReplies.versionChanges(listed);

    assertThat(changes).containsExactly(
        new SectionChange("SKILLS", SectionChange.ADDED, null, "HACCP"),
        new SectionChange("content", SectionChange.MODIFIED, null, null),
        new SectionChange("S".repeat(OptimizationReplies.MAX_SECTION), SectionChange.REMOVED, "old", null));
    assertThat(OptimizationReplies.versionChanges(null)).isEmpty();
  }

  @Test
  void textWithNulOrALoneSurrogateAnywhereCannotBeStored() {
    SectionChange clean = new SectionChange("SKILLS", SectionChange.ADDED, null, "HACCP");

    assertThat(OptimizationReplies.storable("New text", List.of(clean))).isTrue();
    assertThat(OptimizationReplies.storable("New\u0000text", List.of(clean))).isFalse();
    assertThat(OptimizationReplies.storable("New text",
        List.of(clean, new SectionChange("SKILLS", SectionChange.MODIFIED, "a\uD800", "b")))).isFalse();
  }

  @Test
  void aFailureRecordsItsMessageCutToTheColumnsLimit() {
    assertThat(OptimizationReplies.reason(new IllegalStateException("the model crashed")))
        .isEqualTo("the model crashed");
    assertThat(OptimizationReplies.reason(new IllegalStateException())).isEqualTo("java.lang.IllegalStateException");
    assertThat(OptimizationReplies.reason(new RuntimeException("x".repeat(5000))))
        .hasSize(OptimizationReplies.MAX_REASON);
  }

  @Test
  void anOpenRowIsStaleAfterTwiceTheTimeoutAndNeverWithinAMinute() {
    assertThat(OptimizationReplies.staleAfterSeconds(60_000)).isEqualTo(120);
    assertThat(OptimizationReplies.staleAfterSeconds(700)).isEqualTo(60);
  }

  @Test
  void anOptimisationTypeIsALowerCaseLetterThenLettersAndUnderscores() {
    assertThat(OptimizationRoutes.isTypeName("job_match")).isTrue();
    assertThat(OptimizationRoutes.isTypeName("general")).isTrue();
    for (String bad : new String[] {"", "_general", "Job", "job-match", "job match", "é"}) {
      assertThat(OptimizationRoutes.isTypeName(bad)).as(bad).isFalse();
    }
  }

  @Test
  void theSeedsFeedbackDocumentsReadAsFeedbackOfTheOptimisation() {
    UUID feedbackId = UUID.randomUUID();
    JsonArray seed = new JsonArray().add(new JsonObject().put("id", feedbackId.toString())
        .put("user_id", UUID.randomUUID().toString()).put("rating", 4).put("helpful", null).put("comment", "Clear")
        .put("created_at", "2026-12-02T01:00:00.5+01:00"));

    List<Feedback> feedback = OptimizationRepository.seedFeedback(ID, seed);

    assertThat(feedback).hasSize(1);
    assertThat(feedback.get(0).toJson()).isEqualTo(new JsonObject().put("id", feedbackId.toString())
        .put("optimizationId", ID.toString()).put("rating", 4).put("helpful", null).put("comment", "Clear")
        .put("createdAt", "2026-12-02T00:00:00.500Z"));
    assertThat(OptimizationRepository.seedFeedback(ID, null)).isEmpty();
  }
}
