package org.jobdash.user;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.user.limit.Buckets;
import org.jobdash.user.limit.LocalBuckets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * What every instance of one user-service deployment shares, built once from its configuration section: the
 * settings and the bounded workers. Deploy it with {@code vertx.deployVerticle(UserDeployment.of(vertx, section),
 * options)}; each instance it supplies gets these through its constructor.
 */
public record UserDeployment(UserConfig config, BoundedWorker hashing, BoundedWorker jsonParsing, Buckets buckets)
    implements Supplier<UserVerticle> {

  private static final Logger log = LoggerFactory.getLogger(UserDeployment.class);

  /** A deployment whose rate limits hold in this process only. */
  public static UserDeployment of(Vertx vertx, JsonObject section) {
    return of(vertx, section, null);
  }

  /** @param buckets where the rate limits' buckets live (a cluster's shared store), or null: in this process */
  public static UserDeployment of(Vertx vertx, JsonObject section, Buckets buckets) {
    // the deployment may be given only some settings (a test, an embedder): the module's defaults hold the rest
    UserConfig config = UserConfig.from(UserConfig.SETTINGS.withDefaults(section));
    if ("none".equals(config.mail().mode())) {
      log.warn("user.mail.mode is none: this process sends no verification or reset mail (set SMTP_HOST, or "
          + "MAIL_MODE=smtp; another process may serve user.email.send)");
    }
    return new UserDeployment(config, new BoundedWorker(vertx, "argon2", config.passwords().threads(),
        config.passwords().queueSize(), 60), ServiceRouter.jsonParsing(vertx),
        buckets != null ? buckets : new LocalBuckets(config.rateLimits().longestPeriod(), 200_000));
  }

  @Override
  public UserVerticle get() {
    return new UserVerticle(this);
  }
}
