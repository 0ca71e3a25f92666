package org.jobdash.resume;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.SessionsRevoked;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestTokens;
import org.jobdash.common.testing.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens the user service revoked are refused here within a second, although their signature is good. */
@ExtendWith(BlockedThreadGuard.class)
class RevocationTest {

  static ResumeHarness h;

  @BeforeAll
  static void start() {
    h = ResumeHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static long inAQuarterHour() {
    return System.currentTimeMillis() / 1000 + 900;
  }

  @Test
  void aRevokedSessionsTokenIsRefusedWithinASecondAndOtherSessionsStay() {
    ResumeHarness.Caller caller = h.newUser();
    String other = h.tokens.tokenFor(caller.id());
    // both are verified and cached before the revocation
    assertThat(h.http.get("/api/v1/resumes", caller.token()).status()).isEqualTo(200);
    assertThat(h.http.get("/api/v1/resumes", other).status()).isEqualTo(200);

    h.vertx.eventBus().publish(Addresses.USER_SESSIONS_REVOKED, new SessionsRevoked(caller.id(),
        List.of(TestTokens.sessionOf(caller.token())), null, inAQuarterHour()).toJson());

    Waits.until(() -> h.http.get("/api/v1/resumes", caller.token()).status(), s -> s == 401, Duration.ofSeconds(1));
    assertThat(h.http.post("/api/v1/resumes", new JsonObject().put("title", "After logout")
        .put("content", "Ada Okafor"), caller.token()).status()).isEqualTo(401);
    assertThat(h.http.get("/api/v1/resumes", other).status()).isEqualTo(200);
  }

  @Test
  void aDeletedAccountsTokensCreateNothing() {
    ResumeHarness.Caller caller = h.newUser();
    assertThat(h.http.get("/api/v1/resumes", caller.token()).status()).isEqualTo(200);
    String unused = h.tokens.tokenFor(caller.id());

    h.vertx.eventBus().publish(Addresses.USER_SESSIONS_REVOKED, new SessionsRevoked(caller.id(), List.of(),
        System.currentTimeMillis() / 1000 + 1, inAQuarterHour()).toJson());

    Waits.until(() -> h.http.get("/api/v1/resumes", caller.token()).status(), s -> s == 401, Duration.ofSeconds(1));
    for (String token : new String[] {caller.token(), unused}) {
      assertThat(h.http.post("/api/v1/resumes", new JsonObject().put("title", "Ghost CV")
          .put("content", "Ada Okafor"), token).status()).isEqualTo(401);
    }
    assertThat(h.count("SELECT count(*) FROM resumes WHERE user_id = $1", caller.id())).isZero();
  }
}
