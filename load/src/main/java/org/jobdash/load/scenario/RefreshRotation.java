package org.jobdash.load.scenario;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.jobdash.common.db.DatabaseConfig;
import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.db.Pools;
import org.jobdash.load.floor.RotationFloor;
import org.jobdash.load.gen.Chains;
import org.jobdash.load.gen.Lane;
import org.jobdash.load.gen.Workload;
import org.jobdash.load.http.Call;
import org.jobdash.load.http.Conversation;
import org.jobdash.user.security.Secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * 1. Refresh rotation: {@code POST /api/v1/auth/refresh} (JSON, ES256 signing, reuse detection) against the same
 * rotation statement on a bare pool, both at 64 connections. Each side rotates its own chains, seeded as fresh
 * sessions of the load accounts; a chain goes on with the token its last rotation returned.
 */
public final class RefreshRotation implements Scenario {

  static final int CONNECTIONS = 64;
  /** Far more chains than connections, so that requests wait for connections, never for chains. */
  private static final int CHAINS = 4096;

  private static final String SEED = """
      WITH s AS (
        INSERT INTO user_sessions (id, user_id, ip_address, user_agent, expires_at)
        SELECT x.sid, x.uid, '127.0.0.1'::inet, 'jobdash-load', now() + interval '1 day'
        FROM unnest($1::uuid[], $2::uuid[]) AS x(sid, uid)
        RETURNING id, user_id, expires_at
      )
      INSERT INTO refresh_tokens (user_id, session_id, token_hash, expires_at, ip_address, user_agent)
      SELECT s.user_id, s.id, x.hash, s.expires_at, '127.0.0.1'::inet, 'jobdash-load'
      FROM unnest($1::uuid[], $3::bytea[]) AS x(sid, hash) JOIN s ON s.id = x.sid""";

  @Override
  public int number() {
    return 1;
  }

  @Override
  public String title() {
    return "refresh rotation";
  }

  @Override
  public String unit() {
    return "rotations";
  }

  @Override
  public Goal goal() {
    return new Goal("≥ 0.5× the bare rotation statement, p99 ≤ 50 ms at 64 connections", 0.5, 50, false);
  }

  @Override
  public Workload service(Rig rig) throws Exception {
    List<Secrets.Token> heads = seed(rig, CHAINS);
    List<String> values = heads.stream().map(Secrets.Token::value).toList();
    return new HttpWorkload("POST /api/v1/auth/refresh", rig.system().user(), CONNECTIONS, false,
        rig.services(),
        (index, lanes) -> new Rotating(new Chains<>(RotationFloor.share(values, index, lanes))));
  }

  @Override
  public Workload floor(Rig rig) throws Exception {
    List<byte[]> heads = seed(rig, CHAINS).stream().map(Secrets.Token::hash).toList();
    return new RotationFloor(rig.system().userDb(), CONNECTIONS, heads, rig.userConfig().sessions().refreshTokenTtl());
  }

  /** New sessions of the load accounts, each with one unused refresh token, straight in the database. */
  private static List<Secrets.Token> seed(Rig rig, int count) throws Exception {
    List<UUID> users = rig.users().ids();
    UUID[] sessions = new UUID[count];
    UUID[] owners = new UUID[count];
    Buffer[] hashes = new Buffer[count];
    List<Secrets.Token> tokens = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Secrets.Token token = Secrets.newToken();
      tokens.add(token);
      sessions[i] = UUID.randomUUID();
      owners[i] = users.get(i % users.size());
      hashes[i] = Buffer.buffer(token.hash());
    }
    Vertx vertx = rig.generator().vertx();
    Pool pool = Pools.pool(vertx, "load-seed", seedConfig(rig.system().userDb()));
    try {
      pool.preparedQuery(SEED).execute(Tuple.of(sessions, owners, hashes)).await(1, TimeUnit.MINUTES);
      // fresh statistics, so that both sides' rotations are planned for the tables as they are now
      pool.query("ANALYZE user_sessions, refresh_tokens").execute().await(1, TimeUnit.MINUTES);
    } finally {
      pool.close().await(1, TimeUnit.MINUTES);
    }
    return tokens;
  }

  private static DatabaseConfig seedConfig(DatabaseUrl url) {
    return new DatabaseConfig(url, 1, 16, 1, false, 5_000);
  }

  /** One lane's chains over HTTP: presents a chain's token, goes on with the token in the answer. */
  private static final class Rotating implements Conversation {
    private final Chains<String> chains;

    Rotating(Chains<String> chains) {
      this.chains = chains;
    }

    @Override
    public Future<Call> next() {
      return chains.take().map(token -> Call.post("/api/v1/auth/refresh", null,
          new JsonObject().put("refreshToken", token).toBuffer(), 200));
    }

    @Override
    public String answered(Call call, int status, Buffer body) {
      String next = status == 200 ? body.toJsonObject().getString("refreshToken") : null;
      if (next == null) {
        chains.drop();
        return "HTTP " + status;
      }
      chains.give(next);
      return Lane.OK;
    }

    @Override
    public void failed(Call call) {
      chains.drop();
    }
  }
}
