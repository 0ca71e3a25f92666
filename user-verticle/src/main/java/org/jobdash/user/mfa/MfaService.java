package org.jobdash.user.mfa;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import org.jobdash.common.http.ApiException;
import org.jobdash.user.account.User;
import org.jobdash.user.account.UserRepository;
import org.jobdash.user.limit.LoginThrottle;
import org.jobdash.user.security.SecretBox;
import org.jobdash.user.security.Secrets;
import org.jobdash.user.session.RevocationNotices;
import org.jobdash.user.session.SessionRepository.Assurance;
import org.jobdash.user.session.SessionService;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * TOTP factors: enrolment (a secret sealed at rest, verified by a first code, answered with ten recovery codes),
 * removal, and the second step of a sign-in. Every code is checked after reserving an attempt with the
 * {@link LoginThrottle} (like a password), each is accepted once (its step is spent), and enrolment and removal end
 * the account's other sessions.
 */
public final class MfaService {

  /** RFC 8176's names: a one-time password, and a recovery code standing in for the second factor. */
  public static final String OTP = "otp";
  public static final String RECOVERY = "mfa";

  private static final String WRONG_CODE = "The code is incorrect or was already used";
  private static final String BAD_TOKEN = "The MFA token is invalid or expired; log in again";

  /** A factor as it is answered at enrolment: with its secret, this once. */
  public record Enrolment(MfaRepository.Factor factor, String secret, String uri) {}

  private final MfaRepository factors;
  private final UserRepository users;
  private final SessionService sessions;
  private final SecretBox box;
  private final LoginThrottle throttle;
  private final RevocationNotices revocations;
  private final String issuer;

  public MfaService(MfaRepository factors, UserRepository users, SessionService sessions, SecretBox box,
                    LoginThrottle throttle, RevocationNotices revocations, String issuer) {
    this.factors = factors;
    this.users = users;
    this.sessions = sessions;
    this.box = box;
    this.throttle = throttle;
    this.revocations = revocations;
    this.issuer = issuer;
  }

  /** A new unverified TOTP factor (replacing an unverified one); 409 while the account has a verified factor. */
  public Future<Enrolment> enrol(UUID userId) {
    return factors.hasVerified(userId).compose(has -> {
      if (has) {
        return Future.failedFuture(new ApiException.Conflict(
            "The account has a verified factor already; remove it before enrolling another"));
      }
      return users.findById(userId);
    }).compose(found -> {
      User user = found.orElseThrow(() -> new ApiException.NotFound("No such account"));
      UUID id = UUID.randomUUID();
      String secret = Totp.newSecret();
      return factors.create(userId, id, box.seal(secret.getBytes(StandardCharsets.US_ASCII), bound(id)))
          .map(factor -> new Enrolment(factor, secret, Totp.uri(secret, issuer, user.email())));
    });
  }

  public Future<List<MfaRepository.Factor>> list(UUID userId) {
    return factors.list(userId);
  }

  /**
   * Verifies an unverified factor with a current code: it becomes the account's factor, ten new recovery codes
   * are answered (only now), and the caller's other sessions end. A wrong or spent code is a 400.
   */
  public Future<List<String>> verify(UUID userId, UUID sessionId, UUID factorId, String code) {
    List<String> codes = RecoveryCodes.generate();
    List<byte[]> hashes = codes.stream().map(RecoveryCodes::hash).toList();
    AtomicReference<MfaRepository.Change> done = new AtomicReference<>();
    return checked(userId, () -> factors.secret(factorId, userId).compose(found -> {
      MfaRepository.Sealed factor = found.orElseThrow(() -> new ApiException.NotFound("No such factor"));
      if (!"unverified".equals(factor.status())) {
        return Future.failedFuture(new ApiException.Conflict("The factor is verified already"));
      }
      long step = Totp.matchingStep(secret(factor.id(), factor.secret()), code, now());
      if (step < 0) {
        return Future.succeededFuture(false);
      }
      return factors.verify(factorId, userId, step, hashes, sessionId)
          .recover(e -> Future.failedFuture(e instanceof PgException pg && "23505".equals(pg.getSqlState())
              ? new ApiException.Conflict("The account has a verified factor already") : e))
          .map(change -> {
            done.set(change);
            return change.changed();
          });
    })).map(v -> {
      revocations.sessions(userId, done.get().endedSessions());
      return codes;
    });
  }

  /**
   * Removes a factor, proven by a current code or an unused recovery code (spent); removing the verified factor
   * also drops the recovery codes and ends the caller's other sessions.
   */
  public Future<Void> remove(UUID userId, UUID sessionId, UUID factorId, String code, String recoveryCode) {
    AtomicReference<MfaRepository.Change> done = new AtomicReference<>();
    return checked(userId, () -> factors.secret(factorId, userId).compose(found -> {
      MfaRepository.Sealed factor = found.orElseThrow(() -> new ApiException.NotFound("No such factor"));
      Future<MfaRepository.Change> change;
      if (code != null) {
        long step = Totp.matchingStep(secret(factor.id(), factor.secret()), code, now());
        if (step < 0) {
          return Future.succeededFuture(false);
        }
        change = factors.remove(factorId, userId, step, null, sessionId);
      } else {
        change = factors.remove(factorId, userId, null, RecoveryCodes.hash(recoveryCode), sessionId);
      }
      return change.map(c -> {
        done.set(c);
        return c.changed();
      });
    })).map(v -> {
      revocations.sessions(userId, done.get().endedSessions());
      return (Void) null;
    });
  }

  /**
   * The second step of a sign-in: the challenge's token and a current code of the account's factor (or an unused
   * recovery code) open a session at {@code aal2}. The token is spent by the first right code; a wrong one is a
   * 400 and counts as a failed attempt.
   */
  public Future<SessionService.Tokens> challenge(String mfaToken, String code, String recoveryCode, String ip,
                                                 String userAgent) {
    if (!Secrets.looksLikeToken(mfaToken)) {
      return Future.failedFuture(new ApiException.Unauthorized(BAD_TOKEN));
    }
    byte[] tokenHash = Secrets.sha256(mfaToken);
    return factors.challenge(tokenHash).compose(found -> {
      MfaRepository.Challenge challenge = found.orElseThrow(() -> new ApiException.Unauthorized(BAD_TOKEN));
      AtomicReference<MfaRepository.Passed> passed = new AtomicReference<>();
      return checked(challenge.userId(), () -> {
        Future<java.util.Optional<MfaRepository.Passed>> attempt;
        if (code != null) {
          if (challenge.factorId() == null) {
            return Future.succeededFuture(false);
          }
          long step = Totp.matchingStep(secret(challenge.factorId(), challenge.secret()), code, now());
          if (step < 0) {
            return Future.succeededFuture(false);
          }
          attempt = factors.passWithCode(tokenHash, challenge.factorId(), step);
        } else {
          attempt = factors.passWithRecoveryCode(tokenHash, RecoveryCodes.hash(recoveryCode));
        }
        return attempt.map(p -> {
          p.ifPresent(passed::set);
          return p.isPresent();
        });
      }).compose(v -> users.findById(challenge.userId())).compose(user -> {
        User account = user.orElseThrow(() -> new ApiException.Unauthorized(BAD_TOKEN));
        if (!account.active()) {
          return Future.failedFuture(new ApiException.Forbidden("The account is disabled"));
        }
        List<String> amr = new ArrayList<>(passed.get().amr());
        amr.add(code != null ? OTP : RECOVERY);
        return sessions.open(account, new Assurance(Assurance.AAL2, List.copyOf(amr)), ip, userAgent);
      });
    });
  }

  /** The JSON of a factor as listed. */
  public static JsonObject toJson(MfaRepository.Factor f) {
    return new JsonObject().put("id", f.id().toString()).put("type", f.type()).put("status", f.status())
        .put("createdAt", f.createdAt().toInstant().toString())
        .put("verifiedAt", f.verifiedAt() == null ? null : f.verifiedAt().toInstant().toString());
  }

  public static JsonArray toJson(List<MfaRepository.Factor> list) {
    JsonArray items = new JsonArray();
    list.forEach(f -> items.add(toJson(f)));
    return items;
  }

  /** Runs {@code check} as a throttled attempt of the account's second factor; false is a 400. */
  private Future<Void> checked(UUID userId, Supplier<Future<Boolean>> check) {
    return throttle.attempt(LoginThrottle.secondFactor(userId), check).compose(ok -> ok
        ? Future.<Void>succeededFuture()
        : Future.failedFuture(ApiException.Invalid.field("code", WRONG_CODE)));
  }

  private String secret(UUID factorId, byte[] sealed) {
    return new String(box.open(sealed, bound(factorId)), StandardCharsets.US_ASCII);
  }

  /** A factor's secret is sealed for its id: a ciphertext copied to another row does not open. */
  private static byte[] bound(UUID factorId) {
    return ByteBuffer.allocate(16).putLong(factorId.getMostSignificantBits())
        .putLong(factorId.getLeastSignificantBits()).array();
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
