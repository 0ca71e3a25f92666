package org.jobdash.user;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.common.work.BoundedWorker;

import java.util.function.Supplier;

/**
 * What every instance of one user-service deployment shares, built once from its configuration section: the
 * settings and the bounded workers. Deploy it with {@code vertx.deployVerticle(UserDeployment.of(vertx, section),
 * options)}; each instance it supplies gets these through its constructor.
 */
public record UserDeployment(UserConfig config, BoundedWorker hashing, BoundedWorker jsonParsing)
    implements Supplier<UserVerticle> {

  public static UserDeployment of(Vertx vertx, JsonObject section) {
    // the deployment may be given only some settings (a test, an embedder): the module's defaults hold the rest
    UserConfig config = UserConfig.from(UserConfig.SETTINGS.withDefaults(section));
    return new UserDeployment(config, new BoundedWorker(vertx, "argon2", config.passwords().threads(),
        config.passwords().queueSize(), 60), ServiceRouter.jsonParsing(vertx));
  }

  @Override
  public UserVerticle get() {
    return new UserVerticle(this);
  }
}
