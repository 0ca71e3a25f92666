package org.jobdash.load.gen;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The load generator: an open model. Each lane (one per event loop) sends its share of a fixed arrival rate at
 * planned instants, whatever the answers are doing, and every latency is measured from the planned instant, so
 * a stalled server shows as latency instead of fewer requests (no coordinated omission).
 */
public final class Generator implements AutoCloseable {

  /** How late, at most, a phase may finish after its last planned send (requests time out well before). */
  private static final long DRAIN_LIMIT_SECONDS = 60;

  private final Vertx vertx;
  private final int lanes;
  private LongSupplier databaseCpu = () -> -1;

  public Generator(int lanes) {
    this.lanes = lanes;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(lanes));
  }

  /** Where the database server's cumulative CPU time is read (negative: not measurable). */
  public void databaseCpu(LongSupplier cpuNanos) {
    this.databaseCpu = cpuNanos;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Opens the lanes of one side (its connections, pools …); close the returned side when done with it. */
  public Side attach(Workload workload) throws TimeoutException {
    List<LaneHost> hosts = new CopyOnWriteArrayList<>();
    AtomicInteger next = new AtomicInteger();
    String deployment = vertx.deployVerticle(() -> {
      LaneHost host = new LaneHost(workload, next.getAndIncrement(), lanes);
      hosts.add(host);
      return host;
    }, new DeploymentOptions().setInstances(lanes)).await(2, TimeUnit.MINUTES);
    List<LaneHost> ordered = new ArrayList<>(hosts);
    ordered.sort(Comparator.comparingInt(h -> h.index));
    return new Side(workload, deployment, ordered);
  }

  @Override
  public void close() throws TimeoutException {
    vertx.close().await(1, TimeUnit.MINUTES);
  }

  /** A workload whose lanes are open. */
  public final class Side implements AutoCloseable {
    private final Workload workload;
    private final String deployment;
    private final List<LaneHost> hosts;

    private Side(Workload workload, String deployment, List<LaneHost> hosts) {
      this.workload = workload;
      this.deployment = deployment;
      this.hosts = hosts;
    }

    public Workload workload() {
      return workload;
    }

    /**
     * Closed-loop capacity probe: keeps {@link Workload#concurrency()} requests in flight and returns the answers
     * per second (successes, or all answers when none succeeded) over the second half of {@code duration}. The
     * first half warms up connections, pools and the JIT, and lasts at least until every request of the first
     * round is back (at most three halves), so that a slow start cannot pass for the capacity.
     */
    public double probe(Duration duration) throws TimeoutException {
      workload.beforePhase();
      long half = duration.toNanos() / 2;
      List<Future<Double>> rates = new ArrayList<>();
      for (LaneHost host : hosts) {
        int inFlight = Math.max(1, (workload.concurrency() + hosts.size() - 1) / hosts.size());
        Promise<Double> rate = Promise.promise();
        host.run(() -> new ClosedRun(vertx, host.lane, inFlight, half, rate).begin());
        rates.add(rate.future());
      }
      Future.all(rates).await(duration.toSeconds() * 3 + DRAIN_LIMIT_SECONDS, TimeUnit.SECONDS);
      return Math.max(1, rates.stream().mapToDouble(Future::result).sum());
    }

    /** Sends at {@code rate} per second for {@code warmup}, then measures for {@code measure} at the same rate. */
    public PhaseResult open(double rate, Duration warmup, Duration measure) throws TimeoutException {
      workload.beforePhase();
      PhaseStats stats = new PhaseStats();
      CpuMeter cpu = new CpuMeter(workload.served(), databaseCpu);
      double interval = hosts.size() * 1e9 / rate;
      long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
      long measureFrom = start + warmup.toNanos();
      long end = measureFrom + measure.toNanos();
      List<Future<Void>> done = new ArrayList<>();
      for (LaneHost host : hosts) {
        Promise<Void> finished = Promise.promise();
        long offset = (long) (host.index * 1e9 / rate);
        host.run(() -> new OpenRun(vertx, host.lane, start + offset, interval, measureFrom, end, stats, finished)
            .begin());
        done.add(finished.future());
      }
      // the CPU counters read /proc: on this (main) thread, never on an event loop
      until(measureFrom);
      cpu.start();
      until(end);
      CpuMeter.Shares shares = cpu.stop();
      Future.all(done).await(warmup.plus(measure).toSeconds() + DRAIN_LIMIT_SECONDS, TimeUnit.SECONDS);
      return PhaseResult.of(rate, measure.toNanos() / 1e9, stats, shares);
    }

    /** Waits on the calling thread until {@code System.nanoTime()} reaches {@code instant}. */
    private void until(long instant) throws TimeoutException {
      long millis = (instant - System.nanoTime()) / 1_000_000;
      if (millis >= 1) {
        vertx.timer(millis, TimeUnit.MILLISECONDS).await(millis + 60_000, TimeUnit.MILLISECONDS);
      }
    }

    /**
     * Waits, at most {@code limit}, until the served process is idle (under a quarter of a core for a quarter of a
     * second): work the server still does for requests that timed out must not weigh on the next phase. Served
     * work that cannot be measured gets a fixed pause of two seconds.
     */
    public void settle(Duration limit) throws TimeoutException {
      if (limit.toMillis() < 1) {
        return;
      }
      LongSupplier cpu = workload.served().cpuNanos();
      long quarter = 250;
      Instant until = Instant.now().plus(limit);
      if (cpu.getAsLong() < 0) {
        vertx.timer(Math.min(2_000, limit.toMillis()), TimeUnit.MILLISECONDS).await(1, TimeUnit.MINUTES);
        return;
      }
      long before = cpu.getAsLong();
      while (Instant.now().isBefore(until)) {
        vertx.timer(quarter, TimeUnit.MILLISECONDS).await(1, TimeUnit.MINUTES);
        long now = cpu.getAsLong();
        if (now - before < TimeUnit.MILLISECONDS.toNanos(quarter) / 4) {
          return;
        }
        before = now;
      }
    }

    @Override
    public void close() throws TimeoutException {
      vertx.undeploy(deployment).await(1, TimeUnit.MINUTES);
    }
  }

  /** Hosts one lane on its own event-loop context. */
  private static final class LaneHost extends VerticleBase {
    private final Workload workload;
    private final int index;
    private final int count;
    private Lane lane;

    LaneHost(Workload workload, int index, int count) {
      this.workload = workload;
      this.index = index;
      this.count = count;
    }

    @Override
    public Future<?> start() {
      lane = workload.lane(vertx, index, count);
      return lane.open();
    }

    @Override
    public Future<?> stop() {
      return lane.close();
    }

    void run(Runnable task) {
      context.runOnContext(v -> task.run());
    }
  }

  /** One lane's share of an open-model phase; runs on the lane's context. */
  private static final class OpenRun {
    private final Vertx vertx;
    private final Lane lane;
    private final long first;
    private final double interval;
    private final long measureFrom;
    private final long end;
    private final PhaseStats stats;
    private final Promise<Void> finished;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean allSent = new AtomicBoolean();
    private final AtomicBoolean completed = new AtomicBoolean();
    private long planned;
    private long timer;

    OpenRun(Vertx vertx, Lane lane, long first, double interval, long measureFrom, long end, PhaseStats stats,
            Promise<Void> finished) {
      this.vertx = vertx;
      this.lane = lane;
      this.first = first;
      this.interval = interval;
      this.measureFrom = measureFrom;
      this.end = end;
      this.stats = stats;
      this.finished = finished;
    }

    void begin() {
      timer = vertx.setPeriodic(1, id -> tick());
    }

    /** Sends every request whose planned instant has come. */
    private void tick() {
      long now = System.nanoTime();
      while (true) {
        long intended = first + (long) (planned * interval);
        if (intended >= end) {
          vertx.cancelTimer(timer);
          allSent.set(true);
          finishIfDone();
          return;
        }
        if (intended > now) {
          return;
        }
        planned++;
        fire(intended);
      }
    }

    private void fire(long intended) {
      boolean measured = intended >= measureFrom;
      if (measured) {
        stats.sent();
      }
      inFlight.incrementAndGet();
      sendSafely(lane).onComplete(ar -> {
        if (measured) {
          stats.record(ar.succeeded() ? ar.result() : label(ar.cause()), System.nanoTime() - intended);
        }
        inFlight.decrementAndGet();
        finishIfDone();
      });
    }

    private void finishIfDone() {
      if (allSent.get() && inFlight.get() == 0 && completed.compareAndSet(false, true)) {
        finished.complete();
      }
    }
  }

  /** One lane's share of a closed-loop probe; runs on the lane's context. */
  private static final class ClosedRun {
    private final Vertx vertx;
    private final Context context;
    private final Lane lane;
    private final int inFlight;
    private final long half;
    private final Promise<Double> rate;
    private final long start = System.nanoTime();
    private long firstRoundBack;
    private long countFrom;
    private long end;
    private long ok;
    private long answered;
    private int running;

    ClosedRun(Vertx vertx, Lane lane, int inFlight, long half, Promise<Double> rate) {
      this.vertx = vertx;
      this.context = vertx.getOrCreateContext();
      this.lane = lane;
      this.inFlight = inFlight;
      this.half = half;
      this.rate = rate;
    }

    void begin() {
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(half * 3)), id -> startCounting());
      for (int i = 0; i < inFlight; i++) {
        running++;
        send();
      }
    }

    /** Counting starts after the first half once the first round is back, or after three halves anyway. */
    private void startCounting() {
      if (countFrom == 0) {
        countFrom = System.nanoTime();
        end = countFrom + half;
      }
    }

    private void send() {
      sendSafely(lane).onComplete(ar -> context.runOnContext(v -> answered(ar.succeeded() ? ar.result() : null)));
    }

    private void answered(String outcome) {
      long now = System.nanoTime();
      running--;
      if (countFrom == 0 && ++firstRoundBack >= inFlight && now - start >= half) {
        startCounting();
      } else if (countFrom != 0 && now < end) {
        answered++;
        if (Lane.OK.equals(outcome)) {
          ok++;
        }
      }
      if (countFrom == 0 || now < end) {
        running++;
        send();
      } else if (running == 0) {
        rate.complete((ok > 0 ? ok : answered) / (half / 1e9));
      }
    }
  }

  private static Future<String> sendSafely(Lane lane) {
    try {
      return lane.send();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** A short label for a failed call: {@code timeout}, or the exception's class. */
  static String label(Throwable e) {
    String name = e.getClass().getSimpleName();
    if (e instanceof TimeoutException || name.contains("Timeout")) {
      return "timeout";
    }
    return name.isEmpty() ? "error" : name;
  }
}
