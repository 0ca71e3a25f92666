package org.jobdash.ai.session;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.http.ServiceRouter;

import java.util.Set;

/** {@code /api/v1/ai/sessions}, {@code /sessions/stats}, {@code /models} and {@code /models/{id}/performance}. */
public final class SessionRoutes {

  static final Set<String> OPERATIONS = Set.of("embedding", "job_match", "skill_analysis", "content_analysis",
      "optimization", "resume_analysis", "search");

  private final SessionRepository sessions;

  public SessionRoutes(SessionRepository sessions) {
    this.sessions = sessions;
  }

  /** Mount behind the bearer check: see {@code AiVerticle}. */
  public void mount(Router router) {
    router.get("/api/v1/ai/sessions").handler(this::list);
    router.get("/api/v1/ai/sessions/stats").handler(this::stats);
    router.get("/api/v1/ai/models").handler(this::models);
    router.get("/api/v1/ai/models/:id/performance").handler(this::performance);
  }

  private void list(RoutingContext ctx) {
    int limit = JsonInput.queryInt(ctx, "limit", 20, 1, 100);
    String operation = ctx.request().getParam("operation");
    if (operation != null && !OPERATIONS.contains(operation)) {
      throw ApiException.Invalid.field("operation", "must be one of " + OPERATIONS);
    }
    sessions.page(AuthUser.of(ctx).userId(), Cursor.from(ctx), operation, limit)
        .onSuccess(page -> ServiceRouter.json(ctx, 200, page))
        .onFailure(ctx::fail);
  }

  private void stats(RoutingContext ctx) {
    sessions.stats(AuthUser.of(ctx).userId())
        .onSuccess(rows -> ServiceRouter.json(ctx, 200, new JsonObject().put("operations", rows)))
        .onFailure(ctx::fail);
  }

  private void models(RoutingContext ctx) {
    sessions.models()
        .onSuccess(rows -> ServiceRouter.json(ctx, 200, new JsonObject().put("items", rows)))
        .onFailure(ctx::fail);
  }

  private void performance(RoutingContext ctx) {
    var id = JsonInput.pathUuid(ctx, "id");
    int days = JsonInput.queryInt(ctx, "days", 30, 1, 3650);
    sessions.performance(id, days)
        .onSuccess(rows -> {
          if (rows == null) {
            ctx.fail(new ApiException.NotFound("No such model"));
          } else {
            ServiceRouter.json(ctx, 200, new JsonObject().put("modelId", id.toString())
                .put("days", days).put("items", rows));
          }
        })
        .onFailure(ctx::fail);
  }
}
