package org.jobdash.user.mfa;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.http.ClientAddress;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.user.limit.RateLimiter;
import org.jobdash.user.limit.RateLimits.Action;
import org.jobdash.user.session.SessionRoutes;

import java.util.UUID;

/** {@code /api/v1/auth/mfa}: the caller's TOTP factors, and the second step of a sign-in. */
public final class MfaRoutes {

  private final MfaService mfa;
  private final ClientAddress clientAddress;
  private final RateLimiter limits;

  public MfaRoutes(MfaService mfa, ClientAddress clientAddress, RateLimiter limits) {
    this.mfa = mfa;
    this.clientAddress = clientAddress;
    this.limits = limits;
  }

  public void mount(Router router, Handler<RoutingContext> body, Handler<RoutingContext> authenticated,
                    RequestContract contract) {
    router.post("/api/v1/auth/mfa/factors").handler(authenticated).handler(contract.validate("enrolFactor"))
        .handler(limits.guard(Action.SECOND_FACTOR, RateLimiter.caller())).handler(this::enrol);
    router.get("/api/v1/auth/mfa/factors").handler(authenticated).handler(contract.validate("listFactors"))
        .handler(this::list);
    router.post("/api/v1/auth/mfa/factors/:id/verify").handler(authenticated).handler(body)
        .handler(contract.validate("verifyFactor"))
        .handler(limits.guard(Action.SECOND_FACTOR, RateLimiter.caller())).handler(this::verify);
    router.delete("/api/v1/auth/mfa/factors/:id").handler(authenticated).handler(body)
        .handler(contract.validate("removeFactor"))
        .handler(limits.guard(Action.SECOND_FACTOR, RateLimiter.caller())).handler(this::remove);
    router.post("/api/v1/auth/mfa/challenge").handler(body).handler(contract.validate("passMfaChallenge"))
        .handler(limits.guard(Action.SECOND_FACTOR, RateLimiter.bodyField("mfaToken"))).handler(this::challenge);
  }

  private void enrol(RoutingContext ctx) {
    mfa.enrol(AuthUser.of(ctx).userId())
        .onSuccess(e -> {
          ctx.response().putHeader("Location", "/api/v1/auth/mfa/factors/" + e.factor().id());
          ServiceRouter.json(ctx, 201, MfaService.toJson(e.factor()).put("secret", e.secret()).put("uri", e.uri()));
        })
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    mfa.list(AuthUser.of(ctx).userId())
        .onSuccess(list -> ServiceRouter.json(ctx, 200, new JsonObject().put("items", MfaService.toJson(list))))
        .onFailure(ctx::fail);
  }

  private void verify(RoutingContext ctx) {
    UUID id = JsonInput.pathUuid(ctx, "id");
    JsonInput in = JsonInput.body(ctx);
    String code = in.requiredString("code", 1, 16);
    in.validate();
    AuthUser caller = AuthUser.of(ctx);
    mfa.verify(caller.userId(), caller.sessionId(), id, code.strip())
        .onSuccess(codes -> ServiceRouter.json(ctx, 200, new JsonObject().put("id", id.toString())
            .put("status", "verified").put("recoveryCodes", new JsonArray(codes))))
        .onFailure(ctx::fail);
  }

  private void remove(RoutingContext ctx) {
    UUID id = JsonInput.pathUuid(ctx, "id");
    JsonInput in = JsonInput.body(ctx);
    String code = in.optionalString("code", 16);
    String recoveryCode = in.optionalString("recoveryCode", 32);
    exactlyOne(in, code, recoveryCode);
    in.validate();
    AuthUser caller = AuthUser.of(ctx);
    mfa.remove(caller.userId(), caller.sessionId(), id, strip(code), strip(recoveryCode))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void challenge(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    String token = in.requiredString("mfaToken", 1, 512);
    String code = in.optionalString("code", 16);
    String recoveryCode = in.optionalString("recoveryCode", 32);
    exactlyOne(in, code, recoveryCode);
    in.validate();
    mfa.challenge(token.strip(), strip(code), strip(recoveryCode), clientAddress.of(ctx.request()),
            SessionRoutes.userAgent(ctx))
        .onSuccess(tokens -> ServiceRouter.json(ctx, 200, tokens.toJson()))
        .onFailure(ctx::fail);
  }

  private static void exactlyOne(JsonInput in, String code, String recoveryCode) {
    if ((code == null) == (recoveryCode == null)) {
      in.error("code", "give either code or recoveryCode");
    }
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }
}
