package org.jobdash.resume.document;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.jobdash.common.db.KeysetCursor;
import org.jobdash.common.db.Page;
import org.jobdash.common.db.Rows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code resumes}; every statement names the owner, so another user's résumé is never read or written. */
public final class ResumeRepository {

  /** Every column but the content. */
  private static final String SUMMARY_COLUMNS = "id, user_id, title, original_filename, storage_provider, "
      + "storage_key, file_size, mime_type, checksum_sha256, content_source, processing_status, processing_error, "
      + "analysis_requested_at, analysis_attempts, analysis_completed_at, quality_score, ats_score, skills, "
      + "current_version, created_at, updated_at";

  private static final String COLUMNS = SUMMARY_COLUMNS + ", content";

  private static final String INSERT = """
      INSERT INTO resumes (user_id, title, original_filename, storage_provider, storage_key, storage_url, file_size,
                           mime_type, checksum_sha256, content, content_source, processing_status,
                           analysis_requested_at, analysis_attempts, ai_analysis)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending', now(), 1, jsonb_build_object('requestId', $12::text))
      RETURNING\s""" + COLUMNS;

  private static final String FIND = "SELECT " + COLUMNS + " FROM resumes WHERE id = $1 AND user_id = $2";

  private static final String LOCK = FIND + " FOR UPDATE";

  private static final String LIST = "SELECT " + SUMMARY_COLUMNS + """
       FROM resumes
      WHERE user_id = $1
        AND ($2::text IS NULL OR processing_status = $2)
        AND ($3::text IS NULL OR lower(title) LIKE '%' || $3 || '%' ESCAPE '\\')
        AND ($4::timestamptz IS NULL OR (created_at, id) < ($4, $5::uuid))
      ORDER BY created_at DESC, id DESC
      LIMIT $6""";

  private static final String SET_TITLE = "UPDATE resumes SET title = $3 WHERE id = $1 AND user_id = $2";

  private static final String DELETE = """
      DELETE FROM resumes WHERE id = $1 AND user_id = $2 RETURNING storage_provider, storage_key""";

  private static final String PURGE_FEEDBACK = "DELETE FROM optimization_feedback WHERE user_id = $1";
  private static final String PURGE_ANALYSES = "DELETE FROM resume_analyses WHERE user_id = $1";
  private static final String PURGE_OPTIMIZATIONS = "DELETE FROM resume_optimizations WHERE user_id = $1";
  private static final String PURGE_RESUMES = "DELETE FROM resumes WHERE user_id = $1 RETURNING storage_provider, storage_key";

  /** A résumé to insert; {@code analysisRequestId} identifies the analysis requested for it. */
  public record NewResume(UUID userId, String title, String originalFilename, String storageProvider, String storageKey,
                          String storageUrl, Integer fileSize, String mimeType, String checksumSha256, String content,
                          String contentSource, UUID analysisRequestId) {}

  /** A stored file that a deleted row pointed to. */
  public record StoredObject(String provider, String key) {}

  private final Pool pool;

  public ResumeRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts the row; the seed's trigger makes version 1 of it in the same statement. */
  public Future<Resume> insert(NewResume r) {
    return insert(pool, r);
  }

  public Future<Resume> insert(SqlClient client, NewResume r) {
    return client.preparedQuery(INSERT).execute(Tuple.from(new Object[] {r.userId(), r.title(), r.originalFilename(),
            r.storageProvider(), r.storageKey(), r.storageUrl(), r.fileSize(), r.mimeType(), r.checksumSha256(),
            r.content(), r.contentSource(), r.analysisRequestId().toString()}))
        .map(rows -> resume(rows.iterator().next()));
  }

  public Future<Optional<Resume>> find(UUID id, UUID userId) {
    return find(pool, id, userId);
  }

  public Future<Optional<Resume>> find(SqlClient client, UUID id, UUID userId) {
    return client.preparedQuery(FIND).execute(Tuple.of(id, userId)).map(ResumeRepository::first);
  }

  /** The résumé, row-locked until the caller's transaction ends (serialises concurrent content changes). */
  public Future<Optional<Resume>> lock(SqlClient conn, UUID id, UUID userId) {
    return conn.preparedQuery(LOCK).execute(Tuple.of(id, userId)).map(ResumeRepository::first);
  }

  /**
   * One page of the user's résumés (without their content), newest first.
   *
   * @param status null for any
   * @param titleContains null for any; matched case-insensitively, {@code %} and {@code _} taken literally
   * @param after null for the first page
   */
  public Future<Page<Resume>> list(UUID userId, String status, String titleContains, KeysetCursor after, int limit) {
    return pool.preparedQuery(LIST).execute(Tuple.from(new Object[] {userId, status, containsPattern(titleContains),
            after == null ? null : after.createdAt(), after == null ? null : after.id(), limit + 1}))
        .map(rows -> {
          List<Resume> out = new ArrayList<>(rows.size());
          rows.forEach(row -> out.add(resume(row)));
          return Page.of(out, limit, r -> new KeysetCursor(r.createdAt(), r.id()));
        });
  }

  /** The {@code LIKE} operand (a backslash escapes) for titles containing {@code text}, compared lower-cased. */
  static String containsPattern(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT)
        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  public Future<Void> setTitle(SqlClient conn, UUID id, UUID userId, String title) {
    return conn.preparedQuery(SET_TITLE).execute(Tuple.of(id, userId, title)).mapEmpty();
  }

  /** Deletes the résumé (its versions, changes, analyses and optimisations cascade); empty when there was none. */
  public Future<Optional<StoredObject>> delete(UUID id, UUID userId) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, userId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new StoredObject(row.getString("storage_provider"), row.getString("storage_key")));
    });
  }

  /** Deletes every row of the user in one transaction; returns the stored files the résumés pointed to. */
  public Future<List<StoredObject>> purgeUser(UUID userId) {
    Tuple id = Tuple.of(userId);
    return pool.withTransaction(conn -> conn.preparedQuery(PURGE_FEEDBACK).execute(id)
        .compose(v -> conn.preparedQuery(PURGE_ANALYSES).execute(id))
        .compose(v -> conn.preparedQuery(PURGE_OPTIMIZATIONS).execute(id))
        .compose(v -> conn.preparedQuery(PURGE_RESUMES).execute(id))
        .map(rows -> {
          List<StoredObject> files = new ArrayList<>();
          for (Row row : rows) {
            if (row.getString("storage_key") != null) {
              files.add(new StoredObject(row.getString("storage_provider"), row.getString("storage_key")));
            }
          }
          return files;
        }));
  }

  private static Optional<Resume> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(resume(rows.iterator().next()));
  }

  private static Resume resume(Row r) {
    return new Resume(r.getUUID("id"), r.getUUID("user_id"), r.getString("title"), r.getString("original_filename"),
        r.getString("storage_provider"), r.getString("storage_key"), r.getInteger("file_size"), r.getString("mime_type"),
        r.getString("checksum_sha256"), r.getString("content_source"), r.getString("processing_status"),
        r.getString("processing_error"), r.getOffsetDateTime("analysis_requested_at"), r.getInteger("analysis_attempts"),
        r.getOffsetDateTime("analysis_completed_at"), Rows.number(r, "quality_score"), Rows.number(r, "ats_score"),
        r.getValue("skills") instanceof JsonArray a ? a : new JsonArray(), r.getInteger("current_version"),
        r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"),
        r.getColumnIndex("content") >= 0 ? r.getString("content") : null);
  }
}
