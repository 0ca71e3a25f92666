package org.jobdash.load.system;

import io.vertx.core.Vertx;
import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.load.http.Target;
import org.jobdash.user.UserConfig;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The system under test: started here as a child process ({@code java -jar jobdash.jar} on a fresh embedded
 * PostgreSQL in a temporary folder, every server on 127.0.0.1 at free ports), or already running at a base URL
 * with its database server given.
 */
public final class TargetSystem implements AutoCloseable {

  private static final Duration START_LIMIT = Duration.ofMinutes(5);

  private final Target user;
  private final Target ai;
  private final Target gateway;
  private final DatabaseUrl userDb;
  private final DatabaseUrl aiDb;
  private final ChildJvm child;
  private final Path dataDir;

  private TargetSystem(Target user, Target ai, Target gateway, DatabaseUrl userDb, DatabaseUrl aiDb, ChildJvm child,
                       Path dataDir) {
    this.user = user;
    this.ai = ai;
    this.gateway = gateway;
    this.userDb = userDb;
    this.aiDb = aiDb;
    this.child = child;
    this.dataDir = dataDir;
  }

  /** A running system at {@code base} (e.g. its gateway) whose databases live on {@code server}. */
  public static TargetSystem external(URI base, DatabaseUrl server) {
    Target target = Target.of(base);
    return new TargetSystem(target, target, target, server.withDatabase("user_service_db"),
        server.withDatabase("ai_service_db"), null, null);
  }

  /**
   * Starts the launcher jar with its data under {@code workDir}, passing the password parameters the floor uses,
   * and waits until every service is ready.
   */
  public static TargetSystem start(Vertx vertx, Path launcherJar, Path workDir, List<String> jvmArgs,
                                   UserConfig.Passwords passwords) throws Exception {
    if (!Files.isRegularFile(launcherJar)) {
      throw new IllegalStateException(launcherJar + " is missing: build it first with "
          + "mvn -q -B -DskipTests package");
    }
    Path dataDir = workDir.resolve("data");
    int userPort = freePort();
    int resumePort = freePort();
    int aiPort = freePort();
    int gatewayPort = freePort();
    int dbPort = freePort();
    Map<String, String> env = new HashMap<>();
    for (String variable : new String[] {"DATABASE_URL", "USER_SERVICE_DATABASE_URL", "RESUME_SERVICE_DATABASE_URL",
        "AI_SERVICE_DATABASE_URL"}) {
      env.put(variable, null);
    }
    env.put("JOBDASH_DATA_DIR", dataDir.toString());
    env.put("EMBEDDED_POSTGRES_PORT", String.valueOf(dbPort));
    env.put("USER_SERVICE_PORT", String.valueOf(userPort));
    env.put("RESUME_SERVICE_PORT", String.valueOf(resumePort));
    env.put("AI_SERVICE_PORT", String.valueOf(aiPort));
    env.put("GATEWAY_PORT", String.valueOf(gatewayPort));
    for (String section : new String[] {"user", "resume", "ai", "gateway"}) {
      env.put("JOBDASH__" + section + "__http__host", "127.0.0.1");
    }
    env.put("JOBDASH__user__passwords__memoryKib", String.valueOf(passwords.memoryKib()));
    env.put("JOBDASH__user__passwords__iterations", String.valueOf(passwords.iterations()));
    env.put("JOBDASH__user__passwords__parallelism", String.valueOf(passwords.parallelism()));
    // the harness logs in, registers and refreshes from one address far faster than any person: it measures the
    // services, not their rate limits
    env.put("JOBDASH__user__rateLimits__enabled", "false");
    List<String> args = new ArrayList<>(List.of("-jar", launcherJar.toAbsolutePath().toString()));
    ChildJvm child = ChildJvm.start("jobdash", jvmArgs, args, env, workDir.resolve("jobdash.log"));
    DatabaseUrl server = new DatabaseUrl("127.0.0.1", dbPort, "postgres", "postgres", "", Map.of());
    TargetSystem system = new TargetSystem(Target.local(userPort), Target.local(aiPort), Target.local(gatewayPort),
        server.withDatabase("user_service_db"), server.withDatabase("ai_service_db"), child, dataDir);
    try {
      ChildJvm.awaitReady(vertx, child, List.of(userPort, resumePort, aiPort, gatewayPort), "/health/ready",
          START_LIMIT);
    } catch (Exception e) {
      system.close();
      throw e;
    }
    return system;
  }

  /** A port free on 127.0.0.1 right now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  public Target user() {
    return user;
  }

  public Target ai() {
    return ai;
  }

  /** The one base URL a client uses: the gateway in front of every service. */
  public Target gateway() {
    return gateway;
  }

  public DatabaseUrl userDb() {
    return userDb;
  }

  public DatabaseUrl aiDb() {
    return aiDb;
  }

  /** The services' process when this harness started them. */
  public ChildJvm child() {
    return child;
  }

  /** Whether this harness started (and so owns) the system and its database. */
  public boolean owned() {
    return child != null;
  }

  /**
   * The embedded PostgreSQL's cumulative CPU time: its postmaster and every backend seen so far, each counted at
   * its last reading (a backend that exits keeps what it had used), or -1 when the database is not this
   * harness's.
   */
  public LongSupplier databaseCpu() throws IOException {
    Path pidFile = dataDir == null ? null : dataDir.resolve("postgres").resolve("postmaster.pid");
    if (pidFile == null || !Files.exists(pidFile)) {
      return () -> -1;
    }
    ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()))
        .orElse(null);
    if (postmaster == null) {
      return () -> -1;
    }
    Map<Long, Long> seen = new ConcurrentHashMap<>();
    return () -> {
      seen.merge(postmaster.pid(), cpu(postmaster), Math::max);
      postmaster.descendants().forEach(p -> seen.merge(p.pid(), cpu(p), Math::max));
      return seen.values().stream().mapToLong(Long::longValue).sum();
    };
  }

  private static long cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /** Stops the child and makes sure its embedded PostgreSQL went with it. */
  @Override
  public void close() throws Exception {
    if (child == null) {
      return;
    }
    child.close();
    Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
    if (Files.exists(pidFile)) {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
          .ifPresent(postgres -> {
            postgres.destroy();
            postgres.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
          });
    }
  }
}
