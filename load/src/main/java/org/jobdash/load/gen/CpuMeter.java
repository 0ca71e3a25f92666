package org.jobdash.load.gen;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * CPU shares over a measured window, each as a fraction of all cores: this process minus any in-process served
 * work (the generator's own share), the served work, the database server, and the whole machine.
 */
public final class CpuMeter {

  /** Shares of all cores, 0..1; negative where it cannot be measured. */
  public record Shares(double generator, double served, double database, double machine) {}

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private final Served served;
  private final LongSupplier databaseCpu;
  private long wall;
  private long process;
  private long servedCpu;
  private long dbCpu;

  public CpuMeter(Served served, LongSupplier databaseCpu) {
    this.served = served;
    this.databaseCpu = databaseCpu;
  }

  /** Starts a window (and resets the machine-load counter, which measures since its previous reading). */
  public void start() {
    OS.getCpuLoad();
    wall = System.nanoTime();
    process = OS.getProcessCpuTime();
    servedCpu = served.cpuNanos().getAsLong();
    dbCpu = databaseCpu.getAsLong();
  }

  public Shares stop() {
    double capacity = (double) (System.nanoTime() - wall) * CORES;
    double machine = OS.getCpuLoad();
    long processUsed = OS.getProcessCpuTime() - process;
    long servedUsed = used(servedCpu, served.cpuNanos().getAsLong());
    long dbUsed = used(dbCpu, databaseCpu.getAsLong());
    long generatorUsed = served.inThisProcess() && servedUsed > 0 ? processUsed - servedUsed : processUsed;
    return new Shares(generatorUsed / capacity, share(servedUsed, capacity), share(dbUsed, capacity),
        machine < 0 ? -1 : machine);
  }

  private static long used(long before, long after) {
    return before < 0 || after < 0 ? -1 : after - before;
  }

  private static double share(long used, double capacity) {
    return used < 0 ? -1 : used / capacity;
  }

  public static int cores() {
    return CORES;
  }
}
