package org.jobdash.resume.analysis;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.ServiceRouter;

/** {@code GET /api/v1/resumes/{id}/analyses}: the stored analyses of a résumé and their summary. */
public final class AnalysisRoutes {

  private final AnalysisService analyses;

  public AnalysisRoutes(AnalysisService analyses) {
    this.analyses = analyses;
  }

  public void mount(Router router, RequestContract contract) {
    router.get("/api/v1/resumes/:id/analyses").handler(contract.validate("listResumeAnalyses")).handler(this::list);
  }

  private void list(RoutingContext ctx) {
    analyses.ofResume(AuthUser.of(ctx).userId(), JsonInput.pathUuid(ctx, "id"))
        .onSuccess(result -> ServiceRouter.json(ctx, 200, result.toJson()))
        .onFailure(ctx::fail);
  }
}
