package org.jobdash.ai.model;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.common.work.Deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the texts of concurrent requests for a few milliseconds (or until {@code maxBatch} texts wait) and
 * embeds them as one task per inference thread on the bounded worker: a few hand-overs per batch instead of one
 * per request. A request's texts are never split. When the worker's queue is full the requests of the refused
 * task fail with the worker's 503. Each request keeps its own deadline inside a shared task: one past it fails
 * alone, between two texts, and the task goes on with the others. Build one per deployment, like the worker it
 * feeds, and pass it to every verticle instance.
 */
public final class EmbeddingBatcher {

  private record Waiting(List<String> texts, Deadline deadline, Context context,
                         Promise<List<MiniLm.Embedded>> promise) {}

  private final Vertx vertx;
  private final Supplier<MiniLm> model;
  private final BoundedWorker worker;
  private final int maxBatch;
  private final long delayMs;
  private List<Waiting> waiting = new ArrayList<>();
  private int waitingTexts;
  private boolean timerArmed;

  /** @param model the model, asked for when a batch runs: instances serve only once it has loaded */
  public EmbeddingBatcher(Vertx vertx, Supplier<MiniLm> model, BoundedWorker worker, int maxBatch, long delayMs) {
    this.vertx = vertx;
    this.model = model;
    this.worker = worker;
    this.maxBatch = maxBatch;
    this.delayMs = delayMs;
  }

  /** The texts' vectors, in order, or {@link Deadline.Exceeded} past {@code deadline}; completes on the caller's context. */
  public Future<List<MiniLm.Embedded>> embed(List<String> texts, Deadline deadline) {
    Waiting request = new Waiting(List.copyOf(texts), deadline, vertx.getOrCreateContext(), Promise.promise());
    List<Waiting> ready = null;
    synchronized (this) {
      waiting.add(request);
      waitingTexts += texts.size();
      if (delayMs == 0 || waitingTexts >= maxBatch) {
        ready = take();
      } else if (!timerArmed) {
        timerArmed = true;
        vertx.setTimer(delayMs, id -> flushOnTimer());
      }
    }
    if (ready != null) {
      run(ready);
    }
    return request.promise().future();
  }

  private void flushOnTimer() {
    List<Waiting> ready;
    synchronized (this) {
      timerArmed = false;
      if (waiting.isEmpty()) {
        return;
      }
      ready = take();
    }
    run(ready);
  }

  private List<Waiting> take() {
    List<Waiting> ready = waiting;
    waiting = new ArrayList<>();
    waitingTexts = 0;
    return ready;
  }

  /** Runs the batch as one task per worker thread (requests kept whole), so that a batch never idles a core. */
  private void run(List<Waiting> batch) {
    int groups = Math.min(worker.threads(), batch.size());
    List<List<Waiting>> parts = new ArrayList<>(groups);
    int[] sizes = new int[groups];
    for (int g = 0; g < groups; g++) {
      parts.add(new ArrayList<>());
    }
    for (Waiting w : batch) {
      int smallest = 0;
      for (int g = 1; g < groups; g++) {
        if (sizes[g] < sizes[smallest]) {
          smallest = g;
        }
      }
      parts.get(smallest).add(w);
      sizes[smallest] += w.texts().size();
    }
    parts.forEach(this::runPart);
  }

  private void runPart(List<Waiting> part) {
    worker.submit(() -> embedEach(part)).onComplete(result -> {
      for (int i = 0; i < part.size(); i++) {
        Waiting w = part.get(i);
        Future<List<MiniLm.Embedded>> mine = result.succeeded() ? result.result().get(i)
            : Future.failedFuture(result.cause());
        w.context().runOnContext(v -> w.promise().handle(mine));
      }
    });
  }

  /** On the worker: each request's vectors, or the reason it has none, so that one request's failure is its own. */
  private List<Future<List<MiniLm.Embedded>>> embedEach(List<Waiting> part) {
    MiniLm model = this.model.get();
    List<Future<List<MiniLm.Embedded>>> outcomes = new ArrayList<>(part.size());
    for (Waiting w : part) {
      try {
        outcomes.add(Future.succeededFuture(model.embedAll(w.texts(), w.deadline())));
      } catch (RuntimeException e) {
        outcomes.add(Future.failedFuture(e));
      }
    }
    return outcomes;
  }
}
