package org.jobdash.user.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.BusConsumers;
import org.jobdash.common.bus.UserDeletionAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Makes {@code user.deleted} reach every service although the event bus delivers at most once: each deletion
 * stays in {@code user_deletions} and is re-published until every required service has sent
 * {@code user.deletion.ack}, so a service that was down when the account was deleted catches up.
 */
public final class DeletionRelay {

  private static final Logger log = LoggerFactory.getLogger(DeletionRelay.class);

  private final Vertx vertx;
  private final DeletionRepository deletions;
  private final List<String> requiredAcks;
  private final Duration republishAfter;

  public DeletionRelay(Vertx vertx, DeletionRepository deletions, List<String> requiredAcks, Duration republishAfter) {
    this.vertx = vertx;
    this.deletions = deletions;
    this.requiredAcks = requiredAcks;
    this.republishAfter = republishAfter;
  }

  /** Serves acknowledgements; call in every verticle instance. */
  public Future<Void> registerAcknowledgements() {
    return new BusConsumers(vertx).consume(Addresses.USER_DELETION_ACK, UserDeletionAck::fromJson,
        ack -> deletions.acknowledge(ack.userId(), ack.service(), requiredAcks)).completion();
  }

  /** Re-publishes unacknowledged deletions periodically; call in one instance only. */
  public long startRepublishing() {
    long every = Math.max(1000, republishAfter.toMillis() / 2);
    return vertx.setPeriodic(every, every, id -> republish());
  }

  Future<Integer> republish() {
    return deletions.takeDue(republishAfter).map(due -> {
      due.forEach(deleted -> vertx.eventBus().publish(Addresses.USER_DELETED, deleted.toJson()));
      if (!due.isEmpty()) {
        log.info("re-published user.deleted for {} account(s) not yet purged everywhere", due.size());
      }
      return due.size();
    }).onFailure(e -> log.warn("deletion re-publishing failed: {}", e.toString()));
  }
}
