package org.jobdash.user.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.http.ApiException;
import org.jobdash.user.UserConfig;
import org.jobdash.user.account.User;
import org.jobdash.user.account.UserRepository;
import org.jobdash.user.limit.LoginThrottle;
import org.jobdash.user.mfa.MfaRepository;
import org.jobdash.user.security.PasswordHasher;
import org.jobdash.user.security.Secrets;
import org.jobdash.user.token.AccessTokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Login, refresh-token rotation with reuse detection, logout and the caller's sessions. */
public final class SessionService {

  private static final String BAD_LOGIN = "The login or password is incorrect";
  private static final String BAD_REFRESH = "The refresh token is invalid or expired";
  /** RFC 8176's name of a password sign-in. */
  public static final String PASSWORD = "pwd";

  /** What a sign-in answers: the tokens, or the demand for a second factor. */
  public sealed interface SignIn permits Tokens, SecondFactorRequired {
    JsonObject toJson();
  }

  /** What a client keeps after login or refresh. */
  public record Tokens(String accessToken, String refreshToken, long expiresIn, UUID sessionId, User user)
      implements SignIn {
    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject()
          .put("accessToken", accessToken)
          .put("refreshToken", refreshToken)
          .put("expiresIn", expiresIn)
          .put("tokenType", "Bearer")
          .put("sessionId", sessionId.toString());
      if (user != null) {
        json.put("user", user.toJson());
      }
      return json;
    }
  }

  /** The first factor passed; {@code mfaToken} and a code of the account's factor, within the TTL, open the session. */
  public record SecondFactorRequired(String mfaToken, long expiresIn) implements SignIn {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("mfaRequired", true).put("mfaToken", mfaToken).put("expiresIn", expiresIn);
    }
  }

  private final UserRepository users;
  private final SessionRepository sessions;
  private final PasswordHasher hasher;
  private final AccessTokens accessTokens;
  private final UserConfig.Sessions config;
  private final LoginThrottle throttle;
  private final RevocationNotices revocations;
  private final MfaRepository factors;
  private final Duration challengeTtl;

  public SessionService(UserRepository users, SessionRepository sessions, PasswordHasher hasher,
                        AccessTokens accessTokens, UserConfig.Sessions config, LoginThrottle throttle,
                        RevocationNotices revocations, MfaRepository factors, Duration challengeTtl) {
    this.factors = factors;
    this.challengeTtl = challengeTtl;
    this.throttle = throttle;
    this.revocations = revocations;
    this.users = users;
    this.sessions = sessions;
    this.hasher = hasher;
    this.accessTokens = accessTokens;
    this.config = config;
  }

  /**
   * Checks the password (an unknown login is checked against a dummy hash, so it costs the same time and gets
   * the same 401) after reserving the attempt with the {@link LoginThrottle}; on success opens a session, or, when
   * the account has a verified second factor, a challenge for it.
   */
  public Future<SignIn> login(String login, String password, String ip, String userAgent) {
    return users.findByLogin(login).compose(found -> {
      User user = found.map(UserRepository.SignInAccount::user).orElse(null);
      String identifier = user == null ? LoginThrottle.unknownLogin(login) : LoginThrottle.account(user.id());
      return throttle.attempt(identifier, () -> hasher.matches(password, user == null ? null : user.passwordHash()))
          .compose(ok -> {
            if (!ok) {
              return Future.failedFuture(new ApiException.Unauthorized(BAD_LOGIN));
            }
            if (!user.active()) {
              return Future.failedFuture(new ApiException.Forbidden("The account is disabled"));
            }
            return signIn(user, found.get().secondFactor(), List.of(PASSWORD), ip, userAgent);
          });
    });
  }

  /**
   * A first factor ({@code amr}) passed for an active account: a session at {@code aal1}, or, when the account has
   * a verified second factor, a challenge that remembers {@code amr} ({@code POST /auth/mfa/challenge}).
   */
  public Future<SignIn> signIn(User user, boolean secondFactor, List<String> amr, String ip, String userAgent) {
    if (!secondFactor) {
      return open(user, new SessionRepository.Assurance(SessionRepository.Assurance.AAL1, amr), ip, userAgent)
          .map(tokens -> tokens);
    }
    Secrets.Token challenge = Secrets.newToken();
    return factors.openChallenge(challenge.hash(), user.id(), amr, challengeTtl)
        .map(v -> new SecondFactorRequired(challenge.value(), challengeTtl.toSeconds()));
  }

  /** Opens a session authenticated as {@code assurance} says, with its first refresh token. */
  public Future<Tokens> open(User user, SessionRepository.Assurance assurance, String ip, String userAgent) {
    Secrets.Token refresh = Secrets.newToken();
    return sessions.open(user.id(), ip, userAgent, config.sessionTtl(), refresh.hash(), config.refreshTokenTtl(),
            assurance)
        .map(sessionId -> new Tokens(accessTokens.issue(user.id(), sessionId, user.roles(), assurance),
            refresh.value(), accessTokens.ttlSeconds(), sessionId, user));
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already rotated (now, or by a concurrent call
   * that won) is reuse: the whole session and every token in it are revoked, and the call gets 401.
   */
  public Future<Tokens> refresh(String refreshToken, String ip, String userAgent) {
    if (!Secrets.looksLikeToken(refreshToken)) {
      return Future.failedFuture(new ApiException.Unauthorized(BAD_REFRESH));
    }
    Secrets.Token next = Secrets.newToken();
    return sessions.rotate(Secrets.sha256(refreshToken), UUID.randomUUID(), next.hash(), config.refreshTokenTtl(), ip,
        userAgent).compose(found -> {
          if (found.isEmpty()) {
            return Future.failedFuture(new ApiException.Unauthorized(BAD_REFRESH));
          }
          SessionRepository.Rotation r = found.get();
          if (r.rotated() && r.userActive()) {
            return Future.succeededFuture(new Tokens(accessTokens.issue(r.userId(), r.sessionId(), r.roles(), r.assurance()),
                next.value(), accessTokens.ttlSeconds(), r.sessionId(), null));
          }
          boolean lostRace = !r.rotated() && !r.revoked() && !r.expired() && !r.sessionEnded();
          if (r.previouslyUsed() || lostRace || (r.rotated() && !r.userActive())) {
            String reason = r.rotated() ? "account_disabled" : "refresh_token_reuse";
            return revokeOne(r.userId(), r.sessionId(), reason).compose(x -> Future.failedFuture(
                new ApiException.Unauthorized(r.rotated() ? "The account is disabled"
                    : "The refresh token was already used; the session has been revoked")));
          }
          return Future.failedFuture(new ApiException.Unauthorized(BAD_REFRESH));
        });
  }

  public Future<Void> logout(UUID userId, UUID sessionId) {
    return revokeOne(userId, sessionId, "logout").mapEmpty();
  }

  /** Ends every session of the caller; their tokens are refused everywhere. Returns how many ended. */
  public Future<Long> logoutAll(UUID userId) {
    return sessions.revokeAll(userId, null, "logout_all").map(ended -> {
      revocations.account(userId, ended);
      return (long) ended.size();
    });
  }

  /** Ends one session and tells every service to refuse its tokens; false when there was none to end. */
  private Future<Boolean> revokeOne(UUID userId, UUID sessionId, String reason) {
    return sessions.revoke(userId, sessionId, reason).onSuccess(ended -> {
      if (ended) {
        revocations.sessions(userId, List.of(sessionId));
      }
    });
  }

  public Future<List<SessionRepository.SessionView>> list(UUID userId) {
    return sessions.active(userId);
  }

  public Future<Void> end(UUID userId, UUID sessionId) {
    return revokeOne(userId, sessionId, "revoked_by_user").compose(ended -> ended
        ? Future.<Void>succeededFuture() : Future.failedFuture(new ApiException.NotFound("No such session")));
  }

  public Future<Boolean> isActive(UUID sessionId, UUID userId) {
    return sessions.isActive(sessionId, userId);
  }
}
