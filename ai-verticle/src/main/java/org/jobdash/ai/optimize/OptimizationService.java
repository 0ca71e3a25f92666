package org.jobdash.ai.optimize;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.jobdash.ai.ResumeTexts;
import org.jobdash.ai.analysis.ContentAnalyzer;
import org.jobdash.ai.provider.RemoteChat;
import org.jobdash.ai.session.SessionRecorder;
import org.jobdash.ai.session.Usage;
import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.Bus;
import org.jobdash.common.bus.OptimizationResult;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.common.work.Deadline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Optimises a résumé with a template: the user's settings (stored here, merged with the user service's AI
 * settings, which are optional), the template's deterministic rules on the inference worker, then — when a
 * remote optimizer is configured and the user allows it — a rewrite by the remote chat model, falling back to the
 * template result. The template's rules and the scoring run within the request's deadline. The result, its history
 * entry and the session are stored in one transaction.
 */
public final class OptimizationService {

  public static final String LOCAL_MODEL = "local-template-optimizer";

  /** What to optimise; {@code requestId} is set for event-bus requests, which are answered once per id. */
  public record Request(UUID userId, UUID requestId, UUID resumeId, String content, String jobDescription,
                        UUID templateId, String targetRole) {}

  /** The stored optimisation as the caller sees it. */
  public record Outcome(UUID optimizationId, UUID sessionId, OptimizationResult result, String templateName,
                        Usage usage) {
    public JsonObject toJson() {
      return result.toJson().put("optimizationId", optimizationId == null ? null : optimizationId.toString())
          .put("sessionId", sessionId == null ? null : sessionId.toString()).put("templateName", templateName)
          .put("improvement", Math.round((result.scoreAfter() - result.scoreBefore()) * 100) / 100.0)
          .put("fallbackUsed", usage.fallbackUsed());
    }
  }

  private record Local(String text, List<JsonObject> changes, double before, double after) {}

  private final Vertx vertx;
  private final Pool pool;
  private final OptimizeRepository repository;
  private final SessionRecorder sessions;
  private final BoundedWorker worker;
  private final RemoteChat chat;
  private final String optimizer;
  private final long preferencesTimeoutMs;
  private final ResumeTexts resumes;

  public OptimizationService(Vertx vertx, Pool pool, OptimizeRepository repository, SessionRecorder sessions,
                             BoundedWorker worker, RemoteChat chat, String optimizer, long preferencesTimeoutMs,
                             ResumeTexts resumes) {
    this.vertx = vertx;
    this.pool = pool;
    this.repository = repository;
    this.sessions = sessions;
    this.worker = worker;
    this.chat = chat;
    this.optimizer = optimizer;
    this.preferencesTimeoutMs = preferencesTimeoutMs;
    this.resumes = resumes;
  }

  /** The user's settings: stored ones or defaults, with the user service's AI settings where it answers in time. */
  public Future<Settings> settings(UUID userId) {
    Future<JsonObject> fromUserService = Bus.request(vertx, Addresses.USER_PREFERENCES_GET,
            Bus.message().put("userId", userId.toString()), preferencesTimeoutMs)
        .map(reply -> reply.getJsonObject("preferences", new JsonObject()))
        .otherwise(new JsonObject());
    return repository.settings(userId).compose(stored -> fromUserService
        .map(p -> stored.orElseGet(Settings::defaults).withUserService(p)));
  }

  public Future<Settings> saveSettings(UUID userId, Settings settings) {
    Future<Void> templateExists = settings.preferredTemplateId() == null ? Future.succeededFuture()
        : repository.template(settings.preferredTemplateId()).compose(t -> t.isPresent() ? Future.succeededFuture()
            : Future.failedFuture(ApiException.Invalid.field("preferredTemplateId", "is not an active template")));
    return templateExists.compose(v -> repository.saveSettings(userId, settings));
  }

  public Future<Outcome> optimize(Request request, Deadline deadline) {
    if (request.requestId() == null) {
      // a client's request may link the result to a résumé only if the caller owns it
      Future<String> owned = request.resumeId() == null ? Future.succeededFuture()
          : resumes.owned(request.userId(), request.resumeId());
      return owned.compose(ignored -> run(request, deadline));
    }
    return sessions.byRequest(pool, request.requestId()).compose(existing -> {
      if (existing.isPresent() && "completed".equals(existing.get().status())
          && existing.get().metadata().containsKey("result")) {
        JsonObject stored = existing.get().metadata();
        return Future.succeededFuture(new Outcome(UUID.fromString(stored.getString("optimizationId")),
            existing.get().sessionId(), OptimizationResult.fromJson(stored.getJsonObject("result")),
            stored.getString("templateName"), Usage.local(stored.getJsonObject("result").getString("model"), 0, 0)));
      }
      return run(request, deadline);
    });
  }

  private Future<Outcome> run(Request request, Deadline deadline) {
    long started = System.nanoTime();
    return settings(request.userId()).compose(settings -> template(request.templateId(), settings)
        .compose(template -> worker.submit(deadline, d -> local(request, template, settings, d))
            .compose(local -> rewrite(request, template, settings, local, deadline))
            .compose(done -> store(request, template, done.local(), done.usage(), started))))
        .recover(e -> sessions.failed(pool, request.userId(), "optimization", LOCAL_MODEL, started, request.resumeId(),
            e));
  }

  private Future<Template> template(UUID requested, Settings settings) {
    if (requested != null) {
      return repository.template(requested).map(t -> t.orElseThrow(() -> new ApiException.NotFound("No such template")));
    }
    if (settings.preferredTemplateId() != null) {
      return repository.template(settings.preferredTemplateId())
          .compose(t -> t.isPresent() ? Future.succeededFuture(t.get()) : repository.defaultTemplate());
    }
    return repository.defaultTemplate();
  }

  private static Local local(Request request, Template template, Settings settings, Deadline deadline) {
    SkillTaxonomy taxonomy = SkillTaxonomy.shared();
    TemplateOptimizer.Result result = TemplateOptimizer.optimize(request.content(), template, request.jobDescription(),
        settings, taxonomy, deadline);
    return new Local(result.text(), result.changes(), score(request.content(), template, request.jobDescription(),
        deadline), score(result.text(), template, request.jobDescription(), deadline));
  }

  /** Content quality, and with a job description the share of its skills the text names. */
  static double score(String text, Template template, String job, Deadline deadline) {
    Set<String> verbs = new HashSet<>();
    template.rule("action_verbs").forEach(v -> verbs.add(v.toLowerCase(Locale.ROOT)));
    double content = ContentAnalyzer.analyze(text, verbs, deadline).overall();
    if (job == null) {
      return content;
    }
    SkillTaxonomy taxonomy = SkillTaxonomy.shared();
    List<String> wanted = taxonomy.findByPhrase(job, deadline).stream().map(f -> f.skill().name()).toList();
    if (wanted.isEmpty()) {
      return content;
    }
    List<String> have = taxonomy.findByPhrase(text, deadline).stream().map(f -> f.skill().name()).toList();
    double coverage = 100.0 * wanted.stream().filter(have::contains).count() / wanted.size();
    return Math.round((0.7 * content + 0.3 * coverage) * 100) / 100.0;
  }

  private record Rewritten(Local local, Usage usage) {}

  private Future<Rewritten> rewrite(Request request, Template template, Settings settings, Local local,
                                    Deadline deadline) {
    Usage templateUsage = Usage.local(LOCAL_MODEL, 0, 0);
    if ("local".equals(optimizer) || !settings.remoteAllowed()) {
      return Future.succeededFuture(new Rewritten(local, templateUsage));
    }
    String model = chat.chatModel(optimizer);
    String system = "You rewrite résumés for the '" + template.name() + "' template. " + template.instructions()
        + " Prefer these verbs: " + String.join(", ", template.rule("action_verbs")) + ". Avoid: "
        + String.join(", ", template.rule("avoid_phrases")) + ". Tone: " + settings.tone() + ". Keep every fact: "
        + "never invent employers, dates, numbers, licences or skills. Answer with the résumé text only.";
    String user = (request.jobDescription() == null ? "" : "Job description:\n" + request.jobDescription() + "\n\n")
        + "Résumé:\n" + local.text();
    return chat.chat(optimizer, system, user)
        .compose(reply -> worker.submit(deadline, d -> {
          List<JsonObject> changes = new ArrayList<>(local.changes());
          changes.add(new JsonObject().put("section", "all").put("changeType", "modified").put("oldValue", null)
              .put("newValue", null).put("reason", "rewritten by " + model + " following the template"));
          return new Rewritten(new Local(reply.text() + "\n", changes, local.before(),
              score(reply.text(), template, request.jobDescription(), d)),
              new Usage(model, optimizer, reply.inputTokens(), reply.outputTokens(), null, null, null));
        }))
        .recover(e -> e instanceof ApiException ? Future.failedFuture(e)
            : Future.succeededFuture(new Rewritten(local, new Usage(LOCAL_MODEL, "local", 0, 0, model, optimizer,
                e.getMessage()))));
  }

  private Future<Outcome> store(Request request, Template template, Local local, Usage usage, long started) {
    UUID optimizationId = UUID.randomUUID();
    long latency = (System.nanoTime() - started) / 1_000_000;
    OptimizationResult result = new OptimizationResult(request.requestId() == null ? optimizationId
        : request.requestId(), local.text(), new JsonArray(new ArrayList<>(local.changes())), local.before(),
        local.after(), usage.model(), template.id(), latency);
    JsonObject metadata = new JsonObject().put("optimizationId", optimizationId.toString())
        .put("templateName", template.name()).put("changes", local.changes().size());
    if (request.requestId() != null) {
      metadata.put("result", result.toJson());
    }
    SessionRecorder.Outcome session = new SessionRecorder.Outcome(request.userId(), "optimization", usage, latency,
        null, request.requestId(), request.resumeId(), metadata);
    return pool.withTransaction(conn -> sessions.record(conn, session,
        sessionId -> repository.save(conn, new OptimizeRepository.Saved(optimizationId, request.userId(),
                sessionId, request.resumeId(), template.id(), request.content(), local.text(), request.jobDescription(),
                request.targetRole(), result.changes(), local.before(), local.after(), usage.model()))
            .map(v -> new Outcome(optimizationId, sessionId, result, template.name(), usage))));
  }

  public Future<Optional<Template>> template(UUID id) {
    return repository.template(id);
  }

  public Future<List<Template>> templates() {
    return repository.templates();
  }
}
