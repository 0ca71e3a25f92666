package org.jobdash.user;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(BlockedThreadGuard.class)
class ProfileAndPreferencesTest {

  static UserHarness h;

  @BeforeAll
  static void start() {
    h = UserHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void profileRoundTrip() {
    UserHarness.Login l = h.registerAndLogin();
    TestClient.Response empty = h.http.get("/api/v1/users/me/profile", l.accessToken());
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().getJsonArray("skills")).isEmpty();

    JsonObject profile = new JsonObject()
        .put("headline", "Sous chef with a pastry background")
        .put("summary", "Ten years in busy kitchens.")
        .put("skills", new JsonArray().add("Food safety").add(new JsonObject().put("name", "Pastry").put("level", "expert")))
        .put("certifications", new JsonArray().add("ServSafe Manager"))
        .put("languages", new JsonArray().add(new JsonObject().put("name", "French").put("level", "fluent")))
        .put("links", new JsonObject().put("portfolio", "https://example.com/dishes"))
        .put("visibility", "recruiters");
    TestClient.Response saved = h.http.put("/api/v1/users/me/profile", profile, l.accessToken());
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

    JsonObject read = h.http.get("/api/v1/users/me/profile", l.accessToken()).json();
    assertThat(read.getString("headline")).isEqualTo("Sous chef with a pastry background");
    assertThat(read.getJsonArray("skills")).hasSize(2);
    assertThat(read.getString("visibility")).isEqualTo("recruiters");
    assertThat(read.getJsonObject("links").getString("portfolio")).isEqualTo("https://example.com/dishes");
  }

  @Test
  void preferencesRoundTripAndValidation() {
    UserHarness.Login l = h.registerAndLogin();
    assertThat(h.http.get("/api/v1/users/me/preferences", l.accessToken()).json().getString("remotePreference"))
        .isEqualTo("any");
    JsonObject prefs = new JsonObject()
        .put("desiredRoles", new JsonArray().add("Electrician").add("Maintenance Electrician"))
        .put("preferredLocations", new JsonArray().add("Manchester"))
        .put("remotePreference", "onsite")
        .put("salaryMin", 32000).put("salaryMax", 45000).put("salaryCurrency", "GBP")
        .put("jobTypes", new JsonArray().add("full_time").add("contract"))
        .put("industries", new JsonArray().add("Construction"))
        .put("availabilityDate", "2027-02-01")
        .put("aiPersonalization", new JsonObject().put("tone", "confident").put("optimizationLevel", "moderate"));
    TestClient.Response saved = h.http.put("/api/v1/users/me/preferences", prefs, l.accessToken());
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    JsonObject read = h.http.get("/api/v1/users/me/preferences", l.accessToken()).json();
    assertThat(read.getJsonArray("desiredRoles")).containsExactly("Electrician", "Maintenance Electrician");
    assertThat(read.getInteger("salaryMax")).isEqualTo(45000);
    assertThat(read.getString("salaryCurrency")).isEqualTo("GBP");
    assertThat(read.getString("availabilityDate")).isEqualTo("2027-02-01");
    assertThat(read.getJsonObject("aiPersonalization").getString("tone")).isEqualTo("confident");

    TestClient.Response bad = h.http.put("/api/v1/users/me/preferences", new JsonObject().put("salaryMin", 50)
        .put("salaryMax", 10).put("remotePreference", "moon").put("jobTypes", new JsonArray().add("gig"))
        .put("aiPersonalization", new JsonObject().put("tone", "snarky")), l.accessToken());
    assertThat(bad.status()).isEqualTo(400);
    // the document's checks name each field they refuse; the rule across two fields is the route's, checked once
    // every field is of the document's kind
    assertThat(bad.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .containsExactlyInAnyOrder("remotePreference", "jobTypes[0]", "aiPersonalization.tone");
    TestClient.Response range = h.http.put("/api/v1/users/me/preferences", new JsonObject().put("salaryMin", 50)
        .put("salaryMax", 10), l.accessToken());
    assertThat(range.status()).isEqualTo(400);
    assertThat(range.json().getJsonArray("errors")).containsExactly(new JsonObject().put("field", "salaryMax")
        .put("message", "must not be less than salaryMin"));
  }

  @Test
  void completeProfileIsOneDocumentWithoutSecrets() {
    UserHarness.Login l = h.registerAndLogin();
    h.http.put("/api/v1/users/me/profile", new JsonObject().put("headline", "Teacher"), l.accessToken());
    h.http.put("/api/v1/users/me/preferences", new JsonObject().put("remotePreference", "hybrid"), l.accessToken());

    TestClient.Response r = h.http.get("/api/v1/users/me/complete", l.accessToken());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text()).doesNotContain("password_hash").doesNotContain("argon2").doesNotContain("failed_login");
    assertThat(r.json().getJsonObject("profile").getString("headline")).isEqualTo("Teacher");
    assertThat(r.json().getJsonObject("preferences").getString("remote_preference")).isEqualTo("hybrid");
  }

  @Test
  void eventBusAnswersUserAndPreferenceLookups() {
    UserHarness.Login l = h.registerAndLogin();
    h.http.put("/api/v1/users/me/preferences", new JsonObject().put("desiredRoles", new JsonArray().add("Accountant"))
        .put("aiPersonalization", new JsonObject().put("tone", "formal")), l.accessToken());
    JsonObject request = new JsonObject().put("version", 1).put("userId", l.account().id().toString());

    JsonObject user = h.vertx.eventBus().<JsonObject>request(Addresses.USER_GET, request).await().body();
    assertThat(user.getJsonObject("user").getString("email")).isEqualTo(l.account().email());
    assertThat(user.encode()).doesNotContain("argon2");
    JsonObject prefs = h.vertx.eventBus().<JsonObject>request(Addresses.USER_PREFERENCES_GET, request).await().body();
    assertThat(prefs.getInteger("version")).isEqualTo(1);
    assertThat(prefs.getJsonObject("preferences").getJsonArray("desiredRoles")).containsExactly("Accountant");

    JsonObject missing = new JsonObject().put("version", 1).put("userId", java.util.UUID.randomUUID().toString());
    Throwable failure = h.vertx.eventBus().request(Addresses.USER_GET, missing)
        .transform(ar -> io.vertx.core.Future.succeededFuture(ar.cause())).await();
    assertThat(failure).isInstanceOf(io.vertx.core.eventbus.ReplyException.class);
    assertThat(((io.vertx.core.eventbus.ReplyException) failure).failureCode()).isEqualTo(404);
  }
}
