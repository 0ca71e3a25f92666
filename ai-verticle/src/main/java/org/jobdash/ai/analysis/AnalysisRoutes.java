package org.jobdash.ai.analysis;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.ai.AiConfig;
import org.jobdash.ai.TextFields;
import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.RequestDeadline;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.common.text.Text;

import java.util.ArrayList;
import java.util.UUID;

/** {@code POST /api/v1/ai/skills}, {@code /content-analysis} and {@code /job-match}. */
public final class AnalysisRoutes {

  private final AnalysisService service;
  private final AiConfig.Limits limits;

  public AnalysisRoutes(AnalysisService service, AiConfig.Limits limits) {
    this.service = service;
    this.limits = limits;
  }

  /** Mount behind the bearer check, which reads no body: see {@code AiVerticle}. */
  public void mount(Router router, Handler<RoutingContext> body, RequestContract contract) {
    router.post("/api/v1/ai/skills").handler(body).handler(contract.validate("analyzeSkills")).handler(this::skills);
    router.post("/api/v1/ai/content-analysis").handler(body).handler(contract.validate("analyzeContent"))
        .handler(this::content);
    router.post("/api/v1/ai/job-match").handler(body).handler(contract.validate("matchJob")).handler(this::jobMatch);
  }

  private void skills(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    String text = TextFields.text(in, "text", limits.maxTextChars(), true);
    in.validate();
    service.skills(AuthUser.of(ctx).userId(), text, RequestDeadline.of(ctx, limits.taskDeadline()))
        .onSuccess(s -> ServiceRouter.json(ctx, 201, new JsonObject().put("id", s.id().toString())
            .put("sessionId", s.sessionId().toString()).put("skillCount", s.report().found().size())
            .put("primaryCategory", s.report().primaryCategory())
            .put("skills", s.report().grouped())
            .put("categories", s.report().categories(SkillTaxonomy.shared()))
            .put("recommendations", new JsonArray(new ArrayList<>(s.report().recommendations())))))
        .onFailure(ctx::fail);
  }

  private void content(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    String text = TextFields.text(in, "text", limits.maxTextChars(), true);
    String job = TextFields.text(in, "jobDescription", limits.maxTextChars(), false);
    in.validate();
    service.content(AuthUser.of(ctx).userId(), text, Text.blankToNull(job),
            RequestDeadline.of(ctx, limits.taskDeadline()))
        .onSuccess(c -> ServiceRouter.json(ctx, 201, c.report().toJson().put("id", c.id().toString())
            .put("sessionId", c.sessionId().toString())))
        .onFailure(ctx::fail);
  }

  private void jobMatch(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    UUID resumeId = in.optionalUuid("resumeId");
    String resumeText = TextFields.text(in, "resumeText", limits.maxTextChars(), false);
    String job = TextFields.text(in, "jobDescription", limits.maxTextChars(), true);
    String title = TextFields.string(in, "jobTitle", 255);
    // one that was given but refused has its own error already
    if (!TextFields.given(in, "resumeId") && !TextFields.given(in, "resumeText")) {
      in.error("resumeText", "either resumeId or resumeText is required");
    }
    if (resumeId != null && resumeText != null) {
      in.error("resumeText", "give either resumeId or resumeText, not both");
    }
    in.validate();
    service.jobMatch(AuthUser.of(ctx).userId(), resumeId, resumeText, job,
            Text.blankToNull(title), RequestDeadline.of(ctx, limits.taskDeadline()))
        .onSuccess(m -> ServiceRouter.json(ctx, 201, m.match().toJson().put("id", m.id().toString())
            .put("sessionId", m.sessionId().toString())
            .put("resumeId", m.resumeId() == null ? null : m.resumeId().toString())))
        .onFailure(ctx::fail);
  }
}
