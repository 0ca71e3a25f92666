package org.jobdash.ai.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.db.KeysetCursor;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.ServiceRouter;

import java.util.List;
import java.util.UUID;

/** {@code /api/v1/ai/sessions}, {@code /sessions/stats}, {@code /models} and {@code /models/{id}/performance}. */
public final class SessionRoutes {

  static final List<String> OPERATIONS = List.of("embedding", "job_match", "skill_analysis", "content_analysis",
      "optimization", "resume_analysis", "search");

  private final SessionRepository sessions;
  private final ModelRepository models;

  public SessionRoutes(SessionRepository sessions, ModelRepository models) {
    this.sessions = sessions;
    this.models = models;
  }

  /** Mount behind the bearer check: see {@code AiVerticle}. */
  public void mount(Router router, RequestContract contract) {
    router.get("/api/v1/ai/sessions").handler(contract.validate("listSessions")).handler(this::list);
    router.get("/api/v1/ai/sessions/stats").handler(contract.validate("getSessionStats")).handler(this::stats);
    router.get("/api/v1/ai/models").handler(contract.validate("listModels")).handler(this::models);
    router.get("/api/v1/ai/models/:id/performance").handler(contract.validate("getModelPerformance"))
        .handler(this::performance);
  }

  private void list(RoutingContext ctx) {
    int limit = JsonInput.queryInt(ctx, "limit", 20, 1, 100);
    String operation = ctx.request().getParam("operation");
    if (operation != null && !OPERATIONS.contains(operation)) {
      throw ApiException.Invalid.field("operation", "must be one of " + OPERATIONS);
    }
    sessions.page(AuthUser.of(ctx).userId(), KeysetCursor.decode(ctx.request().getParam("cursor")), operation, limit)
        .onSuccess(page -> ServiceRouter.json(ctx, 200, page.toJson(SessionRow::toJson)))
        .onFailure(ctx::fail);
  }

  private void stats(RoutingContext ctx) {
    sessions.stats(AuthUser.of(ctx).userId())
        .onSuccess(rows -> ServiceRouter.json(ctx, 200, new JsonObject().put("operations",
            new JsonArray(rows.stream().map(OperationStats::toJson).toList()))))
        .onFailure(ctx::fail);
  }

  private void models(RoutingContext ctx) {
    models.models()
        .onSuccess(rows -> ServiceRouter.json(ctx, 200, new JsonObject().put("items",
            new JsonArray(rows.stream().map(ModelRow::toJson).toList()))))
        .onFailure(ctx::fail);
  }

  private void performance(RoutingContext ctx) {
    UUID id = JsonInput.pathUuid(ctx, "id");
    int days = JsonInput.queryInt(ctx, "days", 30, 1, 3650);
    models.performance(id, days)
        .onSuccess(found -> {
          if (found.isEmpty()) {
            ctx.fail(new ApiException.NotFound("No such model"));
          } else {
            ServiceRouter.json(ctx, 200, new JsonObject().put("modelId", id.toString()).put("days", days)
                .put("items", new JsonArray(found.get().stream().map(ModelDay::toJson).toList())));
          }
        })
        .onFailure(ctx::fail);
  }
}
