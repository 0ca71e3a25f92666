package org.jobdash.resume.version;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.RequestDeadline;
import org.jobdash.common.http.ServiceRouter;

import java.time.Duration;
import java.util.UUID;

/** {@code /api/v1/resumes/{id}/versions}: history, one version, comparison, restore. */
public final class VersionRoutes {

  /** The most digits a version number has here (the column is an integer). */
  private static final int MAX_VERSION_DIGITS = 9;

  private final VersionService versions;
  private final Duration processingTimeout;

  /** @param processingTimeout how long the text work of one request (a diff, section changes) may take */
  public VersionRoutes(VersionService versions, Duration processingTimeout) {
    this.versions = versions;
    this.processingTimeout = processingTimeout;
  }

  public void mount(Router router, RequestContract contract) {
    router.get("/api/v1/resumes/:id/versions").handler(contract.validate("listResumeVersions")).handler(this::history);
    router.get("/api/v1/resumes/:id/versions/compare").handler(contract.validate("compareResumeVersions"))
        .handler(this::compare);
    router.get("/api/v1/resumes/:id/versions/:n").handler(contract.validate("getResumeVersion")).handler(this::one);
    router.post("/api/v1/resumes/:id/versions/:n/restore").handler(contract.validate("restoreResumeVersion"))
        .handler(this::restore);
  }

  private void history(RoutingContext ctx) {
    versions.history(AuthUser.of(ctx).userId(), JsonInput.pathUuid(ctx, "id"))
        .onSuccess(list -> {
          JsonArray items = new JsonArray();
          list.forEach(v -> items.add(v.toJson()));
          ServiceRouter.json(ctx, 200, new JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    versions.get(AuthUser.of(ctx).userId(), JsonInput.pathUuid(ctx, "id"), versionNumber(ctx))
        .onSuccess(v -> ServiceRouter.json(ctx, 200, v.toJson()))
        .onFailure(ctx::fail);
  }

  private void compare(RoutingContext ctx) {
    UUID id = JsonInput.pathUuid(ctx, "id");
    int from = requiredQueryInt(ctx, "from");
    int to = requiredQueryInt(ctx, "to");
    versions.compare(AuthUser.of(ctx).userId(), id, from, to, RequestDeadline.of(ctx, processingTimeout))
        .onSuccess(c -> ServiceRouter.json(ctx, 200, c.toJson()))
        .onFailure(ctx::fail);
  }

  private void restore(RoutingContext ctx) {
    UUID id = JsonInput.pathUuid(ctx, "id");
    versions.restore(AuthUser.of(ctx).userId(), id, versionNumber(ctx), RequestDeadline.of(ctx, processingTimeout))
        .onSuccess(v -> {
          ctx.response().putHeader("Location", "/api/v1/resumes/" + id + "/versions/" + v.versionNumber());
          ServiceRouter.json(ctx, 201, v.toJson());
        })
        .onFailure(ctx::fail);
  }

  private static int versionNumber(RoutingContext ctx) {
    return versionNumber(ctx.pathParam("n"));
  }

  /** A version number in the path; anything but a positive integer cannot name a version: 404. */
  static int versionNumber(String raw) {
    if (raw == null || raw.isEmpty() || raw.length() > MAX_VERSION_DIGITS || raw.charAt(0) == '0'
        || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new ApiException.NotFound("No such version");
    }
    return Integer.parseInt(raw);
  }

  private static int requiredQueryInt(RoutingContext ctx, String name) {
    if (ctx.request().getParam(name) == null) {
      throw ApiException.Invalid.field(name, "is required");
    }
    return JsonInput.queryInt(ctx, name, 1, 1, Integer.MAX_VALUE);
  }
}
