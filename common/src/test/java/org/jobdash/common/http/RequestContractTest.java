package org.jobdash.common.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests checked against a document over real HTTP: what passes reaches the route, what fails is one 400. */
@ExtendWith(BlockedThreadGuard.class)
class RequestContractTest {

  static Vertx vertx;
  static HttpServer server;
  static TestClient http;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    ServiceContract contract = ServiceContract.load(vertx, "contract/test-service.yaml").await();
    var parsing = ServiceRouter.jsonParsing(vertx);
    RequestContract requests = RequestContract.of(parsing, contract);
    Router router = ServiceRouter.create(vertx, "test", () -> io.vertx.core.Future.succeededFuture(new JsonObject()),
        null, false);
    router.post("/things/:id").handler(ServiceRouter.jsonBody(parsing, 1 << 20)).handler(requests.validate("putThing"))
        .handler(ctx -> ServiceRouter.json(ctx, 200, JsonInput.body(ctx).raw()));
    router.post("/streamed").handler(ServiceRouter.unparsedJsonBody(parsing, 1 << 20))
        .handler(requests.validate("streamThing"))
        .handler(ctx -> ServiceRouter.json(ctx, 200, new JsonObject().put("bytes", JsonBodies.raw(ctx).length())));
    int port = TestClient.freePort();
    server = vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").await();
    http = new TestClient(vertx, port);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static String thing() {
    return "/things/" + UUID.randomUUID();
  }

  private static JsonObject refused(TestClient.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.header("Content-Type")).isEqualTo(Problems.CONTENT_TYPE);
    return r.json();
  }

  private static JsonArray errors(TestClient.Response r) {
    return refused(r).getJsonArray("errors");
  }

  @Test
  void aRequestTheDocumentAllowsReachesTheRouteWithItsBodyParsedOnce() {
    JsonObject body = new JsonObject().put("name", "Ada").put("tags", new JsonArray().add("a").add("b"))
        .put("tone", "concise").put("inner", new JsonObject().put("count", 2));
    TestClient.Response r = http.send(io.vertx.core.http.HttpMethod.POST, thing() + "?limit=5", null, body,
        Map.of("X-Mode", "fast"));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json()).isEqualTo(body);
    assertThat(http.post(thing() + "?limit=", new JsonObject().put("name", "Ada").putNull("tone"), null).status())
        .as("a blank query value is none, and null a value a nullable reference allows").isEqualTo(200);
  }

  @Test
  void everyFieldAtFaultIsNamedByItsJsonPath() {
    JsonArray errors = errors(http.post(thing(), new JsonObject().put("name", "x".repeat(11))
        .put("tags", new JsonArray().add("ok").add(7)).put("inner", new JsonObject().put("count", -1)), null));
    assertThat(errors).hasSize(3);
    assertThat(errors.stream().map(e -> ((JsonObject) e).getString("field")))
        .containsExactlyInAnyOrder("name", "tags[1]", "inner.count");
    Map<String, String> messages = new java.util.HashMap<>();
    errors.forEach(e -> messages.put(((JsonObject) e).getString("field"), ((JsonObject) e).getString("message")));
    assertThat(messages).containsExactlyInAnyOrderEntriesOf(Map.of("name", "must be at most 10 characters",
        "tags[1]", "must be a string", "inner.count", "must be at least 0"));
  }

  @Test
  void aMissingFieldAnUnknownFieldAndAValueOutsideASharedEnumAreEachTheirField() {
    JsonObject missing = refused(http.post(thing(), new JsonObject().put("tags", new JsonArray()), null));
    assertThat(missing.getString("detail")).isEqualTo("name: is required");
    assertThat(errors(http.post(thing(), new JsonObject().put("name", "Ada").put("extra", 1), null))
        .getJsonObject(0)).isEqualTo(new JsonObject().put("field", "extra").put("message", "is not allowed here"));
    JsonObject tone = errors(http.post(thing(), new JsonObject().put("name", "Ada").put("tone", "loud"), null))
        .getJsonObject(0);
    assertThat(tone.getString("field")).isEqualTo("tone");
    assertThat(tone.getString("message")).startsWith("must be one of [").contains("professional");
    assertThat(errors(http.post(thing(), new JsonObject().put("name", "Ada").put("tags", new JsonArray().add("a")
        .add("b").add("c").add("d")), null)).getJsonObject(0).getString("message")).isEqualTo("must have at most 3 items");
  }

  @Test
  void parametersAreCheckedAndABadPathIdIsA404() {
    JsonObject body = new JsonObject().put("name", "Ada");
    assertThat(errors(http.post(thing() + "?limit=0", body, null)).getJsonObject(0))
        .isEqualTo(new JsonObject().put("field", "limit").put("message", "must be at least 1"));
    assertThat(errors(http.post(thing() + "?limit=ten", body, null)).getJsonObject(0).getString("field"))
        .isEqualTo("limit");
    assertThat(errors(http.send(io.vertx.core.http.HttpMethod.POST, thing(), null, body, Map.of("X-Mode", "warp")))
        .getJsonObject(0).getString("field")).isEqualTo("X-Mode");
    TestClient.Response notFound = http.post("/things/not-a-uuid", body, null);
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.header("Content-Type")).isEqualTo(Problems.CONTENT_TYPE);
  }

  @Test
  void theBodyRulesStillComeFirstAndARequiredBodyMustBeThere() {
    assertThat(refused(http.post(thing(), null, null)).getString("detail")).isEqualTo("A JSON body is required");
    assertThat(errors(http.post(thing(), new JsonObject().put("name", "A\u0000da"), null)).getJsonObject(0)
        .getString("field")).isEqualTo("name");
  }

  @Test
  void aLargeBodyIsCheckedOffTheEventLoopWithTheSameAnswer() {
    JsonObject big = new JsonObject().put("name", "x".repeat(11)).put("padding", "p".repeat(100_000));
    assertThat(errors(http.post(thing(), big, null)).getJsonObject(0).getString("field")).isEqualTo("name");
    JsonObject fine = big.copy().put("name", "Ada");
    assertThat(http.post(thing(), fine, null).json()).isEqualTo(fine);
  }

  @Test
  void aFloodOfUnknownKeysIsRefusedQuicklyNamingAHundred() {
    JsonObject flood = new JsonObject().put("name", "Ada");
    for (int i = 0; i < 60_000; i++) {
      flood.put("k" + i, i);
    }
    io.vertx.core.buffer.Buffer encoded = flood.toBuffer();
    refused(http.post(thing(), encoded, null));
    long started = System.nanoTime();
    JsonObject problem = refused(http.post(thing(), encoded, null));
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
    assertThat(problem.getJsonArray("errors")).hasSize(SchemaErrors.MAX_FIELDS);
    assertThat(problem.getJsonArray("errors").getJsonObject(0))
        .isEqualTo(new JsonObject().put("field", "k0").put("message", "is not allowed here"));
  }

  @Test
  void aStreamedBodyIsLeftToItsRouteButItsParametersAreChecked() {
    assertThat(http.post("/streamed", new JsonObject().put("unknown", true), null).status()).isEqualTo(200);
    assertThat(errors(http.post("/streamed?limit=0", new JsonObject(), null)).getJsonObject(0).getString("field"))
        .isEqualTo("limit");
  }
}
