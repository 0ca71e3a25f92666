package org.jobdash.launcher;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.RawHttp;
import org.jobdash.common.testing.TestClient;
import org.jobdash.launcher.gateway.GatewayVerticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The gateway as the front door: the real user service and gateway in one process (the one-process rules), the
 * résumé and AI routes pointed at a recording stub, short timeouts and small body limits so that each limit can
 * be met in a test. Every hostile request goes over a real socket.
 */
@ExtendWith(BlockedThreadGuard.class)
class GatewayFrontDoorTest {

  static Path dataDir;
  static Launcher.Running running;
  static Vertx vertx;
  static HttpServer stub;
  static int stubPort;
  static int gateway;
  static int user;
  /** {@code METHOD path?query bodyBytes} of every request that reached the stub whole. */
  static final LinkedBlockingQueue<String> reached = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("jobdash-front-door");
    vertx = Vertx.vertx();
    stubPort = TestClient.freePort();
    stub = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      reached.add(request.method() + " " + request.uri() + " " + body.length());
      request.response().end("stub saw " + request.path());
    })).listen(stubPort, "127.0.0.1").await();

    gateway = TestClient.freePort();
    user = TestClient.freePort();
    Map<String, String> env = new HashMap<>();
    env.put("JOBDASH_DATA_DIR", dataDir.toString());
    env.put("USER_SERVICE_PORT", Integer.toString(user));
    env.put("GATEWAY_PORT", Integer.toString(gateway));
    env.put("RESUME_SERVICE_URL", "http://127.0.0.1:" + stubPort);
    env.put("AI_SERVICE_URL", "http://127.0.0.1:" + stubPort);
    env.put("JOBDASH__user__instances", "1");
    env.put("MAIL_MODE", "none");
    env.put("JOBDASH__gateway__http__headerTimeoutSeconds", "2");
    env.put("JOBDASH__gateway__http__bodyGraceSeconds", "2");
    env.put("JOBDASH__gateway__http__minBodyBytesPerSecond", "1000");
    env.put("JOBDASH__gateway__http__bodyLimitBytes", "65536");
    env.put("JOBDASH__gateway__uploadBodyLimitBytes", "262144");
    Command command = CommandLine.parse(new String[] {"--service", "user,gateway"});
    running = Launcher.start(Configuration.load(command, env), command.services(), true, false,
        Launcher.vertxBuilder());
  }

  @AfterAll
  static void stop() throws Exception {
    if (running != null) {
      running.close();
    }
    vertx.close().await();
  }

  @BeforeEach
  void forgetWhatReachedTheStub() {
    reached.clear();
  }

  static void assertProblem(RawHttp.Response r, int status) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.json().getInteger("status")).isEqualTo(status);
    assertThat(r.json().getString("detail")).isNotBlank();
  }

  @Test
  void everyTraversalFormIsA400ProblemAndNoBackendSeesIt() throws Exception {
    assertThat(RawHttp.get(user, "/openapi.yaml").body()).as("the user service has one").startsWith("openapi:");
    String[] forms = {
        "/.well-known/../openapi.yaml",
        "/api/v1/users/../../../openapi.yaml",
        "/api/v1/auth/../../../metrics",
        "/api/v1/resumes/../../../health/ready",
        "/api/v1/ai/./../../../openapi.yaml",
        "/api/v1/users/%2e%2e/%2e%2e/%2e%2e/openapi.yaml",
        "/api/v1/users/%2E%2E/%2E%2E/%2E%2E/metrics",
        "/api/v1/users/.%2e/.%2e/.%2e/openapi.yaml",
        "/api/v1/users/..%2f..%2f..%2fopenapi.yaml",
        "/api/v1/users/..%5c..%5c..%5copenapi.yaml",
        "/api/v1/users/..\\..\\..\\openapi.yaml",
        "/api/v1/users/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/openapi.yaml",
        "/api/v1/users/%252e%252e/%252e%252e/%252e%252e/openapi.yaml",
        "/api/v1/resumes/%2e%2e%2f%2e%2e%2f%2e%2e%2fmetrics",
        "/api/v1/users/me%00",
        "/health/../api/v1/users/me",
        "/api/v1/users/../../../health/ready"};
    for (String form : forms) {
      RawHttp.Response r = RawHttp.get(gateway, form);
      assertProblem(r, 400);
      assertThat(r.body()).as(form).doesNotContain("openapi:").doesNotContain("# HELP").doesNotContain("stub saw")
          .doesNotContain("\"checks\"");
    }
    Thread.sleep(200);
    assertThat(reached).as("requests that reached a backend").isEmpty();
  }

  @Test
  void theBackendsMetricsDocumentsAndHealthAreNotReachableButTheirApisAre() throws Exception {
    for (String notThere : new String[] {"/metrics", "/.well-known/openapi.yaml", "/.well-known", "/api/v1",
        "/api/v1/usersx/me"}) {
      assertProblem(RawHttp.get(gateway, notThere), 404);
    }
    // the gateway's own document is the merged one, not the service's
    assertThat(RawHttp.get(gateway, "/openapi.yaml").body()).contains("url: /")
        .isNotEqualTo(RawHttp.get(user, "/openapi.yaml").body());
    assertThat(RawHttp.get(user, "/metrics").status()).as("the user service has metrics").isEqualTo(200);
    assertThat(RawHttp.get(gateway, "/health/live").json().getString("service")).isEqualTo("gateway");
    assertThat(RawHttp.get(gateway, "/health/ready").json().getString("service")).isEqualTo("gateway");
    assertThat(RawHttp.get(gateway, "/.well-known/jwks.json").json().getJsonArray("keys")).hasSize(1);
    RawHttp.Response me = RawHttp.get(gateway, "/api/v1/%75sers/me");
    assertProblem(me, 401);
    assertThat(me.header("WWW-Authenticate")).as("the user service's answer").isEqualTo("Bearer");
    assertThat(RawHttp.get(gateway, "/api/v1/resumes/42?page=2").body()).isEqualTo("stub saw /api/v1/resumes/42");
    assertThat(RawHttp.get(gateway, "/api/v1/ai/models").status()).isEqualTo(200);
    // the gateway's own readiness asked the stub too; the rest is what clients sent on
    assertThat(reached.stream().filter(r -> !r.equals("GET /health/ready 0")))
        .containsExactly("GET /api/v1/resumes/42?page=2 0", "GET /api/v1/ai/models 0");
  }

  @Test
  void aClientSendingItsHeadersOneByteAtATimeIsDisconnectedAfterTheHeaderTimeout() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      try (Socket socket = new Socket("127.0.0.1", gateway)) {
        long opened = System.nanoTime();
        Duration lasted = RawHttp.trickleUntilClosed(socket, opened,
            "GET /api/v1/users/me HTTP/1.1\r\nHost: localhost\r\nUser-Agent: " + "s".repeat(40) + "\r\n\r\n",
            Duration.ofSeconds(1));
        assertThat(lasted).as("closed while it was still sending its headers").isNotNull();
        assertThat(lasted).isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(6));
      }
    });
  }

  @Test
  void aBodyTrickledInIsCutOffAfterTheGraceAndNeverReachesTheBackendWhole() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      try (Socket socket = new Socket("127.0.0.1", gateway)) {
        long opened = System.nanoTime();
        socket.getOutputStream().write(("POST /api/v1/resumes/42/optimizations HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: application/json\r\nContent-Length: 50000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        Duration lasted = RawHttp.trickleUntilClosed(socket, opened, "{\"jobDescription\":\"" + "x".repeat(100),
            Duration.ofMillis(250));
        assertThat(lasted).as("closed while the body trickled in").isNotNull();
        assertThat(lasted).isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(6));
      }
    });
    assertThat(reached).isEmpty();
  }

  @Test
  void aBodyOverTheRoutesLimitIsA413ProblemWhetherDeclaredOrStreamed() throws Exception {
    String big = "{\"login\":\"" + "a".repeat(100_000) + "\",\"password\":\"x\"}";
    RawHttp.Response declared = RawHttp.exchange(gateway, "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + big.length() + "\r\n\r\n" + big);
    assertProblem(declared, 413);
    assertThat(declared.header("Connection")).isEqualTo("close");
    assertThat(declared.json().getString("instance")).isEqualTo("/api/v1/auth/login");

    HttpClient client = vertx.createHttpClient();
    try {
      HttpClientRequest streamed = client.request(HttpMethod.POST, gateway, "127.0.0.1", "/api/v1/resumes/42").await();
      streamed.setChunked(true).putHeader("Content-Type", "application/json");
      // the body is asked for as the answer arrives: it may come, and the connection close, before the upload ends
      var answer = streamed.response().compose(response -> response.body().map(body -> new JsonObject()
          .put("status", response.statusCode()).put("type", response.getHeader("Content-Type"))
          .put("problem", body.toJsonObject())));
      for (int i = 0; i < 20; i++) {
        streamed.write(Buffer.buffer("x".repeat(10_000)));
      }
      streamed.end();
      JsonObject refused = answer.await();
      assertThat(refused.getInteger("status")).isEqualTo(413);
      assertThat(refused.getString("type")).isEqualTo("application/problem+json");
      assertThat(refused.getJsonObject("problem").getInteger("status")).isEqualTo(413);
    } finally {
      client.close().await();
    }

    String upload = "y".repeat(200_000);
    assertThat(RawHttp.exchange(gateway, "POST /api/v1/resumes HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        + "Content-Type: text/plain\r\nContent-Length: " + upload.length() + "\r\n\r\n" + upload).status())
        .as("an upload may be bigger than a JSON body").isEqualTo(200);
    assertProblem(RawHttp.exchange(gateway, "POST /api/v1/resumes HTTP/1.1\r\nHost: x\r\n"
        + "Content-Type: text/plain\r\nContent-Length: 300000\r\n\r\n" + "y".repeat(300_000)), 413);
    Thread.sleep(200);
    assertThat(List.copyOf(reached)).containsExactly("POST /api/v1/resumes 200000");
  }

  @Test
  void aFiveThousandCharacterPathOrQueryIsA414ProblemAndHugeHeadersA431() {
    RawHttp.Response path = RawHttp.get(gateway, "/api/v1/users/" + "p".repeat(5_000));
    assertProblem(path, 414);
    assertThat(path.json().getString("type")).endsWith("/uri-too-long");
    assertProblem(RawHttp.get(gateway, "/api/v1/resumes?q=" + "q".repeat(5_000)), 414);
    assertProblem(RawHttp.exchange(gateway, "GET /api/v1/users/me HTTP/1.1\r\nHost: x\r\nCookie: "
        + "c".repeat(9_000) + "\r\nConnection: close\r\n\r\n"), 431);
    assertProblem(RawHttp.get(user, "/api/v1/users/me?q=" + "q".repeat(5_000)), 414);
    assertThat(reached).isEmpty();
  }

  @Test
  void inOneProcessTheServiceListensOnLoopbackOnlyAndTheGatewayOnEveryInterface() throws Exception {
    assertThat(running.config().getJsonObject("user").getJsonObject("http").getString("host")).isEqualTo("127.0.0.1");
    // on Linux every 127.x address is this host, but a socket bound to 127.0.0.1 answers on that address only
    InetAddress other = InetAddress.getByName("127.0.0.2");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(other, gateway), 2_000);
    }
    assertThatThrownBy(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(other, user), 2_000);
      }
    }).isInstanceOf(ConnectException.class);
  }

  @Test
  void beyondTheConnectionCapTheNextConnectionIsClosedAtOnce() throws Exception {
    int capped = TestClient.freePort();
    JsonObject config = running.config().getJsonObject("gateway").copy();
    config.getJsonObject("http").put("port", capped).put("maxConnections", 3).put("headerTimeoutSeconds", 30);
    String deployment = running.vertx().deployVerticle(GatewayVerticle::new,
        new DeploymentOptions().setConfig(config).setInstances(2)).await();
    List<Socket> held = new ArrayList<>();
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
        for (int i = 0; i < 3; i++) {
          Socket socket = new Socket("127.0.0.1", capped);
          held.add(socket);
        }
        Thread.sleep(300);
        try (Socket fourth = new Socket("127.0.0.1", capped)) {
          assertThat(RawHttp.awaitClosed(fourth, System.nanoTime(), Duration.ofSeconds(2)))
              .as("the fourth connection is closed at once").isNotNull();
        }
        held.remove(0).close();
        Thread.sleep(300);
        assertThat(RawHttp.get(capped, "/health/live").status()).as("a freed place is taken again").isEqualTo(200);
      });
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
      running.vertx().undeploy(deployment).await();
    }
  }
}
