package org.jobdash.load.floor;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.jobdash.common.db.DatabaseConfig;
import org.jobdash.common.db.Pools;
import org.jobdash.user.account.User;
import org.jobdash.user.account.UserRepository;

import java.util.UUID;

/**
 * The floor of the authenticated read, run as its own JVM: one bare Vert.x route doing the single-row read of
 * {@code GET /api/v1/users/me} (the caller's row while the session is alive) and answering the same JSON, with
 * no token check, no problem mapping and no metrics. One instance per core on one shared pool, like the service.
 * Arguments: {@code <port> <database url> <pool size>}.
 */
public final class BareReadServer extends VerticleBase {

  /** The user service's own statement. */
  static final String READ = UserRepository.BY_ID_IN_SESSION;

  private final int port;
  private final DatabaseConfig database;
  private Pool pool;
  private PreparedQuery<RowSet<Row>> read;

  BareReadServer(int port, DatabaseConfig database) {
    this.port = port;
    this.database = database;
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    DatabaseConfig database = DatabaseConfig.from("database url",
        new JsonObject().put("url", args[1]).put("poolSize", Integer.parseInt(args[2])));
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(() -> new BareReadServer(port, database),
            new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors()))
        .onSuccess(id -> System.out.println("bare read server listening on 127.0.0.1:" + port))
        .onFailure(e -> {
          System.err.println("bare read server failed: " + e);
          vertx.close().onComplete(v -> System.exit(1));
        });
  }

  @Override
  public Future<?> start() {
    pool = Pools.pool(vertx, "floor-read", database);
    read = pool.preparedQuery(READ);
    Router router = Router.router(vertx);
    router.get("/ready").handler(ctx -> ctx.response().end("ok"));
    router.get("/users/:user/sessions/:session").handler(this::read);
    return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port).setTcpNoDelay(true)
            .setIdleTimeout(120))
        .requestHandler(router)
        .listen();
  }

  private void read(RoutingContext ctx) {
    UUID user = UUID.fromString(ctx.pathParam("user"));
    UUID session = UUID.fromString(ctx.pathParam("session"));
    read.execute(Tuple.of(user, session)).onComplete(ar -> {
      if (ar.failed()) {
        ctx.response().setStatusCode(500).end();
      } else if (ar.result().size() == 0) {
        ctx.response().setStatusCode(404).end();
      } else {
        ctx.response().putHeader("Content-Type", "application/json")
            .end(User.from(ar.result().iterator().next()).toJson().toBuffer());
      }
    });
  }

  @Override
  public Future<?> stop() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }
}
