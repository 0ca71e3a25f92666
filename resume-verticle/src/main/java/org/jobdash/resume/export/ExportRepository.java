package org.jobdash.resume.export;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/** The text of one version of the owner's résumé (the current one unless a number is given), for an export. */
public final class ExportRepository {

  private static final String VERSION = """
      SELECT r.title, r.current_version, v.version_number, v.content, v.json_resume
      FROM resumes r
      LEFT JOIN resume_versions v ON v.resume_id = r.id AND v.version_number = coalesce($3, r.current_version)
      WHERE r.id = $1 AND r.user_id = $2""";

  /** One version to export; {@code versionNumber} is null when the résumé has no such version. */
  public record Source(String title, Integer versionNumber, String content, JsonObject jsonResume) {}

  private final Pool pool;

  public ExportRepository(Pool pool) {
    this.pool = pool;
  }

  /** Empty when the résumé is not the user's. */
  public Future<Optional<Source>> version(UUID resumeId, UUID userId, Integer number) {
    return pool.preparedQuery(VERSION).execute(Tuple.of(resumeId, userId, number)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Source(row.getString("title"), row.getInteger("version_number"), row.getString("content"),
          row.getValue("json_resume") instanceof JsonObject j ? j : null));
    });
  }
}
