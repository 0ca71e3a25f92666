package org.jobdash.resume.export;

import org.jobdash.common.work.Deadline;
import org.jobdash.resume.version.Lines;
import org.jobdash.resume.version.SectionDiff;

import java.util.ArrayList;
import java.util.List;

/**
 * A résumé's text as the blocks every export format draws in one column: the name (its first line), headings (the
 * lines the section diff takes for headings), bullets ({@code -}, {@code *}, {@code •} lines), lines of text, and
 * the gaps between them. Markdown markers are taken off ({@code #}, {@code **}) so that a DOCX or PDF shows the
 * words. Linear in the text; the deadline is checked every few hundred lines.
 */
record Layout(List<Block> blocks) {

  enum Kind { NAME, HEADING, BULLET, LINE, GAP }

  record Block(Kind kind, String text) {}

  private static final int CHECK_EVERY_LINES = 256;

  static Layout of(String text, Deadline deadline) {
    List<Block> blocks = new ArrayList<>();
    List<String> lines = Lines.of(text == null ? "" : text);
    boolean named = false;
    for (int i = 0; i < lines.size(); i++) {
      if (i % CHECK_EVERY_LINES == 0) {
        deadline.check();
      }
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        if (!blocks.isEmpty() && blocks.get(blocks.size() - 1).kind() != Kind.GAP) {
          blocks.add(new Block(Kind.GAP, ""));
        }
        continue;
      }
      String heading = SectionDiff.headingOf(line);
      if (!named) {
        named = true;
        blocks.add(new Block(Kind.NAME, plain(heading != null ? heading : line)));
      } else if (heading != null) {
        blocks.add(new Block(Kind.HEADING, plain(heading.endsWith(":") ? heading.substring(0, heading.length() - 1)
            : heading)));
      } else if (isBullet(line)) {
        blocks.add(new Block(Kind.BULLET, plain(line.substring(2).strip())));
      } else {
        blocks.add(new Block(Kind.LINE, plain(line)));
      }
    }
    while (!blocks.isEmpty() && blocks.get(blocks.size() - 1).kind() == Kind.GAP) {
      blocks.remove(blocks.size() - 1);
    }
    return new Layout(blocks);
  }

  static boolean isBullet(String line) {
    return line.length() > 2 && "-*•·–+".indexOf(line.charAt(0)) >= 0 && line.charAt(1) == ' ';
  }

  /** The words without Markdown emphasis ({@code **}, {@code __}) and without control characters. */
  static String plain(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c == '*' || c == '_') && i + 1 < s.length() && s.charAt(i + 1) == c) {
        i++;
        continue;
      }
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return out.toString().strip();
  }
}
