package org.jobdash.user.limit;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.ClientAddress;
import org.jobdash.common.http.JsonInput;
import org.jobdash.user.security.Secrets;

import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;

/**
 * Guards the routes that cost a hash, send a mail or test a password: one token per request from the bucket of the
 * client address, of the account identifier and (sign-in) of the pair. An empty bucket is a 429 problem with
 * {@code Retry-After}, the same whether or not an account has that identifier.
 */
public final class RateLimiter {

  private static final String DETAIL = "Too many requests of this kind; try again later";

  private final RateLimits limits;
  private final Buckets buckets;
  private final ClientAddress clientAddress;

  public RateLimiter(RateLimits limits, Buckets buckets, ClientAddress clientAddress) {
    this.limits = limits;
    this.buckets = buckets;
    this.clientAddress = clientAddress;
  }

  public boolean enabled() {
    return limits.enabled();
  }

  /**
   * A handler that takes the tokens of {@code action} and moves on, or fails the request with 429.
   *
   * @param identifier the account identifier of the request (an e-mail address, a login, a user id), or null when
   *                   it has none: then only the address is limited
   */
  public Handler<RoutingContext> guard(RateLimits.Action action, Function<RoutingContext, String> identifier) {
    if (!limits.enabled()) {
      return RoutingContext::next;
    }
    RateLimits.ActionLimits limit = limits.actions().get(action);
    return ctx -> {
      String address = clientAddress.of(ctx.request());
      String id = identifier.apply(ctx);
      take(action, limit, address, id == null ? null : key(id)).onComplete(wait -> {
        if (wait.failed()) {
          ctx.fail(wait.cause());
        } else if (wait.result() > 0) {
          ctx.fail(new ApiException.TooManyRequests(DETAIL, wait.result()));
        } else {
          ctx.next();
        }
      });
    };
  }

  /** The text field {@code field} of the JSON body, or null when the body has none (the route refuses it later). */
  public static Function<RoutingContext, String> bodyField(String field) {
    return ctx -> {
      try {
        return JsonInput.body(ctx).raw().getValue(field) instanceof String value ? value : null;
      } catch (ApiException e) {
        return null;
      }
    };
  }

  /** The caller's user id; mount the guard after the token check. */
  public static Function<RoutingContext, String> caller() {
    return ctx -> AuthUser.of(ctx).userId().toString();
  }

  private Future<Long> take(RateLimits.Action action, RateLimits.ActionLimits limit, String address, String id) {
    String prefix = action.setting + ":";
    Future<Long> wait = buckets.take(prefix + "a:" + address, limit.perAddress());
    if (id == null) {
      return wait;
    }
    wait = wait.compose(w -> w > 0 ? Future.succeededFuture(w) : buckets.take(prefix + "i:" + id, limit.perIdentifier()));
    if (limit.perAddressAndIdentifier() == null) {
      return wait;
    }
    return wait.compose(w -> w > 0 ? Future.succeededFuture(w)
        : buckets.take(prefix + "p:" + address + "|" + id, limit.perAddressAndIdentifier()));
  }

  /** Identifiers are keyed by a digest: the bucket store never holds an e-mail address or a token. */
  private static String key(String identifier) {
    return HexFormat.of().formatHex(Secrets.sha256(identifier.strip().toLowerCase(Locale.ROOT)), 0, 16);
  }
}
