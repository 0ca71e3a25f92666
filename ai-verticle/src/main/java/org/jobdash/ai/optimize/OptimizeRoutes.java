package org.jobdash.ai.optimize;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.ai.AiConfig;
import org.jobdash.ai.TextFields;
import org.jobdash.common.ai.Personalization;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.db.KeysetCursor;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.RequestDeadline;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.common.text.Text;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/v1/ai/optimize}, {@code /templates}, {@code /preferences}, {@code /history},
 * {@code /history/stats} and {@code /insights}.
 */
public final class OptimizeRoutes {

  private final OptimizationService service;
  private final OptimizeRepository repository;
  private final AiConfig.Limits limits;

  public OptimizeRoutes(OptimizationService service, OptimizeRepository repository, AiConfig.Limits limits) {
    this.service = service;
    this.repository = repository;
    this.limits = limits;
  }

  /** Mount behind the bearer check, which reads no body: see {@code AiVerticle}. */
  public void mount(Router router, Handler<RoutingContext> body, RequestContract contract) {
    router.post("/api/v1/ai/optimize").handler(body).handler(contract.validate("optimizeResume"))
        .handler(this::optimize);
    router.get("/api/v1/ai/templates").handler(contract.validate("listTemplates")).handler(this::templates);
    router.get("/api/v1/ai/templates/:id").handler(contract.validate("getTemplate")).handler(this::template);
    router.get("/api/v1/ai/preferences").handler(contract.validate("getOptimizationPreferences"))
        .handler(this::getPreferences);
    router.put("/api/v1/ai/preferences").handler(body).handler(contract.validate("replaceOptimizationPreferences"))
        .handler(this::putPreferences);
    router.get("/api/v1/ai/history").handler(contract.validate("listOptimizationHistory")).handler(this::history);
    router.get("/api/v1/ai/history/stats").handler(contract.validate("getOptimizationHistoryStats"))
        .handler(this::historyStats);
    router.get("/api/v1/ai/insights").handler(contract.validate("getOptimizationInsights")).handler(this::insights);
  }

  private void optimize(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    String resume = TextFields.text(in, "resumeText", limits.maxTextChars(), true);
    String job = TextFields.text(in, "jobDescription", limits.maxTextChars(), false);
    UUID templateId = in.optionalUuid("templateId");
    UUID resumeId = in.optionalUuid("resumeId");
    String targetRole = TextFields.string(in, "targetRole", 255);
    in.validate();
    service.optimize(new OptimizationService.Request(AuthUser.of(ctx).userId(), null, resumeId, resume, job,
            templateId, Text.blankToNull(targetRole)),
            RequestDeadline.of(ctx, limits.taskDeadline()))
        .onSuccess(outcome -> ServiceRouter.json(ctx, 201, outcome.toJson()))
        .onFailure(ctx::fail);
  }

  private void templates(RoutingContext ctx) {
    String category = ctx.request().getParam("category");
    service.templates().onSuccess(list -> {
      JsonArray items = new JsonArray();
      list.stream().filter(t -> category == null || category.equals(t.category())).forEach(t -> items.add(t.toJson()));
      ServiceRouter.json(ctx, 200, new JsonObject().put("items", items));
    }).onFailure(ctx::fail);
  }

  private void template(RoutingContext ctx) {
    service.template(JsonInput.pathUuid(ctx, "id"))
        .onSuccess(t -> {
          if (t.isEmpty()) {
            ctx.fail(new ApiException.NotFound("No such template"));
          } else {
            ServiceRouter.json(ctx, 200, t.get().toJson());
          }
        })
        .onFailure(ctx::fail);
  }

  private void getPreferences(RoutingContext ctx) {
    service.settings(AuthUser.of(ctx).userId())
        .onSuccess(s -> ServiceRouter.json(ctx, 200, s.toJson()))
        .onFailure(ctx::fail);
  }

  private void putPreferences(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    UUID template = in.optionalUuid("preferredTemplateId");
    String tone = in.optionalString("tone", 20);
    String level = in.optionalString("optimizationLevel", 20);
    List<String> focus = TextFields.stringList(in, "focusAreas", 20, 100);
    List<String> preserve = TextFields.stringList(in, "preserveSections", 20, 50);
    String industry = TextFields.string(in, "targetIndustry", 100);
    List<String> roles = TextFields.stringList(in, "targetRoles", 20, 100);
    List<String> keywords = TextFields.stringList(in, "customKeywords", 50, 100);
    if (tone != null && !Personalization.TONES.contains(tone)) {
      in.error("tone", "must be one of " + Personalization.TONES);
    }
    if (level != null && !Personalization.LEVELS.contains(level)) {
      in.error("optimizationLevel", "must be one of " + Personalization.LEVELS);
    }
    in.validate();
    Settings settings = new Settings(template, tone == null ? "professional" : tone, level == null ? "moderate" : level,
        orEmpty(focus), orEmpty(preserve), Text.blankToNull(industry),
        orEmpty(roles), orEmpty(keywords), true, true);
    service.saveSettings(AuthUser.of(ctx).userId(), settings)
        .onSuccess(s -> ServiceRouter.json(ctx, 200, s.toJson()))
        .onFailure(ctx::fail);
  }

  private void history(RoutingContext ctx) {
    int limit = JsonInput.queryInt(ctx, "limit", 20, 1, 100);
    repository.history(AuthUser.of(ctx).userId(), KeysetCursor.decode(ctx.request().getParam("cursor")), limit)
        .onSuccess(page -> ServiceRouter.json(ctx, 200, page.toJson(HistoryEntry::toJson)))
        .onFailure(ctx::fail);
  }

  private void historyStats(RoutingContext ctx) {
    int days = JsonInput.queryInt(ctx, "days", 30, 1, 3650);
    repository.historyStats(AuthUser.of(ctx).userId(), days)
        .onSuccess(stats -> ServiceRouter.json(ctx, 200, stats.toJson()))
        .onFailure(ctx::fail);
  }

  private void insights(RoutingContext ctx) {
    repository.insights(AuthUser.of(ctx).userId())
        .onSuccess(insights -> ServiceRouter.json(ctx, 200, insights.toJson()))
        .onFailure(ctx::fail);
  }

  private static List<String> orEmpty(List<String> list) {
    return list == null ? List.of() : list;
  }
}
