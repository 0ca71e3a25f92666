package org.jobdash.ai.embedding;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.ai.AiConfig;
import org.jobdash.ai.TextFields;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.http.JsonBodies;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.RequestDeadline;
import org.jobdash.common.http.ServiceRouter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code POST /api/v1/ai/embeddings}, {@code /embeddings/batch} and {@code /embeddings/search}. */
public final class EmbeddingRoutes {

  static final Set<String> SOURCE_TYPES = Set.of("resume", "resume_chunk", "job_description", "skill", "profile",
      "text", "custom");
  static final int MAX_TEXTS = 64;
  static final int MAX_BATCH = 1000;
  static final int MAX_K = 100;

  private final EmbeddingService service;
  private final AiConfig.Limits limits;

  public EmbeddingRoutes(EmbeddingService service, AiConfig.Limits limits) {
    this.service = service;
    this.limits = limits;
  }

  /** Mount behind the bearer check, which reads no body: see {@code AiVerticle}. */
  public void mount(Router router, Handler<RoutingContext> body, Handler<RoutingContext> batchBody,
                    RequestContract contract) {
    router.post("/api/v1/ai/embeddings").handler(body).handler(contract.validate("createEmbeddings"))
        .handler(this::embed);
    router.post("/api/v1/ai/embeddings/batch").handler(batchBody).handler(contract.validate("storeEmbeddingBatch"))
        .handler(this::batch);
    router.post("/api/v1/ai/embeddings/search").handler(body).handler(contract.validate("searchEmbeddings"))
        .handler(this::search);
  }

  private void embed(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    JsonArray array = in.optionalArray("texts", MAX_TEXTS);
    String sourceType = sourceType(in, "text");
    UUID sourceId = in.optionalUuid("sourceId");
    List<String> texts = new ArrayList<>();
    if (in.raw().getValue("texts") == null) {
      in.error("texts", "is required");
    } else if (array != null) {
      if (array.isEmpty()) {
        in.error("texts", "must have at least one text");
      }
      for (int i = 0; i < array.size(); i++) {
        Object t = array.getValue(i);
        if (t instanceof String s && s.length() > limits.maxTextChars()) {
          throw new ApiException.TooLarge("texts[" + i + "] is longer than the limit of "
              + limits.maxTextChars() + " characters");
        }
        String unfit = t instanceof String s ? TextFields.unfit(s) : null;
        if (!(t instanceof String s) || s.isBlank()) {
          in.error("texts[" + i + "]", "must be a non-blank string");
        } else if (unfit != null) {
          in.error("texts[" + i + "]", unfit);
        } else {
          texts.add(s);
        }
      }
    }
    in.validate();
    service.embedTexts(AuthUser.of(ctx).userId(), texts, sourceType, sourceId,
            RequestDeadline.of(ctx, limits.taskDeadline()))
        .onSuccess(result -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .end(EmbeddedJson.write(result)))
        .onFailure(ctx::fail);
  }

  private void batch(RoutingContext ctx) {
    UUID userId = AuthUser.of(ctx).userId();
    Buffer body = JsonBodies.raw(ctx);
    service.storeBatch(userId, body, RequestDeadline.of(ctx, limits.taskDeadline()))
        .onSuccess(ids -> {
          JsonArray out = new JsonArray();
          ids.forEach(id -> out.add(id.toString()));
          ServiceRouter.json(ctx, 201, new JsonObject().put("stored", ids.size()).put("ids", out));
        })
        .onFailure(ctx::fail);
  }

  private void search(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    String text = TextFields.text(in, "text", limits.maxTextChars(), false);
    float[] vector = in.has("vector") ? Vectors.parse(in.raw().getValue("vector"), "vector", in::error) : null;
    Integer k = in.optionalInt("k", 1, MAX_K);
    String sourceType = sourceType(in, null);
    // a text that was given but refused has its own error already
    if (!TextFields.given(in, "text") && !in.has("vector")) {
      in.error("text", "either text or vector is required");
    }
    if (text != null && in.has("vector")) {
      in.error("vector", "give either text or vector, not both");
    }
    in.validate();
    service.search(AuthUser.of(ctx).userId(), text, vector, k == null ? 10 : k, sourceType,
            RequestDeadline.of(ctx, limits.taskDeadline()))
        .onSuccess(found -> {
          JsonArray hits = new JsonArray();
          found.hits().forEach(h -> hits.add(h.toJson()));
          ServiceRouter.json(ctx, 200, new JsonObject().put("sessionId", found.sessionId().toString())
              .put("model", found.model()).put("items", hits));
        })
        .onFailure(ctx::fail);
  }

  /** {@code sourceType}: one of {@link #SOURCE_TYPES}, or {@code dflt} when absent. */
  private static String sourceType(JsonInput in, String dflt) {
    String value = in.optionalString("sourceType", 50);
    if (value == null) {
      return dflt;
    }
    if (!SOURCE_TYPES.contains(value)) {
      in.error("sourceType", "must be one of " + SOURCE_TYPES);
      return null;
    }
    return value;
  }
}
