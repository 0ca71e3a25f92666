package org.jobdash.resume.version;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.Patch;
import org.jobdash.common.work.Deadline;

import java.util.List;

/**
 * A unified diff of two texts, line by line. Myers' algorithm in linear space, so two long unrelated texts cost
 * time (bounded by the deadline, which every few thousand line comparisons look at) but not memory (the plain
 * variant keeps a path per diagonal: quadratic). CPU-bound: call on a worker thread.
 */
final class UnifiedDiff {

  private static final int CONTEXT_LINES = 3;
  private static final int CHECK_EVERY_COMPARISONS = 4096;

  private UnifiedDiff() {}

  static String of(String fromName, String from, String toName, String to, Deadline deadline) {
    List<String> before = lines(from);
    List<String> after = lines(to);
    int[] comparisons = {0};
    Patch<String> patch = DiffUtils.diff(before, after, new MyersDiffWithLinearSpace<String>((a, b) -> {
      if (++comparisons[0] % CHECK_EVERY_COMPARISONS == 0) {
        deadline.check();
      }
      return a.equals(b);
    }));
    deadline.check();
    return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, before, changes(patch),
        CONTEXT_LINES));
  }

  /**
   * The linear-space algorithm reports a replaced block as an insertion next to a deletion; as one change, the
   * diff shows the removed lines before the added ones, as diffs do.
   */
  private static Patch<String> changes(Patch<String> patch) {
    List<AbstractDelta<String>> deltas = patch.getDeltas();
    Patch<String> merged = new Patch<>(deltas.size());
    for (int i = 0; i < deltas.size(); i++) {
      AbstractDelta<String> delta = deltas.get(i);
      AbstractDelta<String> next = i + 1 < deltas.size() ? deltas.get(i + 1) : null;
      if (next != null && delta.getType() == DeltaType.INSERT && next.getType() == DeltaType.DELETE
          && delta.getSource().getPosition() == next.getSource().getPosition()) {
        merged.addDelta(new ChangeDelta<>(next.getSource(), delta.getTarget()));
        i++;
      } else if (next != null && delta.getType() == DeltaType.DELETE && next.getType() == DeltaType.INSERT
          && delta.getSource().last() + 1 == next.getSource().getPosition()) {
        merged.addDelta(new ChangeDelta<>(delta.getSource(), next.getTarget()));
        i++;
      } else {
        merged.addDelta(delta);
      }
    }
    return merged;
  }

  private static List<String> lines(String text) {
    return text == null || text.isEmpty() ? List.of() : Lines.of(text);
  }
}
