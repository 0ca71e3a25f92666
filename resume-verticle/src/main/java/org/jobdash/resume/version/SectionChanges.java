package org.jobdash.resume.version;

import io.vertx.core.Future;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.common.work.Deadline;

import java.util.List;

/**
 * Section changes of a new content, computed on the files worker under a deadline, never on an event loop. They are
 * computed before the transaction against the version read then; the transaction uses them when the locked résumé
 * is still that version, and computes them again (on the worker, holding the lock) only when another change got in
 * first.
 */
public final class SectionChanges {

  /** The changes from the text of {@code baseVersion} to the new content; {@code identical} when there are none. */
  public record Planned(int baseVersion, boolean identical, List<SectionChange> changes) {}

  private final BoundedWorker worker;

  public SectionChanges(BoundedWorker worker) {
    this.worker = worker;
  }

  /** The changes from {@code before} (the text of {@code baseVersion}) to {@code after}. */
  public Future<Planned> plan(int baseVersion, String before, String after, Deadline deadline) {
    return worker.submit(deadline, d -> compute(baseVersion, before, after, d));
  }

  /**
   * The changes against the résumé as locked now ({@code lockedVersion} with {@code lockedContent}): {@code planned}
   * when nothing changed since it was computed, else computed again.
   */
  public Future<Planned> forLocked(Planned planned, int lockedVersion, String lockedContent, String after,
                                   Deadline deadline) {
    return planned.baseVersion() == lockedVersion
        ? Future.succeededFuture(planned)
        : plan(lockedVersion, lockedContent, after, deadline);
  }

  private static Planned compute(int baseVersion, String before, String after, Deadline deadline) {
    if (after.equals(before)) {
      return new Planned(baseVersion, true, List.of());
    }
    return new Planned(baseVersion, false, SectionDiff.between(before, after, deadline));
  }
}
