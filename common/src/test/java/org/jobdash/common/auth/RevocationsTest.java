package org.jobdash.common.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.Bus;
import org.jobdash.common.bus.SessionsRevoked;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The deny list: by session, account-wide by issue time, until expiry, and what a starting service asks for. */
class RevocationsTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private static AuthUser caller(UUID user, UUID session, long issuedAt) {
    return new AuthUser(user, session, Set.of("user"), issuedAt, issuedAt + 900);
  }

  @Test
  void aSessionIsRefusedAndTheUsersOtherSessionsAreNot() {
    Revocations revocations = new Revocations();
    UUID user = UUID.randomUUID();
    UUID ended = UUID.randomUUID();
    revocations.apply(new SessionsRevoked(user, List.of(ended), null, now() + 900));
    assertThat(revocations.refuses(caller(user, ended, now()))).isTrue();
    assertThat(revocations.refuses(caller(user, UUID.randomUUID(), now()))).isFalse();
  }

  @Test
  void anAccountWideRevocationRefusesOnlyTokensIssuedBeforeIt() {
    Revocations revocations = new Revocations();
    UUID user = UUID.randomUUID();
    long at = now();
    revocations.apply(new SessionsRevoked(user, List.of(), at, at + 900));
    assertThat(revocations.refuses(caller(user, UUID.randomUUID(), at - 1))).isTrue();
    assertThat(revocations.refuses(caller(user, UUID.randomUUID(), at))).isFalse();
    assertThat(revocations.refuses(caller(UUID.randomUUID(), UUID.randomUUID(), at - 1))).isFalse();
  }

  @Test
  void entriesPastTheirTimeAreDropped() {
    Revocations revocations = new Revocations();
    UUID user = UUID.randomUUID();
    UUID session = UUID.randomUUID();
    revocations.apply(new SessionsRevoked(user, List.of(session), null, now() - 1));
    revocations.purge();
    assertThat(revocations.refuses(caller(user, session, now() - 900))).isFalse();
  }

  @Test
  void aServiceThatStartsLaterAsksTheUserServiceForWhatItRevoked() {
    UUID user = UUID.randomUUID();
    UUID session = UUID.randomUUID();
    UUID deleted = UUID.randomUUID();
    vertx.eventBus().consumer(Addresses.USER_REVOCATIONS_GET, m -> m.reply(Bus.message().put("revocations",
        new JsonArray().add(new SessionsRevoked(user, List.of(session), null, now() + 900).toJson())
            .add(new SessionsRevoked(deleted, List.of(), now() + 1, now() + 900).toJson())))).completion().await();
    Revocations revocations = new Revocations();
    revocations.start(vertx, 2_000).await();
    assertThat(revocations.refuses(caller(user, session, now()))).isTrue();
    assertThat(revocations.refuses(caller(deleted, UUID.randomUUID(), now()))).isTrue();
  }

  @Test
  void withNoUserServiceAnsweringTheServiceStartsAllTheSame() {
    Revocations revocations = new Revocations();
    revocations.start(vertx, 500).await();
    UUID user = UUID.randomUUID();
    UUID session = UUID.randomUUID();
    vertx.eventBus().publish(Addresses.USER_SESSIONS_REVOKED,
        new SessionsRevoked(user, List.of(session), null, now() + 900).toJson());
    org.jobdash.common.testing.Waits.until(() -> revocations.refuses(caller(user, session, now())), r -> r,
        java.time.Duration.ofSeconds(1));
  }
}
