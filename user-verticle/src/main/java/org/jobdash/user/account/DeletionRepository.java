package org.jobdash.user.account;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import org.jobdash.common.bus.UserDeleted;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@code user_deletions}: the deletions still to be purged everywhere, and which services have purged them. */
public final class DeletionRepository {

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

  /** Accounts deleted within the last $1 seconds: tokens of theirs may not have expired yet. */
  private static final String RECENT = """
      SELECT user_id, extract(epoch FROM deleted_at)::bigint AS at FROM user_deletions
      WHERE deleted_at > now() - $1 * interval '1 second'""";

  private final Pool pool;

  public DeletionRepository(Pool pool) {
    this.pool = pool;
  }

  /** Records that {@code service} purged the user; the deletion completes once every required service has. */
  public Future<Void> acknowledge(UUID userId, String service, List<String> required) {
    return pool.preparedQuery(ACKNOWLEDGE).execute(Tuple.of(userId, service, required.toArray(String[]::new)))
        .mapEmpty();
  }

  /**
   * The incomplete deletions last published more than {@code republishAfter} ago (at most 500), marked as
   * published now.
   */
  /** The accounts deleted within {@code within}, with when. */
  public Future<List<UserDeleted>> recent(Duration within) {
    return pool.preparedQuery(RECENT).execute(Tuple.of(within.toSeconds())).map(rows -> {
      List<UserDeleted> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(new UserDeleted(r.getUUID("user_id"), Instant.ofEpochSecond(r.getLong("at")))));
      return out;
    });
  }

  public Future<List<UserDeleted>> takeDue(Duration republishAfter) {
    return pool.preparedQuery(DUE)
        .collecting(Collectors.mapping(row -> new UserDeleted(row.getUUID("user_id"),
            row.getOffsetDateTime("deleted_at").toInstant()), Collectors.toList()))
        .execute(Tuple.of(republishAfter.toSeconds()))
        .map(SqlResult::value);
  }
}
