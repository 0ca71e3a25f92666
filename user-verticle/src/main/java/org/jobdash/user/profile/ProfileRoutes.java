package org.jobdash.user.profile;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.common.text.Text;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.common.work.Deadline;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code /api/v1/users/me/profile}, {@code /preferences} and {@code /complete}. */
public final class ProfileRoutes {

  /** How long checking a JSON Resume document against its schema may take (a 1 MiB body at most). */
  private static final Duration JSON_RESUME_DEADLINE = Duration.ofSeconds(10);

  private final ProfileService profiles;
  private final BoundedWorker worker;

  /** @param worker where documents are checked against the JSON Resume schema (the deployment's JSON worker) */
  public ProfileRoutes(ProfileService profiles, BoundedWorker worker) {
    this.profiles = profiles;
    this.worker = worker;
  }

  /**
   * @param body the JSON body handler, mounted after the token check
   * @param contract the document's checks of each operation (its types, lengths and vocabularies), after the body
   */
  public void mount(Router router, Handler<RoutingContext> body, Handler<RoutingContext> authenticated,
                    RequestContract contract) {
    router.get("/api/v1/users/me/profile").handler(authenticated).handler(contract.validate("getProfile"))
        .handler(this::getProfile);
    router.put("/api/v1/users/me/profile").handler(authenticated).handler(body).handler(contract.validate("putProfile"))
        .handler(this::putProfile);
    router.get("/api/v1/users/me/profile/json-resume").handler(authenticated)
        .handler(contract.validate("getProfileJsonResume")).handler(this::getJsonResume);
    router.put("/api/v1/users/me/profile/json-resume").handler(authenticated).handler(body)
        .handler(contract.validate("putProfileJsonResume")).handler(this::putJsonResume);
    router.get("/api/v1/users/me/preferences").handler(authenticated).handler(contract.validate("getPreferences"))
        .handler(this::getPreferences);
    router.put("/api/v1/users/me/preferences").handler(authenticated).handler(body)
        .handler(contract.validate("putPreferences")).handler(this::putPreferences);
    router.get("/api/v1/users/me/complete").handler(authenticated).handler(contract.validate("getCompleteUser"))
        .handler(this::complete);
  }

  private void getProfile(RoutingContext ctx) {
    profiles.profile(AuthUser.of(ctx).userId())
        .onSuccess(p -> ServiceRouter.json(ctx, 200, p.toJson()))
        .onFailure(ctx::fail);
  }

  private void putProfile(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    String headline = in.optionalString("headline", 255);
    String summary = in.optionalString("summary", 10_000);
    JsonArray skills = entries(in, "skills", 200);
    JsonArray certifications = entries(in, "certifications", 100);
    JsonArray languages = entries(in, "languages", 50);
    JsonObject links = in.optionalObject("links");
    JsonArray work = entries(in, "workExperience", 100);
    JsonArray projects = entries(in, "projects", 100);
    JsonArray awards = entries(in, "awards", 100);
    JsonArray volunteer = entries(in, "volunteer", 100);
    String visibility = in.optionalString("visibility", 20);
    in.validate();
    Profile profile = new Profile(Text.blankToNull(headline), Text.blankToNull(summary), orEmpty(skills),
        orEmpty(certifications), orEmpty(languages), links == null ? new JsonObject() : links, orEmpty(work),
        orEmpty(projects), orEmpty(awards), orEmpty(volunteer), visibility == null ? "private" : visibility, null);
    profiles.saveProfile(AuthUser.of(ctx).userId(), profile)
        .onSuccess(p -> ServiceRouter.json(ctx, 200, p.toJson()))
        .onFailure(ctx::fail);
  }

  private void getJsonResume(RoutingContext ctx) {
    profiles.jsonResume(AuthUser.of(ctx).userId())
        .onSuccess(doc -> ServiceRouter.json(ctx, 200, doc))
        .onFailure(ctx::fail);
  }

  /** The body is the JSON Resume document itself. */
  private void putJsonResume(RoutingContext ctx) {
    JsonObject document = JsonInput.body(ctx).raw();
    profiles.saveJsonResume(AuthUser.of(ctx).userId(), document, worker, Deadline.after(JSON_RESUME_DEADLINE))
        .onSuccess(doc -> ServiceRouter.json(ctx, 200, doc))
        .onFailure(ctx::fail);
  }

  private void getPreferences(RoutingContext ctx) {
    profiles.preferences(AuthUser.of(ctx).userId())
        .onSuccess(p -> ServiceRouter.json(ctx, 200, p.toJson()))
        .onFailure(ctx::fail);
  }

  private void putPreferences(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    List<String> roles = in.optionalStringList("desiredRoles", 50, 100);
    List<String> locations = in.optionalStringList("preferredLocations", 50, 100);
    String remote = in.optionalString("remotePreference", 10);
    Integer salaryMin = in.optionalInt("salaryMin", 0, 100_000_000);
    Integer salaryMax = in.optionalInt("salaryMax", 0, 100_000_000);
    String currency = in.optionalString("salaryCurrency", 3);
    List<String> jobTypes = in.optionalStringList("jobTypes", 10, 20);
    List<String> industries = in.optionalStringList("industries", 50, 100);
    List<String> sizes = in.optionalStringList("companySizes", 10, 50);
    Boolean relocate = in.optionalBoolean("willingToRelocate");
    String availability = in.optionalString("availabilityDate", 10);
    String careerLevel = in.optionalString("careerLevel", 30);
    JsonObject ai = in.optionalObject("aiPersonalization");
    Boolean aiEnabled = in.optionalBoolean("aiOptimizationEnabled");
    JsonObject notifications = in.optionalObject("notificationSettings");
    String alerts = in.optionalString("jobAlertFrequency", 20);
    if (salaryMin != null && salaryMax != null && salaryMin > salaryMax) {
      in.error("salaryMax", "must not be less than salaryMin");
    }
    LocalDate availabilityDate = null;
    if (availability != null) {
      try {
        availabilityDate = LocalDate.parse(availability);
      } catch (DateTimeParseException e) {
        in.error("availabilityDate", "must be a date like 2027-03-01");
      }
    }
    // the document names the tones and levels; the size of the whole it cannot say
    if (ai != null && ai.encode().length() > 10_000) {
      in.error("aiPersonalization", "is too large");
    }
    if (notifications != null && notifications.encode().length() > 10_000) {
      in.error("notificationSettings", "is too large");
    }
    in.validate();
    Preferences preferences = new Preferences(orEmpty(roles), orEmpty(locations), remote == null ? "any" : remote,
        salaryMin, salaryMax, currency == null ? "USD" : currency, orEmpty(jobTypes), orEmpty(industries),
        orEmpty(sizes), Boolean.TRUE.equals(relocate), availabilityDate, Text.blankToNull(careerLevel),
        ai == null ? new JsonObject() : ai, !Boolean.FALSE.equals(aiEnabled),
        notifications == null ? new JsonObject() : notifications, alerts, null);
    profiles.savePreferences(AuthUser.of(ctx).userId(), preferences)
        .onSuccess(p -> ServiceRouter.json(ctx, 200, p.toJson()))
        .onFailure(ctx::fail);
  }

  private void complete(RoutingContext ctx) {
    profiles.complete(AuthUser.of(ctx).userId())
        .onSuccess(doc -> ServiceRouter.json(ctx, 200, doc))
        .onFailure(ctx::fail);
  }

  /** A list of entries, each a short string or an object with a {@code name} or {@code title}. */
  private static JsonArray entries(JsonInput in, String field, int maxItems) {
    JsonArray array = in.optionalArray(field, maxItems);
    if (array == null) {
      return null;
    }
    for (Object item : array) {
      boolean ok = item instanceof String s ? !s.isBlank() && s.length() <= 200
          : item instanceof JsonObject o && o.encode().length() <= 5_000;
      if (!ok) {
        in.error(field, "must contain non-blank strings of at most 200 characters or objects");
        return null;
      }
    }
    return array;
  }

  private static JsonArray orEmpty(JsonArray a) {
    return a == null ? new JsonArray() : a;
  }

  private static List<String> orEmpty(List<String> l) {
    return l == null ? List.of() : l;
  }
}
