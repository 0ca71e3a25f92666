package org.jobdash.user;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.Bus;
import org.jobdash.user.account.UserRepository;
import org.jobdash.user.profile.ProfileService;

import java.util.UUID;

/** What the user service answers on the event bus: {@code user.get} and {@code user.preferences.get}. */
final class UserBusApi {

  private final UserRepository users;
  private final ProfileService profiles;

  UserBusApi(UserRepository users, ProfileService profiles) {
    this.users = users;
    this.profiles = profiles;
  }

  Future<Void> register(Vertx vertx) {
    return vertx.eventBus().<JsonObject>consumer(Addresses.USER_GET, this::user).completion()
        .compose(v -> vertx.eventBus().<JsonObject>consumer(Addresses.USER_PREFERENCES_GET, this::preferences)
            .completion());
  }

  private void user(Message<JsonObject> message) {
    UUID id = userId(message);
    if (id == null) {
      return;
    }
    users.findById(id).onComplete(result -> {
      if (result.failed()) {
        message.fail(503, "user lookup failed");
      } else if (result.result().isEmpty()) {
        message.fail(404, "no such user");
      } else {
        message.reply(Bus.message().put("user", result.result().get().toJson()));
      }
    });
  }

  private void preferences(Message<JsonObject> message) {
    UUID id = userId(message);
    if (id == null) {
      return;
    }
    profiles.preferences(id).onComplete(result -> {
      if (result.failed()) {
        message.fail(503, "preference lookup failed");
      } else {
        message.reply(Bus.message().put("userId", id.toString()).put("preferences", result.result().toJson()));
      }
    });
  }

  private static UUID userId(Message<JsonObject> message) {
    try {
      return UUID.fromString(message.body().getString("userId"));
    } catch (RuntimeException e) {
      message.fail(400, "userId must be a UUID");
      return null;
    }
  }
}
