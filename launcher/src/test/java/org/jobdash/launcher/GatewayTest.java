package org.jobdash.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(BlockedThreadGuard.class)
class GatewayTest {

  @TempDir
  Path dataDir;

  @Test
  void routesByPrefixPassesTheClientAddressOnAndReportsBackendsHealth() throws Exception {
    int deadPort = TestClient.freePort();
    Map<String, String> env = new HashMap<>();
    env.put("JOBDASH_DATA_DIR", dataDir.toString());
    for (String s : new String[] {"USER", "RESUME", "AI", "GATEWAY"}) {
      env.put(s.equals("GATEWAY") ? "GATEWAY_PORT" : s + "_SERVICE_PORT", Integer.toString(TestClient.freePort()));
    }
    env.put("AI_SERVICE_URL", "http://127.0.0.1:" + deadPort);
    env.put("JOBDASH__user__instances", "1");
    env.put("JOBDASH__resume__instances", "1");
    env.put("JOBDASH__ai__instances", "1");
    Command command = CommandLine.parse(new String[] {"--service", "user,resume,gateway"});
    JsonObject config = Configuration.load(command, env);

    try (Launcher.Running running = Launcher.start(config, command.services(), true, false, Launcher.vertxBuilder())) {
      Vertx vertx = Vertx.vertx();
      try {
        int port = running.port("gateway");
        // a client on another loopback address, so that its address differs from the gateway's own
        WebClient fromElsewhere = WebClient.create(vertx, new WebClientOptions().setLocalAddress("127.0.0.2"));
        JsonObject account = new JsonObject().put("email", "gw@example.com").put("username", "gateway_user")
            .put("password", "a perfectly long passphrase");
        assertThat(fromElsewhere.post(port, "127.0.0.1", "/api/v1/auth/register").sendJsonObject(account).await()
            .statusCode()).isEqualTo(201);
        var login = fromElsewhere.post(port, "127.0.0.1", "/api/v1/auth/login")
            .putHeader("X-Forwarded-For", "198.51.100.9")
            .sendJsonObject(new JsonObject().put("login", "gateway_user").put("password", "a perfectly long passphrase"))
            .await();
        assertThat(login.statusCode()).isEqualTo(200);

        var url = running.database("user");
        try (var c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             ResultSet rs = c.createStatement().executeQuery(
                 "SELECT host(s.ip_address) FROM user_sessions s JOIN users u ON u.id = s.user_id "
                     + "WHERE u.username = 'gateway_user'")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).as("the client's own address, not the forged header").isEqualTo("127.0.0.2");
        }

        TestClient http = new TestClient(vertx, port);
        String token = login.bodyAsJsonObject().getString("accessToken");
        assertThat(http.get("/api/v1/users/me", token).json().getString("username")).isEqualTo("gateway_user");
        assertThat(http.get("/.well-known/jwks.json", null).json().getJsonArray("keys")).hasSize(1);
        assertThat(http.get("/api/v1/resumes", token).status()).isEqualTo(200);
        TestClient.Response unknown = http.get("/api/v1/elsewhere", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");

        byte[] big = Journey.pdfWithPadding(Journey.RESUME_TEXT, 10_000_000);
        var upload = fromElsewhere.post(port, "127.0.0.1", "/api/v1/resumes").bearerTokenAuthentication(token)
            .sendMultipartForm(io.vertx.ext.web.multipart.MultipartForm.create()
                .binaryFileUpload("file", "big.pdf", io.vertx.core.buffer.Buffer.buffer(big), "application/pdf"))
            .await();
        assertThat(upload.statusCode()).as(upload.bodyAsString()).isEqualTo(201);
        assertThat(upload.bodyAsJsonObject().getLong("fileSize")).isEqualTo((long) big.length);
        assertThat(http.get("/api/v1/resumes/" + upload.bodyAsJsonObject().getString("id") + "/file", token)
            .body().getBytes()).isEqualTo(big);

        TestClient.Response down = http.get("/api/v1/ai/models", token);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.header("Content-Type")).isEqualTo("application/problem+json");
        TestClient.Response ready = http.get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.text()).contains("\"ai\"").contains("DOWN");
      } finally {
        vertx.close().await();
      }
    }
  }
}
