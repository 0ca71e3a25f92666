package org.jobdash.load.system;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import org.jobdash.load.http.PooledLane;
import org.jobdash.load.http.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The accounts the scenarios act as: registered through the API once per run, logged in again on demand. */
public final class LoadUsers {

  public static final String PASSWORD = "load-test-passw0rd";

  /** One logged-in account. */
  public record User(UUID id, String username, UUID sessionId, String accessToken) {}

  private final Vertx vertx;
  private final Target target;
  private final List<String> usernames;
  private final List<UUID> ids;

  private LoadUsers(Vertx vertx, Target target, List<String> usernames, List<UUID> ids) {
    this.vertx = vertx;
    this.target = target;
    this.usernames = usernames;
    this.ids = ids;
  }

  /** Registers {@code count} new accounts (names unique to this run). */
  public static LoadUsers register(Vertx vertx, Target target, int count) throws TimeoutException {
    String run = Long.toString(System.currentTimeMillis(), 36);
    List<String> names = new ArrayList<>();
    WebClient client = WebClient.create(vertx);
    try {
      List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String username = "load" + run + "u" + i;
        names.add(username);
        calls.add(client.post(target.port(), target.host(), target.uri("/api/v1/auth/register"))
            .putHeader("User-Agent", PooledLane.USER_AGENT)
            .sendJsonObject(new JsonObject().put("email", username + "@load.jobdash.test").put("username", username)
                .put("password", PASSWORD).put("fullName", "Load User " + i))
            .compose(r -> r.statusCode() == 201 ? Future.succeededFuture(r)
                : Future.failedFuture("registration answered " + r.statusCode() + ": " + r.bodyAsString())));
      }
      Future.all(calls).await(2, TimeUnit.MINUTES);
      List<UUID> ids = calls.stream().map(f -> UUID.fromString(f.result().bodyAsJsonObject().getString("id"))).toList();
      return new LoadUsers(vertx, target, names, ids);
    } finally {
      client.close();
    }
  }

  public List<String> usernames() {
    return usernames;
  }

  public List<UUID> ids() {
    return ids;
  }

  /** Logs every account in (a new session each), for fresh access tokens. */
  public List<User> login() throws TimeoutException {
    WebClient client = WebClient.create(vertx);
    try {
      List<Future<User>> logins = new ArrayList<>();
      for (String username : usernames) {
        logins.add(client.post(target.port(), target.host(), target.uri("/api/v1/auth/login"))
            .putHeader("User-Agent", PooledLane.USER_AGENT)
            .sendJsonObject(new JsonObject().put("login", username).put("password", PASSWORD))
            .compose(r -> {
              if (r.statusCode() != 200) {
                return Future.failedFuture("login answered " + r.statusCode() + ": " + r.bodyAsString());
              }
              JsonObject body = r.bodyAsJsonObject();
              return Future.succeededFuture(new User(UUID.fromString(body.getJsonObject("user").getString("id")),
                  username, UUID.fromString(body.getString("sessionId")), body.getString("accessToken")));
            }));
      }
      Future.all(logins).await(2, TimeUnit.MINUTES);
      return logins.stream().map(Future::result).toList();
    } finally {
      client.close();
    }
  }
}
