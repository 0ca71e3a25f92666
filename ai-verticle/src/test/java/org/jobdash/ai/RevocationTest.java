package org.jobdash.ai;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.SessionsRevoked;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.jobdash.common.testing.TestTokens;
import org.jobdash.common.testing.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens the user service revoked are refused here within a second: a deleted account's token embeds nothing. */
@ExtendWith(BlockedThreadGuard.class)
class RevocationTest {

  static AiHarness h;

  @BeforeAll
  static void start() {
    h = AiHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static TestClient.Response embed(String token) {
    return h.http.post("/api/v1/ai/embeddings", new JsonObject()
        .put("texts", new JsonArray().add("Registered nurse on a cardiac unit")).put("sourceType", "text"), token);
  }

  @Test
  void aRevokedSessionsTokenIsRefusedWithinASecond() {
    AiHarness.Caller caller = h.caller();
    assertThat(embed(caller.token()).status()).isEqualTo(201);

    h.vertx.eventBus().publish(Addresses.USER_SESSIONS_REVOKED, new SessionsRevoked(caller.id(),
        List.of(TestTokens.sessionOf(caller.token())), null, System.currentTimeMillis() / 1000 + 900).toJson());

    // the revocation travels over the bus: a request racing it may still pass, but within a second none does
    Waits.until(() -> embed(caller.token()).status(), s -> s == 401, Duration.ofSeconds(1));
    long stored = h.count("SELECT count(*) FROM embeddings WHERE user_id = $1", caller.id());

    assertThat(embed(caller.token()).status()).isEqualTo(401);
    assertThat(h.count("SELECT count(*) FROM embeddings WHERE user_id = $1", caller.id())).isEqualTo(stored);
  }

  @Test
  void aDeletedAccountsTokensCreateNothing() {
    AiHarness.Caller caller = h.caller();
    String unused = h.tokens.tokenFor(caller.id());
    h.vertx.eventBus().publish(Addresses.USER_SESSIONS_REVOKED, new SessionsRevoked(caller.id(), List.of(),
        System.currentTimeMillis() / 1000 + 1, System.currentTimeMillis() / 1000 + 900).toJson());

    // the revocation travels over the bus: probe with a read, so that a request racing it stores nothing
    Waits.until(() -> h.http.get("/api/v1/ai/sessions", caller.token()).status(), s -> s == 401,
        Duration.ofSeconds(1));
    assertThat(embed(caller.token()).status()).isEqualTo(401);
    assertThat(embed(unused).status()).isEqualTo(401);
    assertThat(h.count("SELECT count(*) FROM embeddings WHERE user_id = $1", caller.id())).isZero();
    assertThat(h.count("SELECT count(*) FROM ai_processing_sessions WHERE user_id = $1", caller.id())).isZero();
  }
}
