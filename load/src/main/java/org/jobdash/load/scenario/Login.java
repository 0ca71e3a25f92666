package org.jobdash.load.scenario;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.vertx.core.json.JsonObject;
import org.jobdash.load.floor.InProcessFloor;
import org.jobdash.load.gen.Workload;
import org.jobdash.load.http.Call;
import org.jobdash.load.http.Conversation;
import org.jobdash.load.system.LoadUsers;
import org.jobdash.user.UserConfig;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 3. Login: {@code POST /api/v1/auth/login} (Argon2id on the service's worker threads, then a new session and an
 * access token) for the load accounts in turn, against bare password4j hashes with the same parameters on the
 * same number of threads.
 */
public final class Login implements Scenario {

  static final int CONNECTIONS = 64;
  private static final int WARM_UP_HASHES = 40;

  @Override
  public int number() {
    return 3;
  }

  @Override
  public String title() {
    return "login";
  }

  @Override
  public String unit() {
    return "logins";
  }

  @Override
  public Goal goal() {
    return new Goal("≥ 0.9× bare Argon2id hashes/s, same parameters and threads (rates searched under p99 ≤ 1 s)",
        0.9, 1_000, false);
  }

  @Override
  public Workload service(Rig rig) {
    List<Call> calls = rig.users().usernames().stream()
        .map(name -> Call.post("/api/v1/auth/login", null,
            new JsonObject().put("login", name).put("password", LoadUsers.PASSWORD).toBuffer(), 200))
        .toList();
    return new HttpWorkload("POST /api/v1/auth/login", rig.system().user(), CONNECTIONS, false, rig.services(),
        (index, lanes) -> Conversation.rotating(calls));
  }

  @Override
  public void warmUp(Rig rig) throws Exception {
    Callable<String> hash = hash(rig.userConfig().passwords());
    ExecutorService threads = Executors.newFixedThreadPool(rig.userConfig().passwords().threads());
    try {
      for (Future<String> f : threads.invokeAll(Collections.nCopies(WARM_UP_HASHES, hash))) {
        f.get();
      }
    } finally {
      threads.shutdown();
    }
  }

  @Override
  public Workload floor(Rig rig) {
    UserConfig.Passwords p = rig.userConfig().passwords();
    return new InProcessFloor("password4j Argon2id m=" + p.memoryKib() + " KiB t=" + p.iterations() + " p="
        + p.parallelism() + " on " + p.threads() + " thread(s)", "argon2", p.threads(), CONNECTIONS, hash(p),
        () -> { });
  }

  /** One bare hash with the service's parameters. */
  private static Callable<String> hash(UserConfig.Passwords p) {
    Argon2Function argon2 = Argon2Function.getInstance(p.memoryKib(), p.iterations(), p.parallelism(), 32,
        Argon2.ID);
    return () -> Password.hash(LoadUsers.PASSWORD).addRandomSalt(16).with(argon2).getResult();
  }
}
