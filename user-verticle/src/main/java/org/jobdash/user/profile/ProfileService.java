package org.jobdash.user.profile;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.http.ApiException;

import java.util.UUID;

/** Profiles and preferences: absent rows read as defaults, saves replace the whole document. */
public final class ProfileService {

  private final ProfileRepository profiles;

  public ProfileService(ProfileRepository profiles) {
    this.profiles = profiles;
  }

  public Future<Profile> profile(UUID userId) {
    return profiles.profile(userId).map(p -> p.orElseGet(Profile::empty));
  }

  public Future<Profile> saveProfile(UUID userId, Profile profile) {
    return profiles.saveProfile(userId, profile);
  }

  public Future<Preferences> preferences(UUID userId) {
    return profiles.preferences(userId).map(p -> p.orElseGet(Preferences::defaults));
  }

  public Future<Preferences> savePreferences(UUID userId, Preferences preferences) {
    return profiles.savePreferences(userId, preferences);
  }

  public Future<JsonObject> complete(UUID userId) {
    return profiles.complete(userId).map(d -> d.orElseThrow(() -> new ApiException.NotFound("No such account")));
  }
}
