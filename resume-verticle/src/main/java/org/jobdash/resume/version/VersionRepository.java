package org.jobdash.resume.version;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.jobdash.common.db.Rows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL of {@code resume_versions} and {@code resume_version_changes}, scoped to the owner: reads through the seed's
 * history and comparison functions, and the writing of a new content as the résumé's next version.
 */
public final class VersionRepository {

  private static final String HISTORY = """
      SELECT h.*
      FROM resumes r CROSS JOIN LATERAL get_resume_version_history(r.id) h
      WHERE r.id = $1 AND r.user_id = $2
      ORDER BY h.version_number DESC""";

  private static final String ONE = """
      SELECT v.id, v.version_number, v.title, v.filename, v.file_size, v.checksum_sha256, v.content,
             v.content_changes, v.optimization_notes, v.created_by, v.version_reason, v.restored_from_version,
             v.created_at
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

  private static final String CURRENT =
      "SELECT id, user_id, title, content, current_version FROM resumes WHERE id = $1 AND user_id = $2";

  private static final String LOCK_CURRENT = CURRENT + " FOR UPDATE";

  private static final String SET_CONTENT = """
      UPDATE resumes
      SET content = $2, processing_status = 'pending', processing_error = NULL, analysis_requested_at = now(),
          analysis_attempts = 1, ai_analysis = coalesce(ai_analysis, '{}'::jsonb) || jsonb_build_object('requestId', $3::text)
      WHERE id = $1""";

  private static final String CREATE_VERSION =
      "SELECT create_resume_version($1, NULL, NULL, NULL, NULL, $2, $3, $4, $5) AS version_id";

  private static final String KEEP_JSON_RESUME =
      "UPDATE resume_versions SET json_resume = $3 WHERE resume_id = $1 AND version_number = $2";

  private static final String VERSION_NUMBER = "SELECT version_number FROM resume_versions WHERE id = $1";

  private static final String INSERT_CHANGES = """
      INSERT INTO resume_version_changes (version_id, resume_id, section, change_type, old_value, new_value, source)
      SELECT $1, $2, c.section, c.change_type, c.old_value, c.new_value, $7
      FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS c(section, change_type, old_value, new_value)""";

  /** The seed's comparison (without the diff yet) and the two texts to diff. */
  public record Compared(Comparison counts, String fromContent, String toContent) {}

  /** The résumé's text and the version it is. */
  public record Current(UUID id, UUID userId, String title, String content, int version) {}

  /**
   * A new content to make the résumé's next version.
   *
   * @param source            {@code user}, {@code ai} or {@code restore}: the version's {@code created_by} and its
   *                          changes' {@code source}
   * @param contentChanges    the version's {@code content_changes} document
   * @param analysisRequestId the id under which the new text's analysis is requested once the transaction commits
   */
  public record NewContent(UUID resumeId, String content, String source, String reason, String notes,
                           JsonObject contentChanges, List<SectionChange> changes, UUID analysisRequestId) {}

  public record CreatedVersion(UUID versionId, int versionNumber) {}

  private final Pool pool;

  public VersionRepository(Pool pool) {
    this.pool = pool;
  }

  /** Keeps the JSON Resume document {@code number} was rendered from (inside the transaction that made it). */
  public Future<Void> keepJsonResume(SqlClient conn, UUID resumeId, int number, JsonObject document) {
    return conn.preparedQuery(KEEP_JSON_RESUME).execute(Tuple.of(resumeId, number, document)).compose(rows ->
        rows.rowCount() == 1 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new IllegalStateException("version " + number + " of " + resumeId + " is missing")));
  }

  /** Newest first; empty when the résumé is not the user's (every résumé has a version 1). */
  public Future<List<VersionSummary>> history(UUID resumeId, UUID userId) {
    return pool.preparedQuery(HISTORY).execute(Tuple.of(resumeId, userId)).map(rows -> {
      List<VersionSummary> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(summary(r)));
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
      int versionNumber = row.getInteger("version_number");
      return client.preparedQuery(CHANGES).execute(Tuple.of(row.getUUID("id"))).map(changes -> {
        List<VersionChange> list = new ArrayList<>(changes.size());
        changes.forEach(c -> list.add(new VersionChange(versionNumber, c.getString("section"),
            c.getString("change_type"), c.getString("old_value"), c.getString("new_value"), c.getString("source"),
            c.getOffsetDateTime("created_at"))));
        return Optional.of(version(row, list));
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
        return Optional.of(new Compared(comparison(counts.iterator().next()), texts.get(from), texts.get(to)));
      });
    });
  }

  /** The owner's résumé as it is now, without a lock: what changes are computed against before the transaction. */
  public Future<Optional<Current>> current(SqlClient client, UUID resumeId, UUID userId) {
    return client.preparedQuery(CURRENT).execute(Tuple.of(resumeId, userId)).map(VersionRepository::current);
  }

  /** Locks the owner's résumé until the transaction ends; empty when there is no such résumé of theirs. */
  public Future<Optional<Current>> lockCurrent(SqlConnection conn, UUID resumeId, UUID userId) {
    return conn.preparedQuery(LOCK_CURRENT).execute(Tuple.of(resumeId, userId)).map(VersionRepository::current);
  }

  /**
   * Makes {@code c} the résumé's next version inside the caller's transaction, which must hold the résumé's row
   * lock: updates {@code resumes.content} (its analysis pending again under the new request id), numbers and
   * snapshots the version with the seed's {@code create_resume_version}, and records its changes.
   */
  public Future<CreatedVersion> write(SqlConnection conn, NewContent c) {
    return conn.preparedQuery(SET_CONTENT).execute(Tuple.of(c.resumeId(), c.content(), c.analysisRequestId().toString()))
        .compose(v -> conn.preparedQuery(CREATE_VERSION).execute(Tuple.of(c.resumeId(), c.contentChanges(), c.notes(),
            c.source(), c.reason())))
        .map(rows -> rows.iterator().next().getUUID("version_id"))
        .compose(versionId -> conn.preparedQuery(VERSION_NUMBER).execute(Tuple.of(versionId))
            .map(rows -> new CreatedVersion(versionId, rows.iterator().next().getInteger("version_number"))))
        .compose(created -> insertChanges(conn, created.versionId(), c).map(created));
  }

  private static Future<Void> insertChanges(SqlConnection conn, UUID versionId, NewContent c) {
    if (c.changes().isEmpty()) {
      return Future.succeededFuture();
    }
    List<SectionChange> changes = c.changes();
    return conn.preparedQuery(INSERT_CHANGES).execute(Tuple.of(versionId, c.resumeId(),
            changes.stream().map(SectionChange::section).toArray(String[]::new),
            changes.stream().map(SectionChange::changeType).toArray(String[]::new),
            changes.stream().map(SectionChange::oldValue).toArray(String[]::new),
            changes.stream().map(SectionChange::newValue).toArray(String[]::new),
            c.source()))
        .mapEmpty();
  }

  private static Optional<Current> current(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row r = rows.iterator().next();
    return Optional.of(new Current(r.getUUID("id"), r.getUUID("user_id"), r.getString("title"), r.getString("content"),
        r.getInteger("current_version")));
  }

  private static Version version(Row r, List<VersionChange> changes) {
    return new Version(r.getUUID("id"), r.getInteger("version_number"), r.getString("title"), r.getString("filename"),
        r.getInteger("file_size"), r.getString("checksum_sha256"), r.getString("content"),
        jsonObject(r.getValue("content_changes")), r.getString("optimization_notes"), r.getString("created_by"),
        r.getString("version_reason"), r.getInteger("restored_from_version"), r.getOffsetDateTime("created_at"),
        changes);
  }

  private static VersionSummary summary(Row r) {
    return new VersionSummary(r.getUUID("version_id"), r.getInteger("version_number"), r.getString("title"),
        r.getString("filename"), r.getInteger("file_size"), r.getString("created_by"), r.getString("version_reason"),
        r.getString("optimization_notes"), jsonObject(r.getValue("content_changes")), r.getInteger("change_count"),
        r.getInteger("content_length"), r.getOffsetDateTime("created_at"), r.getBoolean("is_current"),
        r.getInteger("restored_from_version"));
  }

  private static Comparison comparison(Row r) {
    return new Comparison(r.getInteger("version1"), r.getInteger("version2"), r.getInteger("lines_added"),
        r.getInteger("lines_removed"), r.getInteger("lines_changed"), r.getInteger("size_difference"),
        r.getInteger("content_length_difference"), r.getOffsetDateTime("version1_created_at"),
        r.getOffsetDateTime("version2_created_at"), seedChanges(r.getValue("changes")), null);
  }

  /** The seed's change documents ({@code compare_resume_versions.changes}) use column names. */
  static List<VersionChange> seedChanges(Object jsonb) {
    List<VersionChange> out = new ArrayList<>();
    if (jsonb instanceof JsonArray documents) {
      for (Object item : documents) {
        JsonObject c = (JsonObject) item;
        out.add(new VersionChange(c.getInteger("version_number"), c.getString("section"), c.getString("change_type"),
            c.getString("old_value"), c.getString("new_value"), c.getString("source"),
            Rows.timestamp(c.getValue("created_at"))));
      }
    }
    return out;
  }

  private static JsonObject jsonObject(Object jsonb) {
    return jsonb instanceof JsonObject o ? o : new JsonObject();
  }
}
