package org.jobdash.ai;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.OptimizationResult;
import org.jobdash.common.bus.OptimizeResume;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(BlockedThreadGuard.class)
class OptimizationTest {

  static final String COOK = """
      Sam Rivera

      Experience
      Line Cook, Harbor Grill
      - Responsible for managing the grill station during dinner service
      - Helped with inventory counts and ordering
      - Team player who is passionate about food

      Education
      Culinary certificate, City College

      Skills
      Knife skills, grill
      """;

  static final String KITCHEN_JOB = "Sous chef: menu development, food cost control, HACCP and ServSafe required, "
      + "inventory management, train line cooks.";

  static AiHarness h;

  @BeforeAll
  static void start() {
    h = AiHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static UUID template(AiHarness h, AiHarness.Caller me, String name) {
    TestClient.Response r = h.http.get("/api/v1/ai/templates", me.token());
    assertThat(r.status()).isEqualTo(200);
    return r.json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(t -> name.equals(t.getString("name"))).map(t -> UUID.fromString(t.getString("id")))
        .findFirst().orElseThrow();
  }

  private static List<JsonObject> changes(JsonObject result) {
    return result.getJsonArray("changes").stream().map(JsonObject.class::cast).toList();
  }

  @Test
  void aTemplateRewritesWeakOpenersDropsAvoidedPhrasesAndAddsTheJobsKeywords() {
    AiHarness.Caller me = h.caller();
    UUID culinary = template(h, me, "Hospitality - Culinary & Kitchen");
    JsonObject body = new JsonObject().put("resumeText", COOK).put("jobDescription", KITCHEN_JOB)
        .put("templateId", culinary.toString()).put("targetRole", "Sous Chef");
    TestClient.Response r = h.http.post("/api/v1/ai/optimize", body, me.token());

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String text = r.json().getString("optimizedContent");
    assertThat(text).contains("- Managed the grill station during dinner service")
        .doesNotContain("Responsible for").doesNotContain("Helped with").doesNotContain("passionate about food")
        .contains("Menu Development", "HACCP", "ServSafe").contains("- Team player\n");
    assertThat(text.indexOf("Skills")).isLessThan(text.indexOf("Education"));
    assertThat(changes(r.json())).extracting(c -> c.getString("changeType")).contains("modified");
    assertThat(changes(r.json())).anyMatch(c -> c.getString("reason").contains("ordered the sections"));
    assertThat(r.json().getDouble("scoreAfter")).isGreaterThan(r.json().getDouble("scoreBefore"));
    assertThat(r.json().getString("templateId")).isEqualTo(culinary.toString());
    assertThat(r.json().getString("model")).isEqualTo("local-template-optimizer");

    TestClient.Response again = h.http.post("/api/v1/ai/optimize", body, me.token());
    assertThat(again.json().getString("optimizedContent")).isEqualTo(text);

    UUID id = UUID.fromString(r.json().getString("optimizationId"));
    assertThat(h.count("SELECT count(*) FROM resume_optimizations WHERE id = $1 AND user_id = $2 AND template_id = $3 "
        + "AND target_role = 'Sous Chef' AND improvement > 0", id, me.id(), culinary)).isEqualTo(1);
    assertThat(h.count("SELECT count(*) FROM optimization_history WHERE optimization_id = $1 AND action = 'optimized' "
        + "AND changes_count = $2", id, r.json().getJsonArray("changes").size())).isEqualTo(1);
    assertThat(h.count("SELECT usage_count FROM optimization_templates WHERE id = $1", culinary)).isGreaterThanOrEqualTo(2);
    assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE user_id = $1 AND operation = 'optimization' "
        + "AND status = 'completed' AND NOT fallback_used", me.id())).isEqualTo(2);
  }

  @Test
  void storedPreferencesAndTheUserServiceSettingsAreHonoured() {
    AiHarness.Caller me = h.caller();
    UUID culinary = template(h, me, "Hospitality - Culinary & Kitchen");
    TestClient.Response saved = h.http.put("/api/v1/ai/preferences", new JsonObject()
        .put("preferredTemplateId", culinary.toString()).put("optimizationLevel", "light")
        .put("preserveSections", new JsonArray().add("experience")).put("tone", "concise"), me.token());
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(h.http.get("/api/v1/ai/preferences", me.token()).json().getString("optimizationLevel"))
        .isEqualTo("light");

    TestClient.Response r = h.http.post("/api/v1/ai/optimize", new JsonObject().put("resumeText", COOK)
        .put("jobDescription", KITCHEN_JOB), me.token());

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String text = r.json().getString("optimizedContent");
    assertThat(text).contains("- Responsible for managing the grill station").doesNotContain("HACCP");
    assertThat(r.json().getString("templateId")).isEqualTo(culinary.toString());
    assertThat(h.count("SELECT count(*) FROM user_optimization_preferences WHERE user_id = $1 "
        + "AND optimization_level = 'light'", me.id())).isEqualTo(1);
    EmbeddingsTest.assertProblem(h.http.put("/api/v1/ai/preferences", new JsonObject().put("tone", "shouty"),
        me.token()), 400);

    AiHarness.Caller formal = h.caller();
    MessageConsumer<JsonObject> userService = h.vertx.eventBus().consumer(Addresses.USER_PREFERENCES_GET,
        m -> m.reply(new JsonObject().put("userId", m.body().getString("userId")).put("preferences", new JsonObject()
            .put("aiOptimizationEnabled", true).put("aiPersonalization", new JsonObject().put("tone", "formal")
                .put("optimizationLevel", "light")))));
    userService.completion().await();
    try {
      TestClient.Response toned = h.http.post("/api/v1/ai/optimize", new JsonObject().put("resumeText",
          COOK + "- I'm quick and don't waste food\n").put("jobDescription", KITCHEN_JOB), formal.token());
      assertThat(toned.status()).as(toned.toString()).isEqualTo(201);
      assertThat(toned.json().getString("optimizedContent")).contains("I am quick and do not waste food")
          .doesNotContain("HACCP");
      assertThat(h.http.get("/api/v1/ai/preferences", formal.token()).json().getString("tone")).isEqualTo("formal");
    } finally {
      userService.unregister().await();
    }
  }

  @Test
  void theResumeServiceGetsItsOptimisationOverTheEventBusOncePerRequest() {
    AiHarness.Caller me = h.caller();
    UUID requestId = UUID.randomUUID();
    UUID resumeId = UUID.randomUUID();
    JsonObject request = new OptimizeResume(requestId, resumeId, me.id(), COOK, KITCHEN_JOB, null, "Sous Chef").toJson();

    OptimizationResult first = OptimizationResult.fromJson(h.vertx.eventBus().<JsonObject>request(
        Addresses.AI_RESUME_OPTIMIZE, request).await().body());
    OptimizationResult second = OptimizationResult.fromJson(h.vertx.eventBus().<JsonObject>request(
        Addresses.AI_RESUME_OPTIMIZE, request).await().body());

    assertThat(first.requestId()).isEqualTo(requestId);
    assertThat(first.optimizedContent()).doesNotContain("Responsible for");
    assertThat(first.scoreAfter()).isGreaterThan(first.scoreBefore());
    assertThat(second.optimizedContent()).isEqualTo(first.optimizedContent());
    assertThat(h.count("SELECT count(*) FROM resume_optimizations WHERE resume_id = $1 AND user_id = $2", resumeId,
        me.id())).isEqualTo(1);
    assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE request_id = $1", requestId)).isEqualTo(1);

    TestClient.Response history = h.http.get("/api/v1/ai/history", me.token());
    assertThat(history.json().getJsonArray("items")).hasSize(1);
    assertThat(history.json().getJsonArray("items").getJsonObject(0).getString("resumeId")).isEqualTo(resumeId.toString());
    assertThat(h.http.get("/api/v1/ai/history/stats", me.token()).json().getLong("totalEntries")).isEqualTo(1);
    JsonObject insights = h.http.get("/api/v1/ai/insights", me.token()).json();
    assertThat(insights.getInteger("total_optimizations")).isEqualTo(1);
    assertThat(insights.getDouble("avg_improvement")).isGreaterThan(0.0);
  }

  @Test
  void unknownTemplatesAre404AndTemplatesAreListed() {
    AiHarness.Caller me = h.caller();
    TestClient.Response list = h.http.get("/api/v1/ai/templates", me.token());
    assertThat(list.json().getJsonArray("items").size()).isGreaterThanOrEqualTo(13);
    UUID nursing = template(h, me, "Healthcare - Registered Nursing");
    TestClient.Response one = h.http.get("/api/v1/ai/templates/" + nursing, me.token());
    assertThat(one.json().getJsonObject("rules").getJsonArray("action_verbs")).contains("Administered");
    EmbeddingsTest.assertProblem(h.http.get("/api/v1/ai/templates/" + UUID.randomUUID(), me.token()), 404);
    EmbeddingsTest.assertProblem(h.http.post("/api/v1/ai/optimize", new JsonObject().put("resumeText", COOK)
        .put("templateId", UUID.randomUUID().toString()), me.token()), 404);
    assertThat(h.count("SELECT count(*) FROM resume_optimizations WHERE user_id = $1", me.id())).isZero();
  }
}
