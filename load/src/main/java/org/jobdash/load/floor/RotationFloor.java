package org.jobdash.load.floor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.jobdash.common.db.DatabaseConfig;
import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.db.Pools;
import org.jobdash.load.gen.Chains;
import org.jobdash.load.gen.Lane;
import org.jobdash.load.gen.Served;
import org.jobdash.load.gen.Workload;
import org.jobdash.load.http.PooledLane;
import org.jobdash.user.security.Secrets;
import org.jobdash.user.session.SessionRepository;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The floor of refresh rotation: the user service's own rotation statement with the same parameters, sent by a
 * bare vertx-pg-client pool at the same concurrency (no HTTP, no JSON, no signing). Each chain presents the hash
 * its previous rotation issued.
 */
public final class RotationFloor implements Workload {

  private static final String IP = "127.0.0.1";

  private final DatabaseUrl database;
  private final int connections;
  private final List<byte[]> heads;
  private final Duration refreshTtl;

  /** @param heads the token hashes the chains start from, seeded like sessions that just logged in */
  public RotationFloor(DatabaseUrl database, int connections, List<byte[]> heads, Duration refreshTtl) {
    this.database = database;
    this.connections = connections;
    this.heads = heads;
    this.refreshTtl = refreshTtl;
  }

  @Override
  public String description() {
    return "SessionRepository.ROTATE on a bare vertx-pg-client pool of " + connections;
  }

  @Override
  public int concurrency() {
    return connections;
  }

  @Override
  public Served served() {
    return Served.unmeasured("PostgreSQL");
  }

  @Override
  public Lane lane(Vertx vertx, int index, int lanes) {
    Pool pool = Pools.pool(vertx, "floor-rotation",
        new DatabaseConfig(database, connections, 100_000, 256, true, 5_000));
    PreparedQuery<RowSet<Row>> rotate = pool.preparedQuery(SessionRepository.ROTATE);
    Chains<byte[]> chains = new Chains<>(share(heads, index, lanes));
    return new Lane() {
      @Override
      public Future<String> send() {
        return chains.take().compose(presented -> {
          Secrets.Token next = Secrets.newToken();
          return rotate.execute(Tuple.of(presented, UUID.randomUUID(), next.hash(), refreshTtl.toSeconds(), IP,
                  PooledLane.USER_AGENT))
              .transform(ar -> {
                if (ar.succeeded() && ar.result().size() == 1 && ar.result().iterator().next().getBoolean("rotated")) {
                  chains.give(next.hash());
                  return Future.succeededFuture(OK);
                }
                chains.drop();
                return ar.failed() ? Future.failedFuture(ar.cause()) : Future.succeededFuture("not rotated");
              });
        });
      }

      @Override
      public Future<Void> close() {
        return pool.close();
      }
    };
  }

  /** Lane {@code index}'s share of {@code all}. */
  public static <T> List<T> share(List<T> all, int index, int lanes) {
    int from = all.size() * index / lanes;
    int to = all.size() * (index + 1) / lanes;
    return all.subList(from, to);
  }
}
