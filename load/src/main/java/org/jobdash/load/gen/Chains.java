package org.jobdash.load.gen;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;
import java.util.Collection;

/**
 * Refresh-token chains of one lane: each is usable by one request at a time (its next token comes with the
 * answer). A request takes the chain idle the longest, or waits for one; that wait counts in its latency. A chain
 * whose request failed is dropped (the server may have rotated it). Used on one lane's context only.
 */
public final class Chains<T> {

  private final ArrayDeque<T> idle;
  private final ArrayDeque<Promise<T>> waiting = new ArrayDeque<>();
  private int alive;

  public Chains(Collection<T> heads) {
    this.idle = new ArrayDeque<>(heads);
    this.alive = heads.size();
  }

  public Future<T> take() {
    T head = idle.pollFirst();
    if (head != null) {
      return Future.succeededFuture(head);
    }
    if (alive == 0) {
      return Future.failedFuture(new IllegalStateException("every refresh-token chain of this lane is broken"));
    }
    Promise<T> promise = Promise.promise();
    waiting.addLast(promise);
    return promise.future();
  }

  /** The chain goes on with {@code next}. */
  public void give(T next) {
    Promise<T> first = waiting.pollFirst();
    if (first != null) {
      first.complete(next);
    } else {
      idle.addLast(next);
    }
  }

  public void drop() {
    alive--;
    if (alive == 0) {
      Promise<T> p;
      while ((p = waiting.pollFirst()) != null) {
        p.fail(new IllegalStateException("every refresh-token chain of this lane is broken"));
      }
    }
  }
}
