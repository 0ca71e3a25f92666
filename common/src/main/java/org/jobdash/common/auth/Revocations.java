package org.jobdash.common.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.Bus;
import org.jobdash.common.bus.BusConsumers;
import org.jobdash.common.bus.SessionsRevoked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The deny list of one service: sessions (and, for account-wide revocations, a user's tokens issued before a time)
 * whose tokens are refused although their signature is good, each kept until every token it names has expired.
 * Fed by {@code user.sessions.revoked}, and at start by what the user service still knows
 * ({@code user.revocations.get}), so that a service started later refuses them too.
 */
public final class Revocations {

  private static final Logger log = LoggerFactory.getLogger(Revocations.class);

  private record AccountWide(long issuedBefore, long until) {}

  private final Map<UUID, Long> sessions = new ConcurrentHashMap<>();
  private final Map<UUID, AccountWide> accounts = new ConcurrentHashMap<>();
  private final List<Consumer<SessionsRevoked>> listeners = new CopyOnWriteArrayList<>();

  /** Refuses this revocation's tokens from now on, and tells the listeners (a verifier evicting its cache). */
  public void apply(SessionsRevoked revoked) {
    long now = nowSeconds();
    if (revoked.until() <= now) {
      return;
    }
    revoked.sessionIds().forEach(id -> sessions.merge(id, revoked.until(), Math::max));
    if (revoked.issuedBefore() != null) {
      accounts.merge(revoked.userId(), new AccountWide(revoked.issuedBefore(), revoked.until()),
          (a, b) -> new AccountWide(Math.max(a.issuedBefore(), b.issuedBefore()), Math.max(a.until(), b.until())));
    }
    listeners.forEach(listener -> listener.accept(revoked));
  }

  /** Whether the token that proved {@code caller} is revoked. */
  public boolean refuses(AuthUser caller) {
    if (sessions.containsKey(caller.sessionId())) {
      return true;
    }
    AccountWide account = accounts.get(caller.userId());
    return account != null && caller.issuedAtEpochSecond() < account.issuedBefore();
  }

  /** Whether {@code revoked} names the token that proved {@code caller}. */
  public static boolean names(SessionsRevoked revoked, AuthUser caller) {
    return revoked.sessionIds().contains(caller.sessionId()) || (revoked.userId().equals(caller.userId())
        && revoked.issuedBefore() != null && caller.issuedAtEpochSecond() < revoked.issuedBefore());
  }

  void onRevoked(Consumer<SessionsRevoked> listener) {
    listeners.add(listener);
  }

  /**
   * Listens to {@code user.sessions.revoked}, drops entries past their time every minute, and asks the user service
   * for the revocations it still knows; an unanswered request is logged, not fatal (the user service may start
   * after this one: then it has revoked nothing this service could have accepted since).
   */
  public Future<Void> start(Vertx vertx, long requestTimeoutMs) {
    vertx.setPeriodic(60_000, id -> purge());
    return new BusConsumers(vertx).consume(Addresses.USER_SESSIONS_REVOKED, SessionsRevoked::fromJson, revoked -> {
      apply(revoked);
      return Future.succeededFuture();
    }).completion().compose(v -> Bus.request(vertx, Addresses.USER_REVOCATIONS_GET, new JsonObject(), requestTimeoutMs)
        .map(reply -> {
          JsonArray all = reply.getJsonArray("revocations", new JsonArray());
          for (Object r : all) {
            apply(SessionsRevoked.fromJson((JsonObject) r));
          }
          return (Void) null;
        })
        .recover(e -> {
          log.warn("the user service's current revocations are not known yet: {}", e.getMessage());
          return Future.succeededFuture();
        }));
  }

  void purge() {
    long now = nowSeconds();
    sessions.values().removeIf(until -> until <= now);
    accounts.values().removeIf(a -> a.until() <= now);
  }

  private static long nowSeconds() {
    return System.currentTimeMillis() / 1000;
  }
}
