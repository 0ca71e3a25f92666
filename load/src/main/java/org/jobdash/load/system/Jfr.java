package org.jobdash.load.system;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Java Flight Recorder on request ({@code --jfr}): each child JVM records from its start
 * ({@code -XX:StartFlightRecording}, written when it exits) and the slice of every scenario is dumped with
 * {@code jcmd … JFR.dump begin= end=}; this JVM records each scenario itself. Also reads a recording back into
 * its hottest methods.
 */
public final class Jfr {

  private static final String NAME = "jobdash-load";

  /** A method or package and its share of the execution samples. */
  public record Share(String name, double share) {}

  /**
   * What a recording's samples show within a time window: Java code by method and package (execution samples),
   * and native code that was working rather than waiting for I/O or a lock (native-method samples).
   */
  public record Profile(String file, long samples, List<Share> methods, List<Share> packages, long nativeSamples,
                        List<Share> natives) {}

  /** Native frames that are a thread waiting, not working. */
  private static final List<String> WAITING = List.of("sun.nio.ch.", "java.net.", "sun.nio.fs.",
      "jdk.internal.misc.Unsafe.park", "java.lang.Thread.sleep", "java.lang.Object.wait", "java.io.FileInputStream",
      "java.lang.ProcessHandleImpl", "java.lang.ref.");

  private final Path directory;

  private Jfr(Path directory) {
    this.directory = directory;
  }

  public static Jfr off() {
    return new Jfr(null);
  }

  public static Jfr into(Path directory) throws IOException {
    return new Jfr(Files.createDirectories(directory.toAbsolutePath()));
  }

  public boolean enabled() {
    return directory != null;
  }

  public Path directory() {
    return directory;
  }

  /** The JVM options that make a child record its whole run into {@code <name>-run.jfr}. */
  public List<String> childOptions(String name) {
    if (!enabled()) {
      return List.of();
    }
    return List.of("-XX:StartFlightRecording:name=" + NAME + ",settings=profile,dumponexit=true,filename="
        + directory.resolve(name + "-run.jfr"));
  }

  /** Writes what {@code child} recorded between {@code from} and {@code to} into {@code <file>.jfr}. */
  public Path dump(ChildJvm child, String file, Instant from, Instant to) throws IOException, InterruptedException {
    Path out = directory.resolve(file + ".jfr");
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(child.pid()), "JFR.dump", "name=" + NAME, "begin=" + from, "end=" + to, "filename=" + out)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!jcmd.waitFor(2, TimeUnit.MINUTES)) {
      jcmd.destroyForcibly();
    }
    return Files.exists(out) ? out : null;
  }

  /** Starts recording this JVM (the generator and the in-process floors). */
  public Recording startHere() throws IOException, ParseException {
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording.setName(NAME);
    recording.start();
    return recording;
  }

  public Path stopHere(Recording recording, String file) throws IOException {
    Path out = directory.resolve(file + ".jfr");
    recording.stop();
    recording.dump(out);
    recording.close();
    return out;
  }

  /** The hottest methods, packages and working native methods of {@code file} between {@code from} and {@code to}. */
  public static Profile profile(Path file, Instant from, Instant to, int top) throws IOException {
    Map<String, Long> methods = new HashMap<>();
    Map<String, Long> packages = new HashMap<>();
    Map<String, Long> natives = new HashMap<>();
    long samples = 0;
    long nativeSamples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      String type = event.getEventType().getName();
      boolean java = "jdk.ExecutionSample".equals(type);
      if (!java && !"jdk.NativeMethodSample".equals(type) || event.getStartTime().isBefore(from)
          || event.getStartTime().isAfter(to)) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      RecordedFrame frame = stack.getFrames().get(0);
      String owner = frame.getMethod().getType().getName();
      String method = owner + "." + frame.getMethod().getName();
      if (java) {
        methods.merge(method, 1L, Long::sum);
        packages.merge(packageOf(owner), 1L, Long::sum);
        samples++;
      } else if (WAITING.stream().noneMatch(method::startsWith)) {
        natives.merge(method, 1L, Long::sum);
        nativeSamples++;
      }
    }
    return new Profile(file.toString(), samples, shares(methods, samples, top), shares(packages, samples, top),
        nativeSamples, shares(natives, nativeSamples, 3));
  }

  /** The first three parts of a class's package, e.g. {@code io.vertx.core}. */
  static String packageOf(String type) {
    String[] parts = type.split("\\.");
    int n = Math.min(3, Math.max(1, parts.length - 1));
    return String.join(".", java.util.Arrays.copyOf(parts, n));
  }

  private static List<Share> shares(Map<String, Long> counts, long total, int top) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(top)
        .map(e -> new Share(e.getKey(), total == 0 ? 0 : (double) e.getValue() / total))
        .toList();
  }
}
