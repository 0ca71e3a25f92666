package org.jobdash.user.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.UserDeleted;
import org.jobdash.common.http.ApiException;
import org.jobdash.user.UserConfig;
import org.jobdash.user.limit.LoginThrottle;
import org.jobdash.user.mail.MailOutbox;
import org.jobdash.user.security.PasswordHasher;
import org.jobdash.user.security.Secrets;
import org.jobdash.user.session.RevocationNotices;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Account rules: registration, e-mail verification, password reset and change, self-service edits, deletion. */
public final class AccountService {

  private static final String INVALID_TOKEN = "The token is invalid, already used or expired";

  private final Vertx vertx;
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final MailOutbox mail;
  private final UserConfig config;
  private final LoginThrottle throttle;
  private final RevocationNotices revocations;

  public AccountService(Vertx vertx, UserRepository users, PasswordHasher hasher, MailOutbox mail, UserConfig config,
                        LoginThrottle throttle, RevocationNotices revocations) {
    this.throttle = throttle;
    this.revocations = revocations;
    this.vertx = vertx;
    this.users = users;
    this.hasher = hasher;
    this.policy = new PasswordPolicy(config.passwords().minLength());
    this.mail = mail;
    this.config = config;
  }

  public Future<User> register(String email, String username, String password, String fullName) {
    policy.check("password", password, email, username);
    // a bootstrap admin becomes one when the address is verified (verifyEmail), never before
    List<String> roles = List.of("user");
    Secrets.Token verification = Secrets.newToken();
    return hasher.hash(password)
        .compose(hash -> users.register(email, username, hash, fullName, roles, verification.hash(),
            config.sessions().verificationTokenTtl()))
        .recover(e -> Future.failedFuture(duplicateAccount(e)))
        .onSuccess(user -> mail.send(MailOutbox.KIND_VERIFY, user.id(), user.email(), verification.value(),
            config.sessions().verificationTokenTtl()));
  }

  private static Throwable duplicateAccount(Throwable e) {
    if (e instanceof PgException pg && "23505".equals(pg.getSqlState())) {
      String constraint = String.valueOf(pg.getConstraint());
      if (constraint.contains("username")) {
        return new ApiException.Conflict("That username is taken");
      }
      return new ApiException.Conflict("An account with that e-mail address exists");
    }
    return e;
  }

  public Future<Void> verifyEmail(String token) {
    if (!Secrets.looksLikeToken(token)) {
      return Future.failedFuture(ApiException.Invalid.field("token", INVALID_TOKEN));
    }
    return users.verifyEmail(Secrets.sha256(token), config.bootstrapAdmins()).compose(userId -> userId.isPresent()
        ? Future.<Void>succeededFuture()
        : Future.failedFuture(ApiException.Invalid.field("token", INVALID_TOKEN)));
  }

  public Future<Void> resendVerification(UUID userId) {
    return users.findById(userId).compose(found -> {
      User user = found.orElseThrow(() -> new ApiException.NotFound("No such account"));
      if (user.emailVerified()) {
        return Future.failedFuture(new ApiException.Conflict("The e-mail address is already verified"));
      }
      Secrets.Token token = Secrets.newToken();
      return users.createVerification(user.id(), user.email(), token.hash(), config.sessions().verificationTokenTtl())
          .onSuccess(v -> mail.send(MailOutbox.KIND_VERIFY, user.id(), user.email(), token.value(),
              config.sessions().verificationTokenTtl()));
    });
  }

  /** Always succeeds, whether or not the address has an account, so that nobody can probe for accounts. */
  public Future<Void> forgotPassword(String email, String ip) {
    return users.findByEmail(email).compose(found -> {
      if (found.isEmpty() || !found.get().active()) {
        return Future.<Void>succeededFuture();
      }
      User user = found.get();
      Secrets.Token token = Secrets.newToken();
      return users.createReset(user.id(), token.hash(), config.sessions().resetTokenTtl(), ip)
          .onSuccess(v -> mail.send(MailOutbox.KIND_RESET, user.id(), user.email(), token.value(),
              config.sessions().resetTokenTtl()));
    });
  }

  public Future<Void> resetPassword(String token, String newPassword) {
    if (!Secrets.looksLikeToken(token)) {
      return Future.failedFuture(ApiException.Invalid.field("token", INVALID_TOKEN));
    }
    byte[] hash = Secrets.sha256(token);
    return users.resetOwner(hash).compose(owner -> {
      if (owner.isEmpty()) {
        return Future.failedFuture(ApiException.Invalid.field("token", INVALID_TOKEN));
      }
      policy.check("newPassword", newPassword, owner.get().email(), owner.get().username());
      return hasher.hash(newPassword)
          .compose(passwordHash -> users.resetPassword(hash, passwordHash))
          .compose(done -> {
            if (done.isEmpty()) {
              return Future.failedFuture(ApiException.Invalid.field("token", INVALID_TOKEN));
            }
            revocations.account(done.get().userId(), done.get().endedSessions());
            return Future.<Void>succeededFuture();
          });
    });
  }

  /** The caller's account, as long as the session of their token is alive. */
  public Future<User> me(UUID userId, UUID sessionId) {
    return users.findInSession(userId, sessionId).map(found -> found.orElseThrow(
        () -> new ApiException.Unauthorized("The session has ended; log in again")));
  }

  public Future<User> update(UUID userId, Map<String, Object> changes) {
    return users.update(userId, changes).map(found -> found.orElseThrow(() -> new ApiException.NotFound("No such account")));
  }

  /** Checks the current password, sets the new one, and ends every other session. */
  public Future<Void> changePassword(UUID userId, UUID sessionId, String currentPassword, String newPassword) {
    return users.findById(userId).compose(found -> {
      User user = found.orElseThrow(() -> new ApiException.NotFound("No such account"));
      policy.check("newPassword", newPassword, user.email(), user.username());
      return checkPassword(user, currentPassword, "The current password is incorrect")
          .compose(v -> hasher.hash(newPassword))
          .compose(hash -> users.changePassword(userId, hash, sessionId))
          .map(ended -> {
            revocations.sessions(userId, ended);
            return (Void) null;
          });
    });
  }

  /** A password that must be the account's own, counted like a sign-in attempt: a wrong one is a 403. */
  private Future<Void> checkPassword(User user, String password, String wrong) {
    return throttle.attempt(LoginThrottle.account(user.id()), () -> hasher.matches(password, user.passwordHash()))
        .compose(ok -> ok ? Future.<Void>succeededFuture() : Future.failedFuture(new ApiException.Forbidden(wrong)));
  }

  /**
   * Enables or disables an account (an operator's act). Disabling ends every session, and every service refuses
   * the account's tokens from now on.
   */
  public Future<User> setActive(UUID userId, boolean active) {
    return users.setActive(userId, active).map(found -> {
      UserRepository.ActiveChange change = found.orElseThrow(() -> new ApiException.NotFound("No such user"));
      if (!active) {
        revocations.account(userId, change.endedSessions());
      }
      return change.user();
    });
  }

  /**
   * Deletes the account once its password is given again (its sessions, tokens, profile and preferences
   * cascade) and tells every service.
   */
  public Future<Void> delete(UUID userId, String password) {
    return users.findById(userId)
        .compose(found -> checkPassword(found.orElseThrow(() -> new ApiException.NotFound("No such account")),
            password, "The password is incorrect"))
        .compose(v -> users.delete(userId)).compose(deleted -> {
      if (!deleted) {
        return Future.failedFuture(new ApiException.NotFound("No such account"));
      }
      revocations.deleted(userId);
      vertx.eventBus().publish(Addresses.USER_DELETED, new UserDeleted(userId, Instant.now()).toJson());
      return Future.<Void>succeededFuture();
    });
  }
}
