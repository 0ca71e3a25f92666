package org.jobdash.user.session;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.http.ClientAddress;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.user.limit.RateLimiter;
import org.jobdash.user.limit.RateLimits.Action;

import java.util.UUID;

/** {@code /api/v1/auth}: login, refresh, logout and the caller's sessions. */
public final class SessionRoutes {

  private static final int MAX_USER_AGENT = 512;

  private final SessionService sessions;
  private final ClientAddress clientAddress;
  private final RateLimiter limits;

  public SessionRoutes(SessionService sessions, ClientAddress clientAddress, RateLimiter limits) {
    this.sessions = sessions;
    this.clientAddress = clientAddress;
    this.limits = limits;
  }

  /** @param contract the document's checks of each operation, after the token and the body */
  public void mount(Router router, Handler<RoutingContext> body, Handler<RoutingContext> authenticated,
                    RequestContract contract) {
    router.post("/api/v1/auth/login").handler(body).handler(contract.validate("login"))
        .handler(limits.guard(Action.LOGIN, RateLimiter.bodyField("login"))).handler(this::login);
    router.post("/api/v1/auth/refresh").handler(body).handler(contract.validate("refreshTokens"))
        .handler(limits.guard(Action.REFRESH, RateLimiter.bodyField("refreshToken"))).handler(this::refresh);
    router.post("/api/v1/auth/logout").handler(authenticated).handler(contract.validate("logout"))
        .handler(this::logout);
    router.post("/api/v1/auth/logout-all").handler(authenticated).handler(contract.validate("logoutEverywhere"))
        .handler(this::logoutAll);
    router.get("/api/v1/auth/sessions").handler(authenticated).handler(contract.validate("listLoginSessions"))
        .handler(this::list);
    router.delete("/api/v1/auth/sessions/:id").handler(authenticated).handler(contract.validate("revokeLoginSession"))
        .handler(this::end);
  }

  private void login(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    String login = in.requiredString("login", 1, 254);
    String password = in.requiredString("password", 1, 1024);
    in.validate();
    sessions.login(login.strip(), password, clientAddress.of(ctx.request()), userAgent(ctx))
        .onSuccess(tokens -> ServiceRouter.json(ctx, 200, tokens.toJson()))
        .onFailure(ctx::fail);
  }

  private void refresh(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    String token = in.requiredString("refreshToken", 1, 512);
    in.validate();
    sessions.refresh(token.strip(), clientAddress.of(ctx.request()), userAgent(ctx))
        .onSuccess(tokens -> ServiceRouter.json(ctx, 200, tokens.toJson()))
        .onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    AuthUser caller = AuthUser.of(ctx);
    sessions.logout(caller.userId(), caller.sessionId())
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void logoutAll(RoutingContext ctx) {
    sessions.logoutAll(AuthUser.of(ctx).userId())
        .onSuccess(count -> ServiceRouter.json(ctx, 200, new io.vertx.core.json.JsonObject().put("sessionsEnded", count)))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    AuthUser caller = AuthUser.of(ctx);
    sessions.list(caller.userId())
        .onSuccess(list -> {
          io.vertx.core.json.JsonArray items = new io.vertx.core.json.JsonArray();
          list.forEach(s -> items.add(s.toJson(caller.sessionId())));
          ServiceRouter.json(ctx, 200, new io.vertx.core.json.JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private void end(RoutingContext ctx) {
    UUID id = JsonInput.pathUuid(ctx, "id");
    sessions.end(AuthUser.of(ctx).userId(), id)
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** The client's User-Agent, cut to what a session keeps. */
  public static String userAgent(RoutingContext ctx) {
    String ua = ctx.request().getHeader("User-Agent");
    return ua == null ? null : ua.length() > MAX_USER_AGENT ? ua.substring(0, MAX_USER_AGENT) : ua;
  }
}
