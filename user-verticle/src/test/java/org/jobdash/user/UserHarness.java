package org.jobdash.user;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import org.jobdash.common.auth.NativeCrypto;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.SessionsRevoked;
import org.jobdash.common.config.ConfigLoader;
import org.jobdash.common.db.DatabaseConfig;
import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.db.Pools;
import org.jobdash.common.testing.PostgresFixture;
import org.jobdash.common.testing.TestClient;
import org.jobdash.common.testing.Waits;
import org.jobdash.common.auth.Es256Keys;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real user service, deployed on a free port against a fresh migrated database, with the mails it sends
 * captured from the event bus and a pool for checking database state.
 */
final class UserHarness implements AutoCloseable {

  static final String ADMIN_EMAIL_DOMAIN = "@admins.test";
  private static final java.util.Random RANDOM = new java.util.Random();

  final Vertx vertx;
  final TestClient http;
  final DatabaseUrl database;
  final Pool db;
  final Es256Keys keys;
  final LinkedBlockingQueue<JsonObject> mails = new LinkedBlockingQueue<>();
  final LinkedBlockingQueue<JsonObject> deletions = new LinkedBlockingQueue<>();
  final LinkedBlockingQueue<JsonObject> revocations = new LinkedBlockingQueue<>();

  private UserHarness(Vertx vertx, TestClient http, DatabaseUrl database, Pool db, Es256Keys keys) {
    this.vertx = vertx;
    this.http = http;
    this.database = database;
    this.db = db;
    this.keys = keys;
  }

  static UserHarness start(String... admins) {
    return start(new JsonObject(), admins);
  }

  /**
   * @param overrides settings merged over the harness's own; the rate limits are off unless these turn them on
   *                  (each test class registers many accounts from one address)
   */
  static UserHarness start(JsonObject overrides, String... admins) {
    try {
      DatabaseUrl url = PostgresFixture.migratedDatabase("user");
      Es256Keys keys = Es256Keys.generate();
      int port = TestClient.freePort();
      JsonObject config = new JsonObject()
          .put("http", new JsonObject().put("host", "127.0.0.1").put("port", port)
              .put("trustedProxies", new JsonArray().add("127.0.0.1")))
          .put("database", new JsonObject().put("url", url.toUrl()).put("poolSize", 8))
          .put("jwt", new JsonObject().put("privateKeyPem", keys.privateKeyPem()).put("publicKeyPem", keys.publicKeyPem()))
          .put("passwords", new JsonObject().put("threads", 2))
          .put("mail", new JsonObject().put("mode", "none"))
          .put("bootstrapAdmins", new JsonArray(List.of(admins)))
          .put("deletion", new JsonObject().put("republishSeconds", 2))
          .put("rateLimits", new JsonObject().put("enabled", false));
      ConfigLoader.deepMerge(config, overrides);
      // a test that must know the address beforehand (a provider's callback) gives the port itself
      port = config.getJsonObject("http").getInteger("port");
      // the launcher installs it for the whole JVM; a deployment of one service alone is served the same way
      NativeCrypto.install();
      Vertx vertx = Vertx.vertx();
      UserHarness harness = new UserHarness(vertx, new TestClient(vertx, port), url,
          Pools.pool(vertx, "user-test-" + port, DatabaseConfig.from("test", new JsonObject().put("url", url.toUrl()))),
          keys);
      MessageConsumer<JsonObject> mail = vertx.eventBus().consumer(Addresses.USER_EMAIL_SEND,
          m -> harness.mails.add(m.body()));
      MessageConsumer<JsonObject> deleted = vertx.eventBus().consumer(Addresses.USER_DELETED,
          m -> harness.deletions.add(m.body()));
      MessageConsumer<JsonObject> revoked = vertx.eventBus().consumer(Addresses.USER_SESSIONS_REVOKED,
          m -> harness.revocations.add(m.body()));
      revoked.completion().await();
      mail.completion().await();
      deleted.completion().await();
      vertx.deployVerticle(UserDeployment.of(vertx, config), new DeploymentOptions().setInstances(2)).await();
      return harness;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A registered account with its password. */
  record Account(UUID id, String email, String username, String password) {}

  /** A logged-in account. */
  record Login(Account account, String accessToken, String refreshToken, UUID sessionId) {}

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  Account register() {
    return register(unique("u") + "@example.com");
  }

  Account register(String email) {
    String username = unique("user_");
    String password = "Sturdy-" + UUID.randomUUID();
    // each from an address of its own, so that registering does not use up a rate limit a test turned on
    TestClient.Response r = http.send(HttpMethod.POST, "/api/v1/auth/register", null, new JsonObject()
        .put("email", email).put("username", username).put("password", password).put("fullName", "Test Person"),
        Map.of("X-Forwarded-For", "198.18." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256)));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return new Account(UUID.fromString(r.json().getString("id")), email, username, password);
  }

  Login login(Account account) {
    TestClient.Response r = http.post("/api/v1/auth/login",
        new JsonObject().put("login", account.email()).put("password", account.password()), null);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonObject body = r.json();
    return new Login(account, body.getString("accessToken"), body.getString("refreshToken"),
        UUID.fromString(body.getString("sessionId")));
  }

  Login registerAndLogin() {
    return login(register());
  }

  /** Verifies the account's address with the token its registration mailed (a bootstrap admin becomes one). */
  Account verified(Account account) {
    String token = mailTo(account.email(), "email-verification").getString("token");
    TestClient.Response r = http.post("/api/v1/auth/email/verify", new JsonObject().put("token", token), null);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return account;
  }

  /** DELETE /api/v1/users/me, with the account's password as the deletion asks. */
  TestClient.Response deleteAccount(Login login) {
    return http.send(HttpMethod.DELETE, "/api/v1/users/me", login.accessToken(),
        new JsonObject().put("password", login.account().password()), Map.of());
  }

  /** The next revocation published for {@code userId}; others stay queued. */
  SessionsRevoked revocationOf(UUID userId) {
    return SessionsRevoked.fromJson(Waits.take(revocations, m -> userId.toString().equals(m.getString("userId")),
        "revocation of " + userId));
  }

  /** The next mail of {@code kind} sent to {@code to}; other mails stay queued. */
  JsonObject mailTo(String to, String kind) {
    return Waits.take(mails, m -> to.equals(m.getString("to")) && kind.equals(m.getString("kind")),
        kind + " mail to " + to);
  }

  RowSet<Row> sql(String sql, Object... params) {
    return Waits.sql(db, sql, params);
  }

  long count(String sql, Object... params) {
    return Waits.count(db, sql, params);
  }

  static void pause(Duration d) {
    Waits.pause(d);
  }

  @Override
  public void close() {
    db.close().await();
    vertx.close().await();
  }
}
