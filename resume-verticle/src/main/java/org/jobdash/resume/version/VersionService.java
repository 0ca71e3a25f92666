package org.jobdash.resume.version;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.resume.analysis.AnalysisRequests;

import java.util.List;
import java.util.UUID;

/** Version history: listing, reading, comparing and restoring (a restore is a new version; history stays). */
public final class VersionService {

  private final Pool pool;
  private final VersionRepository versions;
  private final VersionWriter writer;
  private final BoundedWorker worker;
  private final AnalysisRequests analyses;

  public VersionService(Pool pool, VersionRepository versions, VersionWriter writer, BoundedWorker worker,
                        AnalysisRequests analyses) {
    this.pool = pool;
    this.versions = versions;
    this.writer = writer;
    this.worker = worker;
    this.analyses = analyses;
  }

  public Future<List<VersionSummary>> history(UUID userId, UUID resumeId) {
    return versions.history(resumeId, userId).compose(list -> list.isEmpty()
        ? Future.failedFuture(new ApiException.NotFound("No such résumé"))
        : Future.succeededFuture(list));
  }

  public Future<Version> get(UUID userId, UUID resumeId, int number) {
    return versions.one(resumeId, userId, number).map(found -> found.orElseThrow(() -> noVersion(number)));
  }

  /** The seed's counts plus a unified diff (computed on a worker: texts can be long). */
  public Future<Comparison> compare(UUID userId, UUID resumeId, int from, int to) {
    return versions.compare(resumeId, userId, from, to).compose(found -> {
      VersionRepository.Compared c = found.orElseThrow(() -> new ApiException.NotFound(
          "No such résumé, or no version " + from + " or " + to));
      return worker.submit(() -> c.counts().withUnifiedDiff(
          UnifiedDiff.of("version " + from, c.fromContent(), "version " + to, c.toContent())));
    });
  }

  /** Makes version {@code number}'s content the next version (source {@code restore}); returns the new version. */
  public Future<Version> restore(UUID userId, UUID resumeId, int number) {
    UUID requestId = UUID.randomUUID();
    return pool.withTransaction(conn -> writer.lock(conn, resumeId, userId).compose(found -> {
          VersionWriter.Current current = found.orElseThrow(() -> new ApiException.NotFound("No such résumé"));
          return versions.one(conn, resumeId, userId, number).compose(old -> {
            Version source = old.orElseThrow(() -> noVersion(number));
            String content = source.content() == null ? "" : source.content();
            return writer.write(conn, new VersionWriter.NewContent(resumeId, content, "restore",
                    "Restored from version " + number, null, new JsonObject().put("restored_from_version", number),
                    SectionDiff.between(current.content(), content), requestId))
                .compose(created -> versions.one(conn, resumeId, userId, created.versionNumber()))
                .map(v -> new Restored(current, v.orElseThrow()));
          });
        }))
        .onSuccess(r -> analyses.send(requestId, resumeId, userId, r.before().title(), r.version().content()))
        .map(Restored::version);
  }

  private record Restored(VersionWriter.Current before, Version version) {}

  private static ApiException noVersion(int number) {
    return new ApiException.NotFound("No such résumé, or no version " + number);
  }
}
