package org.jobdash.launcher;

import io.vertx.core.Deployable;
import org.jobdash.ai.AiVerticle;
import org.jobdash.resume.ResumeVerticle;
import org.jobdash.user.UserVerticle;

import java.util.Locale;
import java.util.function.Supplier;

/** The services the launcher can run: their configuration section, database and verticle. */
enum Service {
  USER("user", "user_service_db", "USER_SERVICE_DATABASE_URL", UserVerticle::new),
  RESUME("resume", "resume_service_db", "RESUME_SERVICE_DATABASE_URL", ResumeVerticle::new),
  AI("ai", "ai_service_db", "AI_SERVICE_DATABASE_URL", AiVerticle::new);

  final String key;
  final String database;
  final String urlVariable;
  final Supplier<Deployable> verticle;

  Service(String key, String database, String urlVariable, Supplier<Deployable> verticle) {
    this.key = key;
    this.database = database;
    this.urlVariable = urlVariable;
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
