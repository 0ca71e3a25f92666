package org.jobdash.resume.version;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads of {@code resume_versions} through the seed's history and comparison functions, scoped to the owner. */
public final class VersionRepository {

  private static final String HISTORY = """
      SELECT h.*
      FROM resumes r CROSS JOIN LATERAL get_resume_version_history(r.id) h
      WHERE r.id = $1 AND r.user_id = $2
      ORDER BY h.version_number DESC""";

  private static final String ONE = "SELECT " + Version.COLUMNS + """
       FROM resume_versions v JOIN resumes r ON r.id = v.resume_id
      WHERE r.id = $1 AND r.user_id = $2 AND v.version_number = $3""";

  private static final String CHANGES = """
      SELECT section, change_type, old_value, new_value, source, created_at
      FROM resume_version_changes
      WHERE version_id = $1
      ORDER BY created_at, id""";

  private static final String COMPARE = """
      SELECT c.*
      FROM resumes r CROSS JOIN LATERAL compare_resume_versions(r.id, $3, $4) c
      WHERE r.id = $1 AND r.user_id = $2""";

  private static final String CONTENTS = """
      SELECT v.version_number, v.content
      FROM resume_versions v JOIN resumes r ON r.id = v.resume_id
      WHERE r.id = $1 AND r.user_id = $2 AND v.version_number IN ($3, $4)""";

  /** The seed's comparison (without the diff yet) and the two texts to diff. */
  public record Compared(Comparison counts, String fromContent, String toContent) {}

  private final Pool pool;

  public VersionRepository(Pool pool) {
    this.pool = pool;
  }

  /** Newest first; empty when the résumé is not the user's (every résumé has a version 1). */
  public Future<List<VersionSummary>> history(UUID resumeId, UUID userId) {
    return pool.preparedQuery(HISTORY).execute(Tuple.of(resumeId, userId)).map(rows -> {
      List<VersionSummary> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(VersionSummary.from(r)));
      return out;
    });
  }

  public Future<Optional<Version>> one(UUID resumeId, UUID userId, int number) {
    return one(pool, resumeId, userId, number);
  }

  public Future<Optional<Version>> one(SqlClient client, UUID resumeId, UUID userId, int number) {
    return client.preparedQuery(ONE).execute(Tuple.of(resumeId, userId, number)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(Optional.empty());
      }
      Row row = rows.iterator().next();
      return client.preparedQuery(CHANGES).execute(Tuple.of(row.getUUID("id"))).map(changes -> {
        List<Version.Change> list = new ArrayList<>(changes.size());
        changes.forEach(c -> list.add(Version.Change.from(c)));
        return Optional.of(Version.from(row, list));
      });
    });
  }

  /** Empty when the résumé is not the user's or either version does not exist. */
  public Future<Optional<Compared>> compare(UUID resumeId, UUID userId, int from, int to) {
    return pool.preparedQuery(COMPARE).execute(Tuple.of(resumeId, userId, from, to)).compose(counts -> {
      if (counts.size() == 0) {
        return Future.succeededFuture(Optional.empty());
      }
      return pool.preparedQuery(CONTENTS).execute(Tuple.of(resumeId, userId, from, to)).map(rows -> {
        Map<Integer, String> texts = new HashMap<>();
        rows.forEach(r -> texts.put(r.getInteger("version_number"), r.getString("content")));
        return Optional.of(new Compared(Comparison.from(counts.iterator().next(), null), texts.get(from),
            texts.get(to)));
      });
    });
  }
}
