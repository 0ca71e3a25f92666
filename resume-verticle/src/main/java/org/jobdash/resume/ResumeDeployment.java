package org.jobdash.resume;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.common.work.BoundedWorker;

import java.util.function.Supplier;

/**
 * What every instance of one résumé-service deployment shares, built once from its configuration section: the
 * settings and the bounded workers for files and JSON bodies. Deploy it with
 * {@code vertx.deployVerticle(ResumeDeployment.of(vertx, section), options)}.
 */
public record ResumeDeployment(ResumeConfig config, BoundedWorker files, BoundedWorker jsonParsing)
    implements Supplier<ResumeVerticle> {

  public static ResumeDeployment of(Vertx vertx, JsonObject section) {
    // the deployment may be given only some settings (a test, an embedder): the module's defaults hold the rest
    ResumeConfig config = ResumeConfig.from(ResumeConfig.SETTINGS.withDefaults(section));
    return new ResumeDeployment(config, new BoundedWorker(vertx, "resume-files", config.files().workerThreads(),
        config.files().workerQueue(), 60), ServiceRouter.jsonParsing(vertx));
  }

  @Override
  public ResumeVerticle get() {
    return new ResumeVerticle(this);
  }
}
