package org.jobdash.user.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.Bus;
import org.jobdash.common.bus.SessionsRevoked;
import org.jobdash.user.account.DeletionRepository;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tells every service which tokens to refuse before they expire: each ended session, and for an account-wide
 * revocation every token of the user issued before now, on {@code user.sessions.revoked}; and answers a service
 * that starts with what may still be unexpired ({@code user.revocations.get}, from the database).
 */
public final class RevocationNotices {

  private final Vertx vertx;
  private final Duration accessTokenTtl;
  private final SessionRepository sessions;
  private final DeletionRepository deletions;

  public RevocationNotices(Vertx vertx, Duration accessTokenTtl, SessionRepository sessions,
                           DeletionRepository deletions) {
    this.vertx = vertx;
    this.accessTokenTtl = accessTokenTtl;
    this.sessions = sessions;
    this.deletions = deletions;
  }

  /** These sessions of the user ended (logout, a session ended, a password change's other sessions). */
  public void sessions(UUID userId, List<UUID> ended) {
    if (!ended.isEmpty()) {
      publish(new SessionsRevoked(userId, ended, null, until()));
    }
  }

  /**
   * Every session of the user ended (logout everywhere, reset): these, and any token issued before this second.
   * A token issued later in the same second stays good unless its session is named: a new login may follow at once.
   */
  public void account(UUID userId, List<UUID> ended) {
    publish(new SessionsRevoked(userId, ended, nowSeconds(), until()));
  }

  /** The account is gone: every token of it, this second's included, is refused. */
  public void deleted(UUID userId) {
    publish(new SessionsRevoked(userId, List.of(), nowSeconds() + 1, until()));
  }

  /** What a starting service must refuse: sessions revoked, and accounts deleted, within an access token's life. */
  public Future<JsonObject> current() {
    Duration within = accessTokenTtl.plusMinutes(1);
    return Future.all(sessions.recentlyRevoked(within), deletions.recent(within)).map(both -> {
      long until = until();
      Map<UUID, List<UUID>> byUser = new HashMap<>();
      for (UUID[] pair : both.<List<UUID[]>>resultAt(0)) {
        byUser.computeIfAbsent(pair[0], k -> new java.util.ArrayList<>()).add(pair[1]);
      }
      JsonArray all = new JsonArray();
      byUser.forEach((user, ids) -> all.add(new SessionsRevoked(user, ids, null, until).toJson()));
      both.<List<org.jobdash.common.bus.UserDeleted>>resultAt(1).forEach(d -> all.add(new SessionsRevoked(
          d.userId(), List.of(), d.deletedAt().getEpochSecond() + 1, until).toJson()));
      return Bus.message().put("revocations", all);
    });
  }

  private void publish(SessionsRevoked revoked) {
    vertx.eventBus().publish(Addresses.USER_SESSIONS_REVOKED, revoked.toJson());
  }

  private long until() {
    return nowSeconds() + accessTokenTtl.toSeconds() + 60;
  }

  private static long nowSeconds() {
    return System.currentTimeMillis() / 1000;
  }
}
