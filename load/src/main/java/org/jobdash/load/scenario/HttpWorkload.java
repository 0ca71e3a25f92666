package org.jobdash.load.scenario;

import io.vertx.core.Vertx;
import org.jobdash.load.gen.Lane;
import org.jobdash.load.gen.Served;
import org.jobdash.load.gen.Workload;
import org.jobdash.load.http.Conversation;
import org.jobdash.load.http.PinnedLane;
import org.jobdash.load.http.PooledLane;
import org.jobdash.load.http.Target;

import java.util.function.BiFunction;

/**
 * An HTTP side: a conversation per lane, carried over a WebClient pool (requests take any idle connection) or
 * over pinned connections (every connection kept open and used in turn).
 */
final class HttpWorkload implements Workload {

  private final String description;
  private final Target target;
  private final int connections;
  private final boolean pinned;
  private final Served served;
  private final BiFunction<Integer, Integer, Conversation> conversations;
  private final Runnable beforePhase;

  /** @param conversations lane index and lane count → that lane's conversation */
  HttpWorkload(String description, Target target, int connections, boolean pinned, Served served,
               BiFunction<Integer, Integer, Conversation> conversations, Runnable beforePhase) {
    this.description = description;
    this.target = target;
    this.connections = connections;
    this.pinned = pinned;
    this.served = served;
    this.conversations = conversations;
    this.beforePhase = beforePhase;
  }

  HttpWorkload(String description, Target target, int connections, boolean pinned, Served served,
               BiFunction<Integer, Integer, Conversation> conversations) {
    this(description, target, connections, pinned, served, conversations, () -> { });
  }

  @Override
  public String description() {
    return description + " to " + target + ", " + connections + (pinned ? " pinned" : "") + " keep-alive connections";
  }

  @Override
  public int concurrency() {
    return connections;
  }

  @Override
  public Served served() {
    return served;
  }

  @Override
  public void beforePhase() {
    beforePhase.run();
  }

  @Override
  public Lane lane(Vertx vertx, int index, int lanes) {
    int share = connections * (index + 1) / lanes - connections * index / lanes;
    Conversation conversation = conversations.apply(index, lanes);
    return pinned ? new PinnedLane(vertx, target, share, conversation)
        : new PooledLane(vertx, target, share, conversation);
  }
}
