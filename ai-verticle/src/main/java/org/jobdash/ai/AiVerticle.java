package org.jobdash.ai;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.jobdash.common.db.DatabaseConfig;
import org.jobdash.common.db.Pools;
import org.jobdash.common.http.HttpSettings;
import org.jobdash.common.http.ServiceRouter;

/** Wires the ai service: pool, router and HTTP server. */
public final class AiVerticle extends VerticleBase {

  public static final String SERVICE = "ai";

  private Pool pool;

  @Override
  public Future<?> start() {
    JsonObject json = config();
    HttpSettings http = HttpSettings.from(json.getJsonObject("http", new JsonObject()), 8083);
    DatabaseConfig database = DatabaseConfig.from("ai.database.url (AI_SERVICE_DATABASE_URL)",
        json.getJsonObject("database", new JsonObject()));
    pool = Pools.pool(vertx, "ai-service", database);
    Router router = ServiceRouter.create(vertx, SERVICE,
        () -> pool.query("SELECT 1").execute().map(rows -> new JsonObject().put("database", "UP")),
        "openapi/ai-service.yaml");
    return vertx.createHttpServer(new HttpServerOptions().setHost(http.host()).setPort(http.port()).setTcpNoDelay(true))
        .requestHandler(router)
        .listen();
  }

  @Override
  public Future<?> stop() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }
}
