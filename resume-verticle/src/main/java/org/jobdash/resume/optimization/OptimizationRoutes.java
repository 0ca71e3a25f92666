package org.jobdash.resume.optimization;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.http.JsonBodies;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.common.text.Text;
import org.jobdash.resume.StorableText;

import java.util.UUID;

/** Optimisation requests and their tracking rows, and feedback on them. */
public final class OptimizationRoutes {

  private static final int MAX_JOB_DESCRIPTION = 20_000;

  private final OptimizationService optimizations;

  public OptimizationRoutes(OptimizationService optimizations) {
    this.optimizations = optimizations;
  }

  /** Mount before {@code /api/v1/resumes/{id}} routes. */
  public void mount(Router router, RequestContract contract) {
    router.get("/api/v1/resumes/optimizations/:oid").handler(contract.validate("getOptimization")).handler(this::get);
    router.post("/api/v1/resumes/optimizations/:oid/feedback").handler(contract.validate("createOptimizationFeedback"))
        .handler(this::feedback);
    router.post("/api/v1/resumes/:id/optimizations").handler(contract.validate("requestResumeOptimization"))
        .handler(this::request);
    router.get("/api/v1/resumes/:id/optimizations").handler(contract.validate("listResumeOptimizations"))
        .handler(this::ofResume);
  }

  private void request(RoutingContext ctx) {
    UUID resumeId = JsonInput.pathUuid(ctx, "id");
    JsonInput in = JsonBodies.raw(ctx).length() == 0 ? JsonInput.of(new JsonObject()) : JsonInput.body(ctx);
    String jobDescription = in.optionalString("jobDescription", MAX_JOB_DESCRIPTION);
    String targetRole = in.optionalString("targetRole", 255);
    UUID templateId = in.optionalUuid("templateId");
    String type = in.optionalString("optimizationType", 50);
    if (type != null && !isTypeName(type)) {
      in.error("optimizationType", "must be lower-case letters and underscores, e.g. general or job_match");
    }
    StorableText.check(in, "jobDescription", jobDescription);
    StorableText.check(in, "targetRole", targetRole);
    in.validate();
    OptimizationService.Request request = new OptimizationService.Request(type == null ? "general" : type,
        Text.blankToNull(jobDescription), Text.blankToNull(targetRole), templateId);
    optimizations.request(AuthUser.of(ctx).userId(), resumeId, request)
        .onSuccess(o -> {
          ctx.response().putHeader("Location", "/api/v1/resumes/optimizations/" + o.id());
          ServiceRouter.json(ctx, 202, o.toJson());
        })
        .onFailure(ctx::fail);
  }

  private void ofResume(RoutingContext ctx) {
    optimizations.ofResume(AuthUser.of(ctx).userId(), JsonInput.pathUuid(ctx, "id"))
        .onSuccess(list -> {
          JsonArray items = new JsonArray();
          list.forEach(o -> items.add(o.toJson()));
          ServiceRouter.json(ctx, 200, new JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    optimizations.get(AuthUser.of(ctx).userId(), JsonInput.pathUuid(ctx, "oid"))
        .onSuccess(o -> ServiceRouter.json(ctx, 200, o.toJson()))
        .onFailure(ctx::fail);
  }

  private void feedback(RoutingContext ctx) {
    UUID id = JsonInput.pathUuid(ctx, "oid");
    JsonInput in = JsonInput.body(ctx);
    Integer rating = in.requiredInt("rating", 1, 5);
    Boolean helpful = in.optionalBoolean("helpful");
    String comment = in.optionalString("comment", 2000);
    StorableText.check(in, "comment", comment);
    in.validate();
    optimizations.feedback(AuthUser.of(ctx).userId(), id, rating, helpful, Text.blankToNull(comment))
        .onSuccess(f -> ServiceRouter.json(ctx, 201, f.toJson()))
        .onFailure(ctx::fail);
  }

  /** A lower-case letter, then lower-case letters and underscores. */
  static boolean isTypeName(String type) {
    return !type.isEmpty() && type.charAt(0) >= 'a' && type.charAt(0) <= 'z'
        && type.chars().allMatch(c -> (c >= 'a' && c <= 'z') || c == '_');
  }
}
