package org.jobdash.load.gen;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * Where the served work of a side runs, as a cumulative CPU-time counter: a child process (the services, the bare
 * read server), this JVM apart from the generator (in-process floors: their CPU is not the generator's), or
 * nowhere this harness can measure (the database server).
 */
public record Served(String where, LongSupplier cpuNanos, boolean inThisProcess) {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** The names of the generator's threads (its Vert.x instance's event loops). */
  private static final String GENERATOR_THREADS = "vert.x-eventloop-thread-";

  public static Served process(String where, ProcessHandle process) {
    return new Served(where, () -> process.info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L), false);
  }

  /**
   * Work done in this JVM by everything but the generator's event loops: the floor's threads and whatever native
   * threads they drive (the model runtime's), their JIT and GC.
   */
  public static Served inThisProcess(String where) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Served(where, () -> {
      long generator = 0;
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().startsWith(GENERATOR_THREADS)) {
          generator += Math.max(0, THREADS.getThreadCpuTime(t.getId()));
        }
      }
      return os.getProcessCpuTime() - generator;
    }, true);
  }

  public static Served unmeasured(String where) {
    return new Served(where, () -> -1L, false);
  }
}
