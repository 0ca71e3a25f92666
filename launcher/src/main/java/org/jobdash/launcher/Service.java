package org.jobdash.launcher;

import io.vertx.core.Deployable;
import org.jobdash.ai.AiConfig;
import org.jobdash.ai.AiVerticle;
import org.jobdash.common.config.ServiceSettings;
import org.jobdash.resume.ResumeConfig;
import org.jobdash.resume.ResumeVerticle;
import org.jobdash.user.UserConfig;
import org.jobdash.user.UserVerticle;

import java.util.Locale;
import java.util.function.Supplier;

/** The services the launcher can run: their settings (section, defaults, variables), database and verticle. */
enum Service {
  USER(UserConfig.SETTINGS, "user_service_db", UserVerticle::new),
  RESUME(ResumeConfig.SETTINGS, "resume_service_db", ResumeVerticle::new),
  AI(AiConfig.SETTINGS, "ai_service_db", AiVerticle::new);

  final ServiceSettings settings;
  final String key;
  final String database;
  final Supplier<Deployable> verticle;

  Service(ServiceSettings settings, String database, Supplier<Deployable> verticle) {
    this.settings = settings;
    this.key = settings.section();
    this.database = database;
    this.verticle = verticle;
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
