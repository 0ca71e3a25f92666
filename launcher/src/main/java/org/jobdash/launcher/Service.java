package org.jobdash.launcher;

import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.AiConfig;
import org.jobdash.ai.AiDeployment;
import org.jobdash.common.config.ServiceSettings;
import org.jobdash.resume.ResumeConfig;
import org.jobdash.resume.ResumeDeployment;
import org.jobdash.user.UserConfig;
import org.jobdash.user.UserDeployment;

import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The services the launcher can run: their settings (section, defaults, variables), database, and the deployment
 * that builds their shared parts once from the section and supplies their verticle instances.
 */
enum Service {
  USER(UserConfig.SETTINGS, "user_service_db",
      (vertx, section) -> UserDeployment.of(vertx, section, ClusterBuckets.of(vertx))),
  RESUME(ResumeConfig.SETTINGS, "resume_service_db", ResumeDeployment::of),
  AI(AiConfig.SETTINGS, "ai_service_db", AiDeployment::of);

  final ServiceSettings settings;
  final String key;
  final String database;
  final BiFunction<Vertx, JsonObject, Supplier<? extends Deployable>> deployment;

  Service(ServiceSettings settings, String database,
          BiFunction<Vertx, JsonObject, Supplier<? extends Deployable>> deployment) {
    this.settings = settings;
    this.key = settings.section();
    this.database = database;
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
