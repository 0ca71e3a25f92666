package org.jobdash.user;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile imported from and exported as a JSON Resume document, over real HTTP. */
@ExtendWith(BlockedThreadGuard.class)
class ProfileJsonResumeTest {

  static UserHarness h;

  @BeforeAll
  static void start() {
    h = UserHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static JsonObject full() {
    try (InputStream in = ProfileJsonResumeTest.class.getResourceAsStream("/jsonresume/full.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aJsonResumeDocumentFillsTheProfileAndReadsBack() {
    UserHarness.Login l = h.registerAndLogin();
    JsonObject document = full();

    TestClient.Response saved = h.http.put("/api/v1/users/me/profile/json-resume", document, l.accessToken());

    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    JsonObject back = h.http.get("/api/v1/users/me/profile/json-resume", l.accessToken()).json();
    assertThat(back).isEqualTo(saved.json());
    JsonObject basics = back.getJsonObject("basics");
    JsonObject given = document.getJsonObject("basics");
    // name and e-mail are the account's, not the document's
    assertThat(basics.getString("name")).isNotEqualTo(given.getString("name"));
    assertThat(basics.getString("email")).contains("@");
    for (String field : new String[] {"label", "phone", "url", "summary"}) {
      assertThat(basics.getString(field)).as(field).isEqualTo(given.getString(field));
    }
    assertThat(basics.getJsonObject("location")).isEqualTo(new JsonObject()
        .put("city", "Manchester, Greater Manchester, M1 1AA, GB"));
    assertThat(basics.getJsonArray("profiles")).isEqualTo(given.getJsonArray("profiles"));
    for (String section : new String[] {"work", "volunteer", "education", "awards", "certificates", "skills",
        "languages", "projects"}) {
      assertThat(back.getJsonArray(section)).as(section).isEqualTo(document.getJsonArray(section));
    }
    for (String dropped : new String[] {"publications", "interests", "references", "meta"}) {
      assertThat(back.containsKey(dropped)).as(dropped).isFalse();
    }
    JsonObject profile = h.http.get("/api/v1/users/me/profile", l.accessToken()).json();
    assertThat(profile.getString("headline")).isEqualTo("Sous Chef");
    assertThat(profile.getJsonArray("workExperience")).isEqualTo(document.getJsonArray("work"));
    assertThat(profile.getString("visibility")).isEqualTo("private");
    JsonObject me = h.http.get("/api/v1/users/me", l.accessToken()).json();
    assertThat(me.getString("phone")).isEqualTo("+44 20 7946 0958");
    assertThat(me.getString("linkedinUrl")).isEqualTo("https://www.linkedin.com/in/amaranwosu");
  }

  @Test
  void theProfileSavedByItsOwnRouteExportsAsJsonResume() {
    UserHarness.Login l = h.registerAndLogin();
    assertThat(h.http.put("/api/v1/users/me/profile", new JsonObject().put("headline", "Charge nurse")
        .put("skills", new JsonArray().add("Triage")).put("links", new JsonObject().put("blog",
            "https://example.com/priya")), l.accessToken()).status()).isEqualTo(200);

    JsonObject doc = h.http.get("/api/v1/users/me/profile/json-resume", l.accessToken()).json();

    assertThat(doc.getJsonObject("basics").getString("label")).isEqualTo("Charge nurse");
    assertThat(doc.getJsonArray("skills")).containsExactly(new JsonObject().put("name", "Triage"));
    assertThat(doc.getJsonObject("basics").getJsonArray("profiles")).containsExactly(new JsonObject()
        .put("network", "blog").put("url", "https://example.com/priya"));
  }

  @Test
  void anInvalidDocumentIsA400AndChangesNothing() {
    UserHarness.Login l = h.registerAndLogin();
    JsonObject document = full();
    document.getJsonArray("work").getJsonObject(0).put("startDate", "last spring");
    JsonObject tooLong = new JsonObject().put("basics", new JsonObject().put("phone", "1".repeat(40)));

    TestClient.Response r = h.http.put("/api/v1/users/me/profile/json-resume", document, l.accessToken());
    TestClient.Response phone = h.http.put("/api/v1/users/me/profile/json-resume", tooLong, l.accessToken());

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .contains("jsonResume.work[0].startDate");
    assertThat(phone.status()).isEqualTo(400);
    assertThat(phone.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("jsonResume.basics.phone");
    assertThat(h.http.get("/api/v1/users/me/profile", l.accessToken()).json().getJsonArray("workExperience"))
        .isEmpty();
    assertThat(h.http.get("/api/v1/users/me/profile/json-resume", null).status()).isEqualTo(401);
  }
}
