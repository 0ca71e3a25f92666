package org.jobdash.user;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.RawHttp;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Requests built to hurt: bodies from strangers, text PostgreSQL refuses, documents nested to exhaust a parser. */
@ExtendWith(BlockedThreadGuard.class)
class HostileInputTest {

  static final String ADMIN = UserHarness.unique("chief") + "@example.com";
  static UserHarness h;

  /** Every authenticated route that takes a body. */
  static final List<String[]> BODY_ROUTES = List.of(
      new String[] {"PATCH", "/api/v1/users/me"},
      new String[] {"PUT", "/api/v1/users/me/profile"},
      new String[] {"PUT", "/api/v1/users/me/preferences"},
      new String[] {"POST", "/api/v1/users/me/password"},
      new String[] {"PUT", "/api/v1/admin/users/" + UUID.randomUUID() + "/subscription"});

  @BeforeAll
  static void start() {
    h = UserHarness.start(ADMIN);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static void assertProblem(TestClient.Response r, int status) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.json().getInteger("status")).isEqualTo(status);
  }

  private static List<String> fields(TestClient.Response r) {
    return r.json().getJsonArray("errors").stream().map(JsonObject.class::cast).map(e -> e.getString("field")).toList();
  }

  /**
   * Sends the head of a request that announces a 900 kB body, then only its first kilobyte, and reads the answer:
   * it can only come before the body is complete if the body was never waited for.
   */
  private static RawHttp.Response answerToAnUnfinishedBody(String method, String path, String authorization)
      throws Exception {
    try (Socket socket = new Socket("127.0.0.1", h.http.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
          + "Content-Length: 900000\r\n\r\n{\"bio\":\"" + "x".repeat(1_000)).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return RawHttp.read(socket.getInputStream());
    }
  }

  @Test
  void anAnonymousBodyIsRefusedWith401OnEveryAuthenticatedRouteBeforeItIsRead() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (String[] route : BODY_ROUTES) {
        RawHttp.Response anonymous = answerToAnUnfinishedBody(route[0], route[1], null);
        assertThat(anonymous.status()).as(route[0] + " " + route[1] + ": " + anonymous).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answerToAnUnfinishedBody(route[0], route[1], "Bearer not.a.token").status())
            .as("a forged token on " + route[1]).isEqualTo(401);
      }
    });
  }

  @Test
  void aTokenOfAnEndedSessionIsRefusedBeforeItsBodyIsRead() {
    UserHarness.Login l = h.registerAndLogin();
    assertThat(h.http.post("/api/v1/auth/logout", null, l.accessToken()).status()).isEqualTo(204);
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      RawHttp.Response ended = answerToAnUnfinishedBody("PUT", "/api/v1/users/me/profile", "Bearer " + l.accessToken());
      assertThat(ended.status()).as(ended.toString()).isEqualTo(401);
      assertThat(ended.json().getString("detail")).contains("session has ended");
    });
  }

  @Test
  void anAnonymousBodyOverTheSizeLimitIs401Not413() {
    Buffer big = Buffer.buffer("{\"bio\":\"" + "a".repeat(1_200_000) + "\"}");
    for (String[] route : BODY_ROUTES) {
      assertProblem(h.http.send(HttpMethod.valueOf(route[0]), route[1], null, big, Map.of()), 401);
    }
    assertProblem(h.http.patch("/api/v1/users/me", big, h.registerAndLogin().accessToken()), 413);
  }

  @Test
  void aLargeBodyThatArrivesWhileTheTokenIsCheckedIsReadWhole() {
    UserHarness.Login l = h.registerAndLogin();
    JsonObject links = new JsonObject();
    for (int i = 0; i < 45; i++) {
      links.put("site" + i, "https://example.com/" + Integer.toString(i).repeat(4) + "x".repeat(4_000));
    }
    TestClient.Response saved = h.http.put("/api/v1/users/me/profile", new JsonObject().put("links", links),
        l.accessToken());
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(h.http.get("/api/v1/users/me/profile", l.accessToken()).json().getJsonObject("links"))
        .isEqualTo(links);
  }

  @Test
  void aNulCharacterInNestedProfileFieldsIsA400NamingTheFieldAndNothingIsStored() {
    UserHarness.Login l = h.registerAndLogin();
    assertThat(h.http.put("/api/v1/users/me/profile", new JsonObject().put("headline", "Electrician"),
        l.accessToken()).status()).isEqualTo(200);
    JsonObject profile = new JsonObject().put("headline", "Changed")
        .put("projects", new JsonArray()
            .add(new JsonObject().put("name", "Rewire"))
            .add(new JsonObject().put("name", "Solar").put("details", new JsonObject()
                .put("tags", new JsonArray().add("roof").add("pv\u0000panel")))));
    TestClient.Response refused = h.http.put("/api/v1/users/me/profile", profile, l.accessToken());
    assertProblem(refused, 400);
    assertThat(fields(refused)).containsExactly("projects[1].details.tags[1]");
    assertThat(h.http.get("/api/v1/users/me/profile", l.accessToken()).json().getString("headline"))
        .isEqualTo("Electrician");

    TestClient.Response key = h.http.put("/api/v1/users/me/profile", "{\"links\":{\"we\\u0000b\":\"x\"}}",
        l.accessToken());
    assertProblem(key, 400);
    assertThat(fields(key)).containsExactly("links[\"we\\u0000b\"]");
    TestClient.Response education = h.http.patch("/api/v1/users/me",
        "{\"education\":[{\"school\":\"Tech\",\"notes\":[\"a\\u0000\"]}]}", l.accessToken());
    assertProblem(education, 400);
    assertThat(fields(education)).containsExactly("education[0].notes[0]");
  }

  @Test
  void anUnpairedSurrogateAnywhereIsA400() {
    UserHarness.Login l = h.registerAndLogin();
    TestClient.Response lone = h.http.put("/api/v1/users/me/profile",
        "{\"projects\":[{\"name\":\"Sol\\ud800ar\"}],\"summary\":\"\\udc00\"}", l.accessToken());
    assertProblem(lone, 400);
    assertThat(fields(lone)).containsExactly("projects[0].name", "summary");
    assertProblem(h.http.patch("/api/v1/users/me", "{\"bio\":\"ends in a half \\ud83d\"}", l.accessToken()), 400);
    byte[] raw = "{\"bio\":\"xxx\"}".getBytes(StandardCharsets.UTF_8);
    raw[8] = (byte) 0xED;
    raw[9] = (byte) 0xA0;
    raw[10] = (byte) 0x80;
    assertProblem(h.http.patch("/api/v1/users/me", Buffer.buffer(raw), l.accessToken()), 400);
    TestClient.Response paired = h.http.patch("/api/v1/users/me", "{\"bio\":\"chef \\ud83d\\udc69\"}", l.accessToken());
    assertThat(paired.status()).as(paired.toString()).isEqualTo(200);
  }

  @Test
  void aDocumentNestedFortyDeepIsA400AndThirtyTwoLevelsAreStored() {
    UserHarness.Login l = h.registerAndLogin();
    TestClient.Response deep = h.http.put("/api/v1/users/me/profile",
        "{\"projects\":[" + "{\"a\":".repeat(38) + "1" + "}".repeat(38) + "]}", l.accessToken());
    assertProblem(deep, 400);
    assertThat(deep.json().getJsonArray("errors").getJsonObject(0).getString("message")).contains("32 levels");
    assertThat(fields(deep).get(0)).startsWith("projects[0].a.a");
    // the body, the projects array and 30 levels of objects in it: 32
    TestClient.Response deepest = h.http.put("/api/v1/users/me/profile",
        "{\"projects\":[" + "{\"a\":".repeat(30) + "1" + "}".repeat(30) + "]}", l.accessToken());
    assertThat(deepest.status()).as(deepest.toString()).isEqualTo(200);
  }

  @Test
  void hugeNumbersAreRefusedNotWrappedOrStoredAsText() {
    UserHarness.Login l = h.registerAndLogin();
    TestClient.Response wrapped = h.http.put("/api/v1/users/me/preferences", "{\"salaryMin\":18446744073709551621}",
        l.accessToken());
    assertProblem(wrapped, 400);
    assertThat(fields(wrapped)).containsExactly("salaryMin");
    assertThat(h.http.get("/api/v1/users/me/preferences", l.accessToken()).json().getValue("salaryMin")).isNull();
    TestClient.Response infinite = h.http.put("/api/v1/users/me/profile", "{\"links\":{\"rating\":1e999}}",
        l.accessToken());
    assertProblem(infinite, 400);
    assertThat(fields(infinite)).containsExactly("links.rating");
  }

  @Test
  void adminInputsThatReachedTheDatabaseBadlyAre400() {
    UserHarness.Login admin = h.login(h.verified(h.register(ADMIN)));
    UserHarness.Login someone = h.registerAndLogin();
    assertProblem(h.http.get("/api/v1/admin/users?query=ab%00cd", admin.accessToken()), 400);
    assertThat(h.http.get("/api/v1/admin/users?query=" + someone.account().username(), admin.accessToken())
        .json().getJsonArray("items")).hasSize(1);
    TestClient.Response far = h.http.put("/api/v1/admin/users/" + someone.account().id() + "/subscription",
        new JsonObject().put("tier", "premium").put("expiresAt", "+999999999-12-31T23:59:59Z"), admin.accessToken());
    assertProblem(far, 400);
    assertThat(fields(far)).containsExactly("expiresAt");
  }

  @Test
  void aFiveThousandCharacterPathOrQueryIsA414ProblemFromTheServiceItself() {
    for (String target : new String[] {"/api/v1/users/" + "m".repeat(5_000), "/api/v1/users/me?x=" + "q".repeat(5_000)}) {
      RawHttp.Response r = RawHttp.get(h.http.port(), target);
      assertThat(r.status()).as(r.toString()).isEqualTo(414);
      assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(r.json().getString("type")).endsWith("/uri-too-long");
    }
  }
}
