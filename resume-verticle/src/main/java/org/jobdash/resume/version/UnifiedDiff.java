package org.jobdash.resume.version;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.Arrays;
import java.util.List;

/** A unified diff of two texts, line by line. CPU-bound on long texts: call on a worker thread. */
final class UnifiedDiff {

  private static final int CONTEXT_LINES = 3;

  private UnifiedDiff() {}

  static String of(String fromName, String from, String toName, String to) {
    List<String> before = lines(from);
    List<String> after = lines(to);
    Patch<String> patch = DiffUtils.diff(before, after);
    return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, before, patch, CONTEXT_LINES));
  }

  private static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(text.replace("\r\n", "\n").split("\n", -1));
  }
}
