package org.jobdash.ai.skills;

import org.jobdash.ai.text.Lines;
import org.jobdash.ai.text.Words;

import java.util.ArrayList;
import java.util.List;

/**
 * The items of a list line ("Languages: TypeScript, HTML, CSS (Sass)"; "BLS; ACLS · CCRN"): cut at commas,
 * semicolons, middle dots, bullets and pipes, after a leading label of up to three words and a colon; a list in
 * brackets gives items too, a bracketed remark ("tanks and packages") none. Plain code, one pass.
 */
final class ListItems {

  private static final String SEPARATORS = ",;·•|";

  private ListItems() {}

  /** Each item's [start, end) in the line. */
  static List<int[]> of(String line) {
    int from = Words.skipSpaces(line, 0);
    int marker = Lines.markerEnd(line, from, false);
    if (marker >= 0) {
      from = marker;
    }
    int colon = line.indexOf(':', from);
    if (colon > 0 && Words.count(line.substring(from, colon).strip()) <= 3) {
      from = colon + 1;
    }
    List<int[]> items = new ArrayList<>();
    int start = from;
    for (int i = from; i <= line.length(); i++) {
      char c = i < line.length() ? line.charAt(i) : ',';
      if (c == '(') {
        add(items, line, start, i);
        int close = line.indexOf(')', i);
        int end = close < 0 ? line.length() : close;
        if (hasSeparator(line, i + 1, end)) {
          start = i + 1;
          for (int j = i + 1; j <= end; j++) {
            if (j == end || SEPARATORS.indexOf(line.charAt(j)) >= 0) {
              add(items, line, start, j);
              start = j + 1;
            }
          }
        }
        i = end;
        start = end + 1;
      } else if (SEPARATORS.indexOf(c) >= 0) {
        add(items, line, start, i);
        start = i + 1;
      }
    }
    return items;
  }

  private static boolean hasSeparator(String line, int from, int to) {
    for (int i = from; i < to; i++) {
      if (SEPARATORS.indexOf(line.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static void add(List<int[]> items, String line, int start, int end) {
    int s = start;
    int e = end;
    while (s < e && (Words.isSpace(line.charAt(s)) || line.charAt(s) == ':')) {
      s++;
    }
    while (e > s && (Words.isSpace(line.charAt(e - 1)) || ".:".indexOf(line.charAt(e - 1)) >= 0)) {
      e--;
    }
    if (e > s) {
      items.add(new int[] {s, e});
    }
  }

  /** An item as a skill name: spaces collapsed, a leading "and"/"or" dropped. */
  static String clean(String item) {
    String s = Words.collapseSpaces(item).strip();
    for (String lead : List.of("and ", "or ", "& ")) {
      if (s.regionMatches(true, 0, lead, 0, lead.length())) {
        s = s.substring(lead.length()).strip();
      }
    }
    return s;
  }
}
