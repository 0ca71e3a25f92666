package org.jobdash.user.account;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.http.ClientAddress;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.user.limit.RateLimiter;
import org.jobdash.user.limit.RateLimits.Action;

import java.util.LinkedHashMap;
import java.util.Map;

/** Registration, verification, password reset ({@code /api/v1/auth}) and the caller's account ({@code /api/v1/users/me}). */
public final class AccountRoutes {

  private final AccountService accounts;
  private final ClientAddress clientAddress;
  private final RateLimiter limits;

  public AccountRoutes(AccountService accounts, ClientAddress clientAddress, RateLimiter limits) {
    this.accounts = accounts;
    this.clientAddress = clientAddress;
    this.limits = limits;
  }

  /**
   * @param body the JSON body handler, mounted after the token check on authenticated routes
   * @param authenticated token and live-session check for routes that act on the caller
   * @param tokenOnly token check alone, for {@code GET /users/me}, whose query checks the session itself
   * @param contract the document's checks of each operation, after the token and the body
   */
  public void mount(Router router, Handler<RoutingContext> body, Handler<RoutingContext> authenticated,
                    Handler<RoutingContext> tokenOnly, RequestContract contract) {
    router.post("/api/v1/auth/register").handler(body).handler(contract.validate("registerUser"))
        .handler(limits.guard(Action.REGISTER, RateLimiter.bodyField("email"))).handler(this::register);
    router.post("/api/v1/auth/email/verify").handler(body).handler(contract.validate("verifyEmail"))
        .handler(this::verifyEmail);
    router.post("/api/v1/auth/email/resend").handler(authenticated).handler(contract.validate("resendVerification"))
        .handler(limits.guard(Action.RESEND_VERIFICATION, RateLimiter.caller())).handler(this::resendVerification);
    router.post("/api/v1/auth/password/forgot").handler(body).handler(contract.validate("forgotPassword"))
        .handler(limits.guard(Action.FORGOT_PASSWORD, RateLimiter.bodyField("email"))).handler(this::forgotPassword);
    router.post("/api/v1/auth/password/reset").handler(body).handler(contract.validate("resetPassword"))
        .handler(this::resetPassword);
    router.get("/api/v1/users/me").handler(tokenOnly).handler(contract.validate("getMe")).handler(this::me);
    router.patch("/api/v1/users/me").handler(authenticated).handler(body).handler(contract.validate("updateMe"))
        .handler(this::update);
    router.post("/api/v1/users/me/password").handler(authenticated).handler(body)
        .handler(contract.validate("changePassword"))
        .handler(limits.guard(Action.PASSWORD_CHANGE, RateLimiter.caller())).handler(this::changePassword);
    router.delete("/api/v1/users/me").handler(authenticated).handler(body).handler(contract.validate("deleteMe"))
        .handler(limits.guard(Action.ACCOUNT_DELETION, RateLimiter.caller())).handler(this::delete);
  }

  private void register(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    String email = in.requiredEmail("email");
    String username = in.requiredString("username", 3, 50);
    String password = in.requiredString("password", 1, 1024);
    String fullName = in.optionalString("fullName", 200);
    in.validate();
    accounts.register(email, username, password, fullName == null ? null : fullName.strip())
        .onSuccess(user -> {
          ctx.response().putHeader("Location", "/api/v1/users/me");
          ServiceRouter.json(ctx, 201, user.toJson());
        })
        .onFailure(ctx::fail);
  }

  private void verifyEmail(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    String token = in.requiredString("token", 1, 512);
    in.validate();
    accounts.verifyEmail(token.strip())
        .onSuccess(v -> ServiceRouter.json(ctx, 200, new io.vertx.core.json.JsonObject().put("emailVerified", true)))
        .onFailure(ctx::fail);
  }

  private void resendVerification(RoutingContext ctx) {
    accounts.resendVerification(AuthUser.of(ctx).userId())
        .onSuccess(v -> ctx.response().setStatusCode(202).end())
        .onFailure(ctx::fail);
  }

  private void forgotPassword(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    String email = in.requiredEmail("email");
    in.validate();
    accounts.forgotPassword(email, clientAddress.of(ctx.request()))
        .onSuccess(v -> ctx.response().setStatusCode(202).end())
        .onFailure(ctx::fail);
  }

  private void resetPassword(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    String token = in.requiredString("token", 1, 512);
    String newPassword = in.requiredString("newPassword", 1, 1024);
    in.validate();
    accounts.resetPassword(token.strip(), newPassword)
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void me(RoutingContext ctx) {
    AuthUser caller = AuthUser.of(ctx);
    accounts.me(caller.userId(), caller.sessionId())
        .onSuccess(user -> ServiceRouter.json(ctx, 200, user.toJson()))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    Map<String, Object> changes = new LinkedHashMap<>();
    for (String field : new String[] {"firstName", "lastName", "fullName", "title", "phone", "location", "bio",
        "linkedinUrl", "githubUrl", "portfolioUrl"}) {
      if (!in.has(field)) {
        continue;
      }
      // the document bounds each field (its type, length and URL form) and refuses any other field
      String value = in.raw().getString(field);
      changes.put(UserRepository.EDITABLE.get(field), value == null || value.isBlank() ? null : value.strip());
    }
    if (in.has("yearsExperience")) {
      changes.put("years_experience", in.optionalInt("yearsExperience", 0, 80));
    }
    if (in.has("education")) {
      JsonArray education = in.optionalArray("education", 50);
      changes.put("education", education == null ? new JsonArray() : education);
    }
    in.validate();
    accounts.update(AuthUser.of(ctx).userId(), changes)
        .onSuccess(user -> ServiceRouter.json(ctx, 200, user.toJson()))
        .onFailure(ctx::fail);
  }

  private void changePassword(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    String current = in.requiredString("currentPassword", 1, 1024);
    String next = in.requiredString("newPassword", 1, 1024);
    in.validate();
    AuthUser caller = AuthUser.of(ctx);
    accounts.changePassword(caller.userId(), caller.sessionId(), current, next)
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    JsonInput in = JsonInput.body(ctx);
    String password = in.requiredString("password", 1, 1024);
    in.validate();
    accounts.delete(AuthUser.of(ctx).userId(), password)
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }
}
