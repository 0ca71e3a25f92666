package org.jobdash.load.floor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.jobdash.load.gen.Lane;
import org.jobdash.load.gen.Served;
import org.jobdash.load.gen.Workload;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A floor that runs in this JVM: the bare operation on a fixed pool of threads named {@code floor-<name>-…},
 * tasks queueing without limit. Their CPU is reported as the served work, not the generator's.
 */
public final class InProcessFloor implements Workload {

  private final String description;
  private final String name;
  private final int threads;
  private final int concurrency;
  private final Callable<?> task;
  private final Runnable beforePhase;

  /**
   * @param concurrency requests the capacity probe keeps queued (as many as the service side's connections)
   * @param task one request's work; blocks its thread
   */
  public InProcessFloor(String description, String name, int threads, int concurrency, Callable<?> task,
                        Runnable beforePhase) {
    this.description = description;
    this.name = "floor-" + name;
    this.threads = threads;
    this.concurrency = concurrency;
    this.task = task;
    this.beforePhase = beforePhase;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int concurrency() {
    return concurrency;
  }

  @Override
  public Served served() {
    return Served.inThisProcess(threads + " thread(s) in the harness");
  }

  @Override
  public void beforePhase() {
    beforePhase.run();
  }

  @Override
  public Lane lane(Vertx vertx, int index, int lanes) {
    WorkerExecutor pool = vertx.createSharedWorkerExecutor(name, threads, 10, TimeUnit.MINUTES);
    return new Lane() {
      @Override
      public Future<String> send() {
        return pool.executeBlocking(() -> {
          task.call();
          return OK;
        }, false);
      }

      @Override
      public Future<Void> close() {
        return pool.close();
      }
    };
  }
}
