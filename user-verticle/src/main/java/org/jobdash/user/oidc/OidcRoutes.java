package org.jobdash.user.oidc;

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

/** {@code /api/v1/auth/oidc}: sign-in with an identity provider; {@code /api/v1/users/me/identities}. */
public final class OidcRoutes {

  private final OidcService oidc;
  private final ClientAddress clientAddress;
  private final RateLimiter limits;

  public OidcRoutes(OidcService oidc, ClientAddress clientAddress, RateLimiter limits) {
    this.oidc = oidc;
    this.clientAddress = clientAddress;
    this.limits = limits;
  }

  public void mount(Router router, Handler<RoutingContext> body, Handler<RoutingContext> authenticated,
                    RequestContract contract) {
    router.get("/api/v1/auth/oidc/:provider/authorize").handler(contract.validate("startOidcSignIn"))
        .handler(limits.guard(Action.OIDC, ctx -> null)).handler(this::authorize);
    router.get("/api/v1/auth/oidc/:provider/callback").handler(contract.validate("finishOidcSignIn"))
        .handler(limits.guard(Action.OIDC, ctx -> null)).handler(this::callback);
    router.post("/api/v1/auth/oidc/exchange").handler(body).handler(contract.validate("exchangeOidcCode"))
        .handler(limits.guard(Action.OIDC, RateLimiter.bodyField("code"))).handler(this::exchange);
    router.get("/api/v1/users/me/identities").handler(authenticated).handler(contract.validate("listIdentities"))
        .handler(this::identities);
  }

  private void authorize(RoutingContext ctx) {
    String redirectUri = JsonInput.queryString(ctx, "redirectUri", 2048);
    String state = JsonInput.queryString(ctx, "state", 512);
    oidc.authorize(ctx.pathParam("provider"), redirectUri, state)
        .onSuccess(r -> redirect(ctx, r.location()))
        .onFailure(ctx::fail);
  }

  private void callback(RoutingContext ctx) {
    oidc.callback(ctx.pathParam("provider"), JsonInput.queryString(ctx, "code", 2048),
            JsonInput.queryString(ctx, "state", 512), JsonInput.queryString(ctx, "error", 256))
        .onSuccess(r -> redirect(ctx, r.location()))
        .onFailure(ctx::fail);
  }

  private void exchange(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    String code = in.requiredString("code", 1, 512);
    in.validate();
    oidc.exchange(code.strip(), clientAddress.of(ctx.request()), SessionRoutes.userAgent(ctx))
        .onSuccess(signIn -> ServiceRouter.json(ctx, 200, signIn.toJson()))
        .onFailure(ctx::fail);
  }

  private void identities(RoutingContext ctx) {
    oidc.identities(AuthUser.of(ctx).userId()).onSuccess(list -> {
      JsonArray items = new JsonArray();
      list.forEach(i -> items.add(new JsonObject().put("provider", i.provider()).put("email", i.email())
          .put("createdAt", i.createdAt().toInstant().toString())
          .put("lastSignInAt", i.lastSignInAt().toInstant().toString())));
      ServiceRouter.json(ctx, 200, new JsonObject().put("items", items));
    }).onFailure(ctx::fail);
  }

  private static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(302).putHeader("Location", location).putHeader("Cache-Control", "no-store").end();
  }
}
