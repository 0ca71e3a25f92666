package org.jobdash.resume.export;

import org.jobdash.common.work.Deadline;

/** Markdown: the name as {@code #}, headings as {@code ##}, bullets as {@code -}, lines kept apart by hard breaks. */
final class MarkdownExport {

  private MarkdownExport() {}

  static String render(Layout layout, Deadline deadline) {
    StringBuilder out = new StringBuilder();
    Layout.Kind previous = null;
    for (Layout.Block b : layout.blocks()) {
      switch (b.kind()) {
        case NAME -> out.append("# ").append(escape(b.text())).append("\n\n");
        case HEADING -> {
          if (previous != null && previous != Layout.Kind.GAP && previous != Layout.Kind.NAME) {
            out.append('\n');
          }
          out.append("## ").append(escape(b.text())).append("\n\n");
        }
        case BULLET -> out.append("- ").append(escape(b.text())).append('\n');
        case LINE -> {
          if (previous == Layout.Kind.LINE) {
            // the line before ends with a hard break, so that a renderer keeps the lines apart
            out.insert(out.length() - 1, "  ");
          } else if (previous == Layout.Kind.BULLET) {
            out.append('\n');
          }
          out.append(escape(b.text())).append('\n');
        }
        case GAP -> {
          if (previous != Layout.Kind.HEADING && previous != Layout.Kind.NAME) {
            out.append('\n');
          }
        }
      }
      previous = b.kind();
    }
    deadline.check();
    return out.toString().strip() + "\n";
  }

  /** Characters that would start Markdown structure or emphasis are escaped; the words stay as they are. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\`*_[]<>#|".indexOf(c) >= 0 || (i == 0 && "-+>=".indexOf(c) >= 0)) {
        out.append('\\');
      }
      out.append(c);
    }
    // "1. Title" at the start of a line would become a numbered list
    int dot = 0;
    while (dot < out.length() && Character.isDigit(out.charAt(dot))) {
      dot++;
    }
    if (dot > 0 && dot < out.length() && (out.charAt(dot) == '.' || out.charAt(dot) == ')')) {
      out.insert(dot, '\\');
    }
    return out.toString();
  }
}
