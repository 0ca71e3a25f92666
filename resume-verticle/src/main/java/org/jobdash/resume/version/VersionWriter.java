package org.jobdash.resume.version;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes a new content the résumé's next version, inside the caller's transaction (which must hold the résumé's
 * row lock): updates {@code resumes.content}, numbers and snapshots the version with the seed's
 * {@code create_resume_version}, records its changes, and asks for a fresh analysis of the new text.
 */
public final class VersionWriter {

  private static final String CURRENT =
      "SELECT id, user_id, title, content, current_version FROM resumes WHERE id = $1 AND user_id = $2";

  private static final String LOCK = CURRENT + " FOR UPDATE";

  private static final String SET_CONTENT = """
      UPDATE resumes
      SET content = $2, processing_status = 'pending', processing_error = NULL, analysis_requested_at = now(),
          analysis_attempts = 1, ai_analysis = coalesce(ai_analysis, '{}'::jsonb) || jsonb_build_object('requestId', $3::text)
      WHERE id = $1""";

  private static final String CREATE_VERSION =
      "SELECT create_resume_version($1, NULL, NULL, NULL, NULL, $2, $3, $4, $5) AS version_id";

  private static final String VERSION_NUMBER = "SELECT version_number FROM resume_versions WHERE id = $1";

  private static final String INSERT_CHANGES = """
      INSERT INTO resume_version_changes (version_id, resume_id, section, change_type, old_value, new_value, source)
      SELECT $1, $2, c.section, c.change_type, c.old_value, c.new_value, $7
      FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS c(section, change_type, old_value, new_value)""";

  /**
   * @param source            {@code user}, {@code ai} or {@code restore}: the version's {@code created_by} and its
   *                          changes' {@code source}
   * @param contentChanges    the version's {@code content_changes} document
   * @param analysisRequestId the id under which the new text's analysis is requested once the transaction commits
   */
  public record NewContent(UUID resumeId, String content, String source, String reason, String notes,
                           JsonObject contentChanges, List<SectionChange> changes, UUID analysisRequestId) {}

  public record CreatedVersion(UUID versionId, int versionNumber) {}

  /** The résumé's text and the version it is. */
  public record Current(UUID id, UUID userId, String title, String content, int version) {}

  /** The owner's résumé as it is now, without a lock: what changes are computed against before the transaction. */
  public Future<Optional<Current>> read(SqlClient client, UUID resumeId, UUID userId) {
    return client.preparedQuery(CURRENT).execute(Tuple.of(resumeId, userId)).map(VersionWriter::current);
  }

  /** Locks the owner's résumé until the transaction ends; empty when there is no such résumé of theirs. */
  public Future<Optional<Current>> lock(SqlConnection conn, UUID resumeId, UUID userId) {
    return conn.preparedQuery(LOCK).execute(Tuple.of(resumeId, userId)).map(VersionWriter::current);
  }

  private static Optional<Current> current(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row r = rows.iterator().next();
    return Optional.of(new Current(r.getUUID("id"), r.getUUID("user_id"), r.getString("title"), r.getString("content"),
        r.getInteger("current_version")));
  }

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
}
