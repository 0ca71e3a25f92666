package org.jobdash.user;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.Bus;
import org.jobdash.common.bus.BusConsumers;
import org.jobdash.common.http.ApiException;
import org.jobdash.user.account.User;
import org.jobdash.user.account.UserRepository;
import org.jobdash.user.profile.ProfileService;
import org.jobdash.user.session.RevocationNotices;

import java.util.UUID;

/**
 * What the user service answers on the event bus: {@code user.get}, {@code user.preferences.get} and
 * {@code user.revocations.get}.
 */
final class UserBusApi {

  private final UserRepository users;
  private final ProfileService profiles;
  private final RevocationNotices revocations;

  UserBusApi(UserRepository users, ProfileService profiles, RevocationNotices revocations) {
    this.users = users;
    this.profiles = profiles;
    this.revocations = revocations;
  }

  Future<Void> register(Vertx vertx) {
    return new BusConsumers(vertx)
        .answer(Addresses.USER_GET, UserBusApi::userId, this::user,
            user -> Bus.message().put("user", user.toJson()))
        .answer(Addresses.USER_PREFERENCES_GET, UserBusApi::userId,
            id -> profiles.preferences(id).map(preferences -> Bus.message().put("userId", id.toString())
                .put("preferences", preferences.toJson())),
            reply -> reply)
        .answer(Addresses.USER_REVOCATIONS_GET, body -> body, body -> revocations.current(), reply -> reply)
        .completion();
  }

  private Future<User> user(UUID id) {
    return users.findById(id).map(found -> found.orElseThrow(() -> new ApiException.NotFound("no such user")));
  }

  private static UUID userId(JsonObject body) {
    return Bus.uuid(body, "userId");
  }
}
