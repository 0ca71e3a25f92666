package org.jobdash.resume.stats;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.ServiceRouter;

/** {@code GET /api/v1/resumes/stats}: the caller's résumé, version, optimisation, analysis and storage figures. */
public final class StatsRoutes {

  private final StatsRepository stats;

  public StatsRoutes(StatsRepository stats) {
    this.stats = stats;
  }

  /** Mount before {@code /api/v1/resumes/{id}}, which would otherwise take "stats" for an id. */
  public void mount(Router router, RequestContract contract) {
    router.get("/api/v1/resumes/stats").handler(contract.validate("getResumeStatistics")).handler(this::stats);
  }

  private void stats(RoutingContext ctx) {
    stats.of(AuthUser.of(ctx).userId())
        .onSuccess(stats -> ServiceRouter.json(ctx, 200, stats.toJson()))
        .onFailure(ctx::fail);
  }
}
