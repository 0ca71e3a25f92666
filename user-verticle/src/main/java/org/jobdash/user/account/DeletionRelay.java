package org.jobdash.user.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.jobdash.common.bus.Addresses;
import org.jobdash.common.bus.UserDeleted;
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

  private static final String ACKNOWLEDGE = """
      UPDATE user_deletions
      SET acknowledged_by = array_append(acknowledged_by, $2),
          completed_at = CASE WHEN array_append(acknowledged_by, $2) @> $3::text[] THEN now() END
      WHERE user_id = $1 AND NOT ($2 = ANY (acknowledged_by))""";

  private static final String DUE = """
      UPDATE user_deletions SET last_published_at = now(), publish_count = publish_count + 1
      WHERE user_id IN (
        SELECT user_id FROM user_deletions
        WHERE completed_at IS NULL AND (last_published_at IS NULL OR last_published_at < now() - $1 * interval '1 second')
        ORDER BY last_published_at NULLS FIRST
        LIMIT 500
        FOR UPDATE SKIP LOCKED)
      RETURNING user_id, deleted_at""";

  private final Vertx vertx;
  private final Pool pool;
  private final List<String> requiredAcks;
  private final Duration republishAfter;

  public DeletionRelay(Vertx vertx, Pool pool, List<String> requiredAcks, Duration republishAfter) {
    this.vertx = vertx;
    this.pool = pool;
    this.requiredAcks = requiredAcks;
    this.republishAfter = republishAfter;
  }

  /** Serves acknowledgements; call in every verticle instance. */
  public Future<Void> registerAcknowledgements() {
    return vertx.eventBus().<JsonObject>consumer(Addresses.USER_DELETION_ACK, this::acknowledge).completion();
  }

  /** Re-publishes unacknowledged deletions periodically; call in one instance only. */
  public long startRepublishing() {
    long every = Math.max(1000, republishAfter.toMillis() / 2);
    return vertx.setPeriodic(every, every, id -> republish());
  }

  Future<Integer> republish() {
    return pool.preparedQuery(DUE).execute(Tuple.of(republishAfter.toSeconds())).map(rows -> {
      for (Row row : rows) {
        vertx.eventBus().publish(Addresses.USER_DELETED,
            new UserDeleted(row.getUUID("user_id"), row.getOffsetDateTime("deleted_at").toInstant()).toJson());
      }
      if (rows.size() > 0) {
        log.info("re-published user.deleted for {} account(s) not yet purged everywhere", rows.size());
      }
      return rows.size();
    }).onFailure(e -> log.warn("deletion re-publishing failed: {}", e.toString()));
  }

  private void acknowledge(Message<JsonObject> message) {
    UserDeletionAck ack;
    try {
      ack = UserDeletionAck.fromJson(message.body());
    } catch (RuntimeException e) {
      log.warn("ignored a malformed user.deletion.ack: {}", message.body());
      return;
    }
    pool.preparedQuery(ACKNOWLEDGE)
        .execute(Tuple.of(ack.userId(), ack.service(), requiredAcks.toArray(String[]::new)))
        .onFailure(e -> log.warn("cannot record {}'s purge of {}: {}", ack.service(), ack.userId(), e.toString()));
  }
}
