package org.jobdash.common.auth;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.http.ApiException;

/** Requires a valid {@code Authorization: Bearer <JWT>}; puts the caller into the context as an {@link AuthUser}. */
public final class BearerAuth implements Handler<RoutingContext> {

  private final JwtVerifier verifier;

  public BearerAuth(JwtVerifier verifier) {
    this.verifier = verifier;
  }

  /**
   * Verifies before any body is read (an unauthenticated upload is refused without being stored). Verification
   * may wait for the signing keys, so the request is paused meanwhile and a body handler mounted after this one
   * still sees the whole body.
   */
  @Override
  public void handle(RoutingContext ctx) {
    ctx.request().pause();
    authenticate(ctx).onComplete(result -> {
      ctx.request().resume();
      if (result.succeeded()) {
        ctx.next();
      } else {
        ctx.fail(result.cause());
      }
    });
  }

  /** Verifies the request's bearer token and records the caller in the context, without moving on. */
  public Future<AuthUser> authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Future.failedFuture(new ApiException.Unauthorized("A bearer access token is required"));
    }
    return verifier.verify(header.substring(7).strip()).onSuccess(user -> ctx.put(AuthUser.KEY, user));
  }

  /** Lets through only callers with {@code role}; others get 403. Mount after a {@link BearerAuth}. */
  public static Handler<RoutingContext> requireRole(String role) {
    return ctx -> {
      if (AuthUser.of(ctx).hasRole(role)) {
        ctx.next();
      } else {
        ctx.fail(new ApiException.Forbidden("This needs the " + role + " role"));
      }
    };
  }
}
