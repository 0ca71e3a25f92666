package org.jobdash.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service started from the runnable jar in its own JVM, its output kept in a log file. */
final class ServiceProcess implements AutoCloseable {

  private final String name;
  private final Path log;
  private final List<String> command;
  private final Map<String, String> env;
  private Process process;

  ServiceProcess(String name, Path jar, Path log, Map<String, String> env) {
    this.name = name;
    this.log = log;
    this.env = env;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    this.command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString(),
        "--service", name, "--cluster"));
  }

  ServiceProcess start() throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    process = builder.start();
    return this;
  }

  /** Waits for the launcher's "is up" line, failing early if the process dies. */
  ServiceProcess awaitUp(Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains("Job Dashboard is up")) {
        return this;
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
      }
      Thread.sleep(200);
    }
    throw new AssertionError(name + " did not start in " + within + ":\n" + tail());
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  String tail() throws IOException {
    String all = Files.exists(log) ? Files.readString(log) : "";
    return all.length() > 4000 ? all.substring(all.length() - 4000) : all;
  }

  /** Stops it as Ctrl-C would, then waits; kills it if it does not stop. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
