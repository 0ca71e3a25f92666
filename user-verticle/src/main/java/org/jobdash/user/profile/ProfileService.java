package org.jobdash.user.profile;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.jsonresume.JsonResumeSchema;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.common.work.Deadline;

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

  /** The profile and the account's basics as a JSON Resume document. */
  public Future<JsonObject> jsonResume(UUID userId) {
    return profiles.basics(userId).compose(basics -> profile(userId).map(p -> ProfileJsonResume.toJsonResume(
        basics.orElseThrow(() -> new ApiException.NotFound("No such account")), p)));
  }

  /**
   * Saves a JSON Resume document (checked against the schema on {@code worker}) into the profile and the account's
   * contact fields, in one statement; answers the document as it now reads.
   */
  public Future<JsonObject> saveJsonResume(UUID userId, JsonObject document, BoundedWorker worker, Deadline deadline) {
    return worker.submit(deadline, d -> {
          JsonResumeSchema.check("jsonResume", document);
          return document;
        })
        .compose(doc -> profile(userId).map(current -> ProfileJsonResume.fromJsonResume(doc, current)))
        .compose(saved -> profiles.saveJsonResume(userId, saved))
        .compose(found -> found ? jsonResume(userId)
            : Future.failedFuture(new ApiException.NotFound("No such account")));
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
