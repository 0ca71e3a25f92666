package org.jobdash.common.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.RawHttp;
import org.jobdash.common.testing.TestClient;
import org.jobdash.common.work.BoundedWorker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON bodies read within their limit, large ones parsed off the event loop, over real HTTP. */
@ExtendWith(BlockedThreadGuard.class)
class JsonBodiesTest {

  static Vertx vertx;
  static WebClient client;
  static int port;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    port = TestClient.freePort();
    JsonBodies bodies = new JsonBodies(new BoundedWorker(vertx, "json-test", 1, 4, 10), Duration.ofSeconds(5));
    Router router = ServiceRouter.create(vertx, "bodies", () -> Future.succeededFuture(new JsonObject()), null);
    // the route answers with the number of keys it read and the thread that parsed them
    router.post("/keys").handler(bodies.limit(256 * 1024)).handler(ctx -> {
      JsonInput in = JsonInput.body(ctx);
      ServiceRouter.json(ctx, 200, new JsonObject().put("keys", in.raw().size())
          .put("parsedOnWorker", ctx.get(JsonBodies.PARSED) != null));
    });
    router.post("/raw").handler(bodies.unparsed(256 * 1024))
        .handler(ctx -> ServiceRouter.json(ctx, 200, new JsonObject().put("bytes", JsonBodies.raw(ctx).length())
            .put("parsed", ctx.get(JsonBodies.PARSED) != null)));
    vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").await();
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static JsonObject keys(int count) {
    JsonObject body = new JsonObject();
    for (int i = 0; i < count; i++) {
      body.put("key" + i, i);
    }
    return body;
  }

  private static HttpResponse<Buffer> post(String path, String type, Buffer body) {
    var request = client.request(HttpMethod.POST, port, "127.0.0.1", path);
    if (type != null) {
      request.putHeader("Content-Type", type);
    }
    return request.sendBuffer(body).await();
  }

  @Test
  void aSmallBodyIsParsedWhereTheRouteReadsIt() {
    HttpResponse<Buffer> r = post("/keys", "application/json", keys(10).toBuffer());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getInteger("keys")).isEqualTo(10);
    assertThat(r.bodyAsJsonObject().getBoolean("parsedOnWorker")).isFalse();
  }

  @Test
  void aLargeBodyIsParsedOnTheWorkerBeforeTheRouteRuns() {
    Buffer body = keys(10_000).toBuffer();
    assertThat(body.length()).isGreaterThan(JsonBodies.INLINE_PARSE_BYTES);
    HttpResponse<Buffer> r = post("/keys", "application/json; charset=utf-8", body);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getInteger("keys")).isEqualTo(10_000);
    assertThat(r.bodyAsJsonObject().getBoolean("parsedOnWorker")).isTrue();
  }

  @Test
  void aLargeBodyBreakingTheRulesIsA400NamingTheField() {
    Buffer body = keys(10_000).put("name", "a\u0000b").toBuffer();
    HttpResponse<Buffer> r = post("/keys", "application/json", body);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.getHeader("Content-Type")).isEqualTo(Problems.CONTENT_TYPE);
    assertThat(r.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("name");
  }

  @Test
  void aBodyOverTheLimitIsA413WhetherDeclaredOrStreamed() {
    Buffer big = Buffer.buffer("{\"a\":\"" + "x".repeat(300 * 1024) + "\"}");
    assertThat(post("/keys", "application/json", big).statusCode()).isEqualTo(413);
    String chunk = big.toString();
    RawHttp.Response chunked = RawHttp.exchange(port, "POST /keys HTTP/1.1\r\nHost: x\r\n"
        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n");
    assertThat(chunked.status()).isEqualTo(413);
  }

  @Test
  void aFormOrAnotherTypeIsA415BeforeAnythingIsDecoded() {
    HttpResponse<Buffer> form = post("/keys", "application/x-www-form-urlencoded", Buffer.buffer("a=%zz"));
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(form.getHeader("Content-Type")).isEqualTo(Problems.CONTENT_TYPE);
    assertThat(post("/keys", "multipart/form-data; boundary=x", Buffer.buffer("--x--")).statusCode()).isEqualTo(415);
    assertThat(post("/keys", "text/plain", Buffer.buffer("{}")).statusCode()).isEqualTo(415);
  }

  @Test
  void anUnparsedRouteGetsTheBytesAsTheyCame() {
    Buffer body = keys(10_000).toBuffer();
    HttpResponse<Buffer> r = post("/raw", "application/json", body);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getInteger("bytes")).isEqualTo(body.length());
    assertThat(r.bodyAsJsonObject().getBoolean("parsed")).isFalse();
  }

  @Test
  void aQueryThatIsNotPercentEncodingIsA400() {
    HttpResponse<Buffer> r = client.get(port, "127.0.0.1", "/health/live?limit=%").send().await();
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.getHeader("Content-Type")).isEqualTo(Problems.CONTENT_TYPE);
  }
}
