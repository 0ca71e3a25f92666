package org.jobdash.launcher;

import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.AiDeployment;
import org.jobdash.resume.ResumeDeployment;
import org.jobdash.user.UserDeployment;

import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The services the launcher can run: their configuration section, database, and the deployment that builds their
 * shared parts once from the section and supplies their verticle instances.
 */
enum Service {
  USER("user", "user_service_db", "USER_SERVICE_DATABASE_URL",
      (vertx, section) -> UserDeployment.of(vertx, section, ClusterBuckets.of(vertx))),
  RESUME("resume", "resume_service_db", "RESUME_SERVICE_DATABASE_URL", ResumeDeployment::of),
  AI("ai", "ai_service_db", "AI_SERVICE_DATABASE_URL", AiDeployment::of);

  final String key;
  final String database;
  final String urlVariable;
  final BiFunction<Vertx, JsonObject, Supplier<? extends Deployable>> deployment;

  Service(String key, String database, String urlVariable,
          BiFunction<Vertx, JsonObject, Supplier<? extends Deployable>> deployment) {
    this.key = key;
    this.database = database;
    this.urlVariable = urlVariable;
    this.deployment = deployment;
  }

  static Service of(String name) {
    for (Service s : values()) {
      if (s.key.equals(name.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown service '" + name + "' (user, resume, ai, gateway)");
  }
}
