package org.jobdash.common.db;

import io.vertx.core.json.JsonObject;

/** How a service reaches its database: the URL and the pool's shape. */
public record DatabaseConfig(DatabaseUrl url, int poolSize, int maxWaitQueue, int pipeliningLimit,
                             boolean cachePreparedStatements, int connectTimeoutMs) {

  public static DatabaseConfig from(String source, JsonObject json) {
    return new DatabaseConfig(
        DatabaseUrl.parse(source, json.getString("url")),
        json.getInteger("poolSize", 16),
        json.getInteger("maxWaitQueue", 2048),
        json.getInteger("pipeliningLimit", 256),
        json.getBoolean("cachePreparedStatements", true),
        json.getInteger("connectTimeoutMs", 5000));
  }
}
