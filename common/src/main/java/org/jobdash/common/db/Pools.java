package org.jobdash.common.db;

import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;

import java.util.concurrent.TimeUnit;

/**
 * Builds the reactive clients of a service. Pools are shared by name, so the N verticle instances of a
 * service use one pool instead of N.
 */
public final class Pools {

  private Pools() {}

  public static PgConnectOptions connectOptions(DatabaseConfig config) {
    DatabaseUrl url = config.url();
    PgConnectOptions options = new PgConnectOptions()
        .setHost(url.host())
        .setPort(url.port())
        .setDatabase(url.database())
        .setUser(url.user())
        .setPassword(url.password())
        .setCachePreparedStatements(config.cachePreparedStatements())
        .setPipeliningLimit(config.pipeliningLimit())
        .setReconnectAttempts(0);
    String sslmode = url.params().get("sslmode");
    if (sslmode != null) {
      options.setSslMode(SslMode.of(sslmode));
      if ("require".equals(sslmode)) {
        // libpq's "require" encrypts without verifying the server's certificate
        options.setSslOptions(new ClientSSLOptions().setTrustAll(true).setHostnameVerificationAlgorithm(""));
      }
    }
    options.getProperties().put("application_name", "jobdash-" + url.database());
    return options;
  }

  private static NetClientOptions netOptions(DatabaseConfig config) {
    return new NetClientOptions().setConnectTimeout(config.connectTimeoutMs()).setTcpNoDelay(true);
  }

  /** The shared transactional pool of a service. */
  public static Pool pool(Vertx vertx, String name, DatabaseConfig config) {
    PoolOptions poolOptions = new PoolOptions()
        .setName(name)
        .setShared(true)
        .setMaxSize(config.poolSize())
        .setMaxWaitQueueSize(config.maxWaitQueue())
        .setConnectionTimeout(config.connectTimeoutMs())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
        .setIdleTimeout(5)
        .setIdleTimeoutUnit(TimeUnit.MINUTES);
    return PgBuilder.pool().with(poolOptions).with(netOptions(config)).connectingTo(connectOptions(config)).using(vertx).build();
  }

  /**
   * A pipelining client for hot single-statement paths (a {@link Pool} does not pipeline). It cannot run
   * transactions.
   */
  public static SqlClient pipelined(Vertx vertx, String name, DatabaseConfig config, int connections) {
    PoolOptions poolOptions = new PoolOptions()
        .setName(name)
        .setShared(true)
        .setMaxSize(connections)
        .setMaxWaitQueueSize(config.maxWaitQueue())
        .setConnectionTimeout(config.connectTimeoutMs())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    return PgBuilder.client().with(poolOptions).with(netOptions(config)).connectingTo(connectOptions(config)).using(vertx).build();
  }
}
