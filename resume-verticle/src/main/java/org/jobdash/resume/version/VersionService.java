package org.jobdash.resume.version;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.common.work.Deadline;
import org.jobdash.resume.analysis.AnalysisRequests;

import java.util.List;
import java.util.UUID;

/** Version history: listing, reading, comparing and restoring (a restore is a new version; history stays). */
public final class VersionService {

  private final Pool pool;
  private final VersionRepository versions;
  private final BoundedWorker worker;
  private final SectionChanges sectionChanges;
  private final AnalysisRequests analyses;

  public VersionService(Pool pool, VersionRepository versions, BoundedWorker worker, SectionChanges sectionChanges,
                        AnalysisRequests analyses) {
    this.pool = pool;
    this.versions = versions;
    this.worker = worker;
    this.sectionChanges = sectionChanges;
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

  /** The seed's counts plus a unified diff (computed on a worker under {@code deadline}: texts can be long). */
  public Future<Comparison> compare(UUID userId, UUID resumeId, int from, int to, Deadline deadline) {
    return versions.compare(resumeId, userId, from, to).compose(found -> {
      VersionRepository.Compared c = found.orElseThrow(() -> new ApiException.NotFound(
          "No such résumé, or no version " + from + " or " + to));
      return worker.submit(deadline, d -> c.counts().withUnifiedDiff(
          UnifiedDiff.of("version " + from, c.fromContent(), "version " + to, c.toContent(), d)));
    });
  }

  /**
   * Makes version {@code number}'s content the next version (source {@code restore}); returns the new version. The
   * section changes are computed on the worker before the transaction, and again under the lock only if another
   * change got in first.
   */
  public Future<Version> restore(UUID userId, UUID resumeId, int number, Deadline deadline) {
    UUID requestId = UUID.randomUUID();
    return versions.current(pool, resumeId, userId)
        .map(found -> found.orElseThrow(() -> new ApiException.NotFound("No such résumé")))
        .compose(before -> versions.one(resumeId, userId, number).compose(old -> {
          String content = contentOf(old.orElseThrow(() -> noVersion(number)));
          return sectionChanges.plan(before.version(), before.content(), content, deadline)
              .map(planned -> new Planned(content, planned));
        }))
        .compose(plan -> pool.withTransaction(conn -> versions.lockCurrent(conn, resumeId, userId).compose(found -> {
          VersionRepository.Current current = found.orElseThrow(() -> new ApiException.NotFound("No such résumé"));
          return sectionChanges.forLocked(plan.changes(), current.version(), current.content(), plan.content(),
                  deadline)
              .compose(changes -> versions.write(conn, new VersionRepository.NewContent(resumeId, plan.content(),
                  "restore", "Restored from version " + number, null,
                  new JsonObject().put("restored_from_version", number), changes.changes(), requestId)))
              .compose(created -> versions.one(conn, resumeId, userId, created.versionNumber()))
              .map(v -> new Restored(current, v.orElseThrow()));
        })))
        .onSuccess(r -> analyses.send(requestId, resumeId, userId, r.before().title(), r.version().content()))
        .map(Restored::version);
  }

  private static String contentOf(Version version) {
    return version.content() == null ? "" : version.content();
  }

  /** The content to restore and its section changes against the version read before the transaction. */
  private record Planned(String content, SectionChanges.Planned changes) {}

  private record Restored(VersionRepository.Current before, Version version) {}

  private static ApiException noVersion(int number) {
    return new ApiException.NotFound("No such résumé, or no version " + number);
  }
}
