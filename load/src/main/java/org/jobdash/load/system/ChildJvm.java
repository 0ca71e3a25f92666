package org.jobdash.load.system;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A JVM this harness started (the services, the bare read server), its output in a log file. */
public final class ChildJvm implements AutoCloseable {

  /** What Vert.x logs when an event loop or worker is held too long. */
  public static final String BLOCKED = "has been blocked for";

  private final String name;
  private final Process process;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code java <jvmArgs> <args>} with this JVM's {@code java}; {@code env} entries with a null value are
   * removed from the inherited environment.
   */
  public static ChildJvm start(String name, List<String> jvmArgs, List<String> args, Map<String, String> env,
                               Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    env.forEach((k, v) -> {
      if (v == null) {
        builder.environment().remove(k);
      } else {
        builder.environment().put(k, v);
      }
    });
    return new ChildJvm(name, builder.start(), log);
  }

  public String name() {
    return name;
  }

  public ProcessHandle handle() {
    return process.toHandle();
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  public Path log() {
    return log;
  }

  /** Vert.x blocked-thread warnings in the log so far. */
  public int blockedWarnings() throws IOException {
    return (int) lines().stream().filter(l -> l.contains(BLOCKED)).count();
  }

  /** The first lines of each blocked-thread warning after the first {@code skip}. */
  public List<String> blockedWarningsAfter(int skip) throws IOException {
    return lines().stream().filter(l -> l.contains(BLOCKED)).skip(skip).toList();
  }

  /**
   * Waits until {@code GET path} answers 200 on each port of {@code child}; fails early, with the end of its log,
   * when it exits or takes longer than {@code limit}.
   */
  public static void awaitReady(Vertx vertx, ChildJvm child, List<Integer> ports, String path, Duration limit)
      throws IOException {
    WebClient client = WebClient.create(vertx);
    try {
      Instant until = Instant.now().plus(limit);
      for (int port : ports) {
        while (client.get(port, "127.0.0.1", path).timeout(2_000).send().map(r -> r.statusCode()).otherwise(0)
            .await() != 200) {
          if (!child.alive()) {
            throw new IllegalStateException(child.name() + " exited while starting; the end of " + child.log()
                + ":\n" + child.tail(30));
          }
          if (Instant.now().isAfter(until)) {
            throw new IllegalStateException(child.name() + " was not ready after " + limit.toSeconds()
                + " s; the end of " + child.log() + ":\n" + child.tail(30));
          }
          vertx.timer(500, TimeUnit.MILLISECONDS).await();
        }
      }
    } finally {
      client.close();
    }
  }

  public String tail(int count) throws IOException {
    List<String> lines = lines();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  private List<String> lines() throws IOException {
    return Files.exists(log) ? List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"))
        : List.of();
  }

  /** Asks it to stop (SIGTERM: its shutdown hook closes servers and the embedded database), then forces it. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      process.onExit().get(90, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }
  }
}
