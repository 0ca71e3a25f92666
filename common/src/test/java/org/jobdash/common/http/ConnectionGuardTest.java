package org.jobdash.common.http;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.RawHttp;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A service's own port (ServiceRouter.listen) held to its limits, over real HTTP on a small router. */
@ExtendWith(BlockedThreadGuard.class)
class ConnectionGuardTest {

  static Vertx vertx;
  static int port;

  /** A service that echoes JSON bodies, listening with short timeouts and a cap of four connections. */
  static final class Echo extends VerticleBase {
    @Override
    public Future<?> start() {
      HttpSettings http = HttpSettings.from(config(), 0);
      Router router = ServiceRouter.create(vertx, "echo", () -> Future.succeededFuture(new JsonObject()), null);
      router.post("/echo").handler(ServiceRouter.jsonBody(ServiceRouter.jsonParsing(vertx), 1 << 20))
          .handler(ctx -> ctx.response().end(JsonBodies.raw(ctx)));
      return ServiceRouter.listen(vertx, router, http);
    }
  }

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    port = TestClient.freePort();
    JsonObject http = new JsonObject().put("host", "127.0.0.1").put("port", port)
        .put("headerTimeoutSeconds", 2).put("bodyGraceSeconds", 2).put("minBodyBytesPerSecond", 1000)
        .put("maxConnections", 4);
    vertx.deployVerticle(Echo::new, new DeploymentOptions().setConfig(http).setInstances(2)).await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  static void assertProblem(RawHttp.Response r, int status) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo(Problems.CONTENT_TYPE);
    assertThat(r.json().getInteger("status")).isEqualTo(status);
    assertThat(r.json().getString("detail")).isNotBlank();
  }

  @Test
  void aTooLongPathOrQueryIsA414ProblemAndTooLargeHeadersA431() {
    assertProblem(RawHttp.get(port, "/health/" + "a".repeat(5_000)), 414);
    assertProblem(RawHttp.get(port, "/health/live?q=" + "a".repeat(5_000)), 414);
    assertProblem(RawHttp.exchange(port, "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9_000)
        + "\r\nConnection: close\r\n\r\n"), 431);
    assertProblem(RawHttp.exchange(port, "GET /health/live HTTP/1.1\r\nHost: x\r\nBad\u0001Name: y\r\n\r\n"), 400);
    assertThat(RawHttp.get(port, "/health/live?q=" + "a".repeat(3_000)).status()).isEqualTo(200);
  }

  @Test
  void aClientThatTricklesItsHeadersIsDisconnectedAfterTheHeaderTimeout() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        long opened = System.nanoTime();
        Duration lasted = RawHttp.trickleUntilClosed(socket, opened,
            "GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + "s".repeat(60) + "\r\n\r\n",
            Duration.ofMillis(250));
        assertThat(lasted).as("closed while it was still sending its headers").isNotNull();
        assertThat(lasted).isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(6));
      }
    });
  }

  @Test
  void anIdleKeptAliveConnectionIsClosedAfterTheHeaderTimeoutFromItsLastAnswer() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(5_000);
        socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        RawHttp.Response first = RawHttp.read(socket.getInputStream());
        assertThat(first.status()).isEqualTo(200);
        long answered = System.nanoTime();
        Duration lasted = RawHttp.awaitClosed(socket, answered, Duration.ofSeconds(10));
        assertThat(lasted).as("closed while idle").isNotNull();
        assertThat(lasted).isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(6));
      }
    });
  }

  @Test
  void aBodySlowerThanTheMinimumRateIsCutOffAndABriskOneIsServed() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        long opened = System.nanoTime();
        socket.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        Duration lasted = RawHttp.trickleUntilClosed(socket, opened, "{\"a\":\"" + "x".repeat(200),
            Duration.ofMillis(250));
        assertThat(lasted).as("closed while the body trickled in").isNotNull();
        assertThat(lasted).isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(6));
      }
    });
    String body = "{\"a\":\"" + "x".repeat(500_000) + "\"}";
    RawHttp.Response echoed = RawHttp.exchange(port, "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    assertThat(echoed.status()).isEqualTo(200);
    assertThat(echoed.body()).isEqualTo(body);
  }

  @Test
  void beyondTheCapANewConnectionIsClosedAtOnceAndAFreedPlaceIsTakenAgain() throws Exception {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      Thread.sleep(300);
      List<Socket> held = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          Socket socket = new Socket("127.0.0.1", port);
          socket.setSoTimeout(5_000);
          // each one proves it is served, then stays open (kept alive)
          socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
          held.add(socket);
        }
        try (Socket fifth = new Socket("127.0.0.1", port)) {
          long opened = System.nanoTime();
          Duration lasted = RawHttp.awaitClosed(fifth, opened, Duration.ofSeconds(1));
          assertThat(lasted).as("the fifth connection is closed at once").isNotNull();
        }
        held.remove(0).close();
        Thread.sleep(200);
        assertThat(RawHttp.get(port, "/health/live").status()).isEqualTo(200);
      } finally {
        for (Socket socket : held) {
          socket.close();
        }
      }
    });
  }

  @Test
  void aClientThatKeepsUpIsServedRequestAfterRequestOnOneConnection() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      InputStream in = socket.getInputStream();
      for (int i = 0; i < 3; i++) {
        socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(RawHttp.read(in).status()).isEqualTo(200);
        Thread.sleep(1_000);
      }
    }
  }
}
