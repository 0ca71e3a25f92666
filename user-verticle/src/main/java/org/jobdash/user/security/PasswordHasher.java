package org.jobdash.user.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.vertx.core.Future;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.user.UserConfig;

/**
 * Argon2id hashing and checking on a bounded worker pool: slow on purpose, so never on an event loop, and a
 * full queue answers 503 instead of piling up logins.
 */
public final class PasswordHasher {

  private final Argon2Function argon2;
  private final BoundedWorker worker;
  private final Future<String> dummyHash;

  public PasswordHasher(BoundedWorker worker, UserConfig.Passwords config) {
    this.worker = worker;
    this.argon2 = Argon2Function.getInstance(config.memoryKib(), config.iterations(), config.parallelism(), 32,
        Argon2.ID);
    // checked against when the account does not exist, so that unknown users cost the same time
    this.dummyHash = hash("not-a-real-password-" + System.nanoTime());
  }

  public Future<String> hash(String password) {
    return worker.submit(() -> Password.hash(password).addRandomSalt(16).with(argon2).getResult());
  }

  /** Checks {@code password} against {@code hash}, or against a dummy hash when {@code hash} is null. */
  public Future<Boolean> matches(String password, String hash) {
    Future<String> against = hash == null ? dummyHash : Future.succeededFuture(hash);
    return against.compose(h -> worker.submit(() -> {
      boolean ok = Password.check(password, h).with(Argon2Function.getInstanceFromHash(h));
      return ok && hash != null;
    }));
  }
}
