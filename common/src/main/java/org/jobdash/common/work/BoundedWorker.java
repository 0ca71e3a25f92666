package org.jobdash.common.work;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.jobdash.common.http.ApiException;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A named pool of worker threads with a bounded queue, for work that must never run on an event loop
 * (password hashing, model inference, file parsing, file IO). When the queue is full the task is refused at
 * once with a 503 {@link ApiException.Overloaded} rather than queued without limit. Build one per service
 * deployment and pass it to every verticle instance, so that they all use the same threads and the same bound.
 */
public final class BoundedWorker {

  private final String name;
  private final WorkerExecutor executor;
  private final int threads;
  private final int maxPending;
  private final AtomicInteger pending = new AtomicInteger();

  public BoundedWorker(Vertx vertx, String name, int threads, int queueSize, long maxExecuteSeconds) {
    this.name = name;
    this.threads = threads;
    this.maxPending = threads + queueSize;
    this.executor = vertx.createSharedWorkerExecutor(name, threads, maxExecuteSeconds,
        java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Runs {@code task} on a worker thread; fails with 503 at once if {@code threads + queueSize} are pending. */
  public <T> Future<T> submit(Callable<T> task) {
    if (pending.incrementAndGet() > maxPending) {
      pending.decrementAndGet();
      return Future.failedFuture(new ApiException.Overloaded("The " + name + " queue is full; try again shortly", 1));
    }
    return executor.executeBlocking(task, false).andThen(ignored -> pending.decrementAndGet());
  }

  /**
   * Runs {@code task} on a worker thread under {@code deadline}: the task checks it as it goes (see
   * {@link Deadline}), so a task past its deadline stops and frees its thread, and the future fails with
   * {@link Deadline.Exceeded}.
   */
  public <T> Future<T> submit(Deadline deadline, java.util.function.Function<Deadline, T> task) {
    return submit(() -> {
      deadline.check();
      return task.apply(deadline);
    });
  }

  /** {@link #submit(Deadline, java.util.function.Function)} with a deadline of {@code limit} from now. */
  public <T> Future<T> submit(java.time.Duration limit, java.util.function.Function<Deadline, T> task) {
    return submit(Deadline.after(limit), task);
  }

  public int pending() {
    return pending.get();
  }

  public int threads() {
    return threads;
  }

  public String name() {
    return name;
  }
}
