package org.jobdash.common.auth;

import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.http.ApiException;

import java.util.Set;
import java.util.UUID;

/**
 * The caller, as an access token proved: user id ({@code sub}), session id ({@code sid}), roles, and when the token
 * was issued ({@code iat}) and expires ({@code exp}).
 */
public record AuthUser(UUID userId, UUID sessionId, Set<String> roles, long issuedAtEpochSecond,
                       long expiresAtEpochSecond) {

  static final String KEY = "jobdash.auth";

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** The authenticated caller of this request; routes behind {@link BearerAuth} always have one. */
  public static AuthUser of(RoutingContext ctx) {
    AuthUser user = ctx.get(KEY);
    if (user == null) {
      throw new ApiException.Unauthorized("Authentication is required");
    }
    return user;
  }
}
