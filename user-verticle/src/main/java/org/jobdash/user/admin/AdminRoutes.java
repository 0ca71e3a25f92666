package org.jobdash.user.admin;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.auth.BearerAuth;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.user.account.AccountService;
import org.jobdash.user.account.UserRepository;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code /api/v1/admin}: operator views, subscription management and disabling accounts, for the {@code admin} role
 * only.
 */
public final class AdminRoutes {

  private final AdminRepository admin;
  private final UserRepository users;
  private final AccountService accounts;

  public AdminRoutes(AdminRepository admin, UserRepository users, AccountService accounts) {
    this.admin = admin;
    this.users = users;
    this.accounts = accounts;
  }

  /**
   * @param body the JSON body handler, mounted after the token and role checks
   * @param contract the document's checks of each operation, after the role and the body
   */
  public void mount(Router router, Handler<RoutingContext> body, Handler<RoutingContext> authenticated,
                    RequestContract contract) {
    Handler<RoutingContext> adminOnly = BearerAuth.requireRole("admin");
    router.get("/api/v1/admin/sessions/active").handler(authenticated).handler(adminOnly)
        .handler(contract.validate("listActiveSessions")).handler(this::activeSessions);
    router.get("/api/v1/admin/users").handler(authenticated).handler(adminOnly)
        .handler(contract.validate("searchUsers")).handler(this::searchUsers);
    router.put("/api/v1/admin/users/:id/subscription").handler(authenticated).handler(adminOnly).handler(body)
        .handler(contract.validate("setSubscription")).handler(this::setSubscription);
    router.put("/api/v1/admin/users/:id/status").handler(authenticated).handler(adminOnly).handler(body)
        .handler(contract.validate("setAccountStatus")).handler(this::setStatus);
  }

  private void setStatus(RoutingContext ctx) {
    UUID id = JsonInput.pathUuid(ctx, "id");
    JsonInput in = JsonInput.body(ctx);
    Boolean active = in.optionalBoolean("active");
    if (active == null && in.raw().getValue("active") == null) {
      in.error("active", "is required");
    }
    in.validate();
    accounts.setActive(id, active)
        .onSuccess(user -> ServiceRouter.json(ctx, 200, user.toJson()))
        .onFailure(ctx::fail);
  }

  private void activeSessions(RoutingContext ctx) {
    int limit = JsonInput.queryInt(ctx, "limit", 50, 1, 100);
    admin.activeSessions(limit)
        .onSuccess(items -> ServiceRouter.json(ctx, 200, new JsonObject().put("items",
            new JsonArray(items.stream().map(ActiveSessions::toJson).toList()))))
        .onFailure(ctx::fail);
  }

  private void searchUsers(RoutingContext ctx) {
    int limit = JsonInput.queryInt(ctx, "limit", 50, 1, 100);
    String query = JsonInput.queryString(ctx, "query", 100);
    admin.searchUsers(query, limit)
        .onSuccess(items -> ServiceRouter.json(ctx, 200, new JsonObject().put("items",
            new JsonArray(items.stream().map(UserSearchHit::toJson).toList()))))
        .onFailure(ctx::fail);
  }

  private void setSubscription(RoutingContext ctx) {
    UUID id = JsonInput.pathUuid(ctx, "id");
    JsonInput in = JsonInput.body(ctx);
    String tier = in.requiredString("tier", 1, 20);
    OffsetDateTime expiresAt = in.optionalTimestamp("expiresAt");
    in.validate();
    users.setSubscription(id, tier, expiresAt)
        .map(user -> user.orElseThrow(() -> new ApiException.NotFound("No such user")))
        .onSuccess(user -> ServiceRouter.json(ctx, 200, user.toJson()))
        .onFailure(ctx::fail);
  }
}
