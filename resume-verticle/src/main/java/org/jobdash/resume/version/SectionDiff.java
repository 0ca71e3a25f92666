package org.jobdash.resume.version;

import org.jobdash.common.work.Deadline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which sections of a résumé a content change touched. Sections start at heading lines (Markdown {@code #}
 * headings, short upper-case lines such as {@code WORK EXPERIENCE}, or short lines ending in a colon); the text
 * before the first heading is the {@code header} section; a text without headings is one {@code content} section.
 * Plain code, linear in the length of the texts: no pattern runs over them, and a line is a heading candidate only
 * when it is short. CPU-bound on long texts: call on a worker thread, under a deadline.
 */
public final class SectionDiff {

  /** No heading is longer; longer lines are body text whatever they start with. */
  static final int MAX_HEADING_LINE = 200;
  private static final int MAX_MARKDOWN_LEVEL = 6;
  private static final int MAX_CAPS_HEADING = 50;
  private static final int MIN_COLON_NAME = 2;
  private static final int MAX_COLON_NAME = 49;
  /** {@code resume_version_changes.section} holds 100 characters; a numbered duplicate adds a few. */
  private static final int MAX_NAME = 90;
  /**
   * A text with more sections than this is compared as one whole: a résumé has a few dozen at most, and a change
   * record per line of a text made of headings would only fill the table.
   */
  static final int MAX_SECTIONS = 100;
  private static final int CHECK_EVERY_LINES = 256;

  private SectionDiff() {}

  /** The changes from {@code before} to {@code after}, in the order the sections appear (removed ones last). */
  public static List<SectionChange> between(String before, String after, Deadline deadline) {
    String oldText = normalised(before);
    String newText = normalised(after);
    Map<String, Section> old = sections(oldText, deadline);
    Map<String, Section> now = sections(newText, deadline);
    List<SectionChange> changes = new ArrayList<>();
    if (old != null && now != null) {
      for (var entry : now.entrySet()) {
        Section previous = old.get(entry.getKey());
        Section current = entry.getValue();
        if (previous == null) {
          changes.add(new SectionChange(current.name(), SectionChange.ADDED, null, current.text()));
        } else if (!previous.text().equals(current.text())) {
          changes.add(new SectionChange(current.name(), SectionChange.MODIFIED, previous.text(), current.text()));
        }
      }
      for (var entry : old.entrySet()) {
        if (!now.containsKey(entry.getKey())) {
          changes.add(new SectionChange(entry.getValue().name(), SectionChange.REMOVED, entry.getValue().text(), null));
        }
      }
    }
    if (changes.isEmpty() && !oldText.equals(newText)) {
      // the same sections with the same texts in another order, or too many sections to tell apart
      changes.add(new SectionChange("content", SectionChange.MODIFIED, before, after));
    }
    return changes;
  }

  private record Section(String name, String text) {}

  /** The sections by lower-case name, in order; null when there are more than {@link #MAX_SECTIONS}. */
  private static Map<String, Section> sections(String text, Deadline deadline) {
    Sections out = new Sections();
    String name = null;
    StringBuilder body = new StringBuilder();
    List<String> lines = Lines.of(text);
    for (int i = 0; i < lines.size(); i++) {
      if (i % CHECK_EVERY_LINES == 0) {
        deadline.check();
      }
      String line = lines.get(i);
      String heading = headingOf(line);
      if (heading != null) {
        out.add(name == null ? "header" : name, body);
        if (out.size() > MAX_SECTIONS) {
          return null;
        }
        name = heading;
        body.setLength(0);
      }
      body.append(line).append('\n');
    }
    out.add(name == null ? "content" : name, body);
    return out.size() > MAX_SECTIONS ? null : out.sections;
  }

  /** Sections by key; a repeated name is numbered ("Skills (2)"), each name's next number kept, so linear. */
  private static final class Sections {
    final Map<String, Section> sections = new LinkedHashMap<>();
    private final Map<String, Integer> nextNumber = new HashMap<>();

    void add(String name, StringBuilder body) {
      String text = body.toString().strip();
      if (text.isEmpty()) {
        return;
      }
      String shortName = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
      String base = shortName.toLowerCase(Locale.ROOT);
      if (!sections.containsKey(base)) {
        sections.put(base, new Section(shortName, text));
        return;
      }
      int n = nextNumber.getOrDefault(base, 2);
      while (sections.containsKey(base + " (" + n + ")")) {
        n++;
      }
      nextNumber.put(base, n + 1);
      sections.put(base + " (" + n + ")", new Section(shortName + " (" + n + ")", text));
    }

    int size() {
      return sections.size();
    }
  }

  /** The section name the line starts, or null when it is not a heading. */
  public static String headingOf(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.length() > MAX_HEADING_LINE) {
      return null;
    }
    String markdown = markdownHeading(s);
    if (markdown != null) {
      return markdown;
    }
    String colon = colonHeading(s);
    if (colon != null) {
      return colon;
    }
    return isCapsHeading(s) ? s : null;
  }

  /** {@code ## Experience ##}: one to six {@code #}, whitespace, the name, optionally a closing run of {@code #}. */
  private static String markdownHeading(String s) {
    int level = 0;
    while (level < s.length() && s.charAt(level) == '#') {
      level++;
    }
    if (level == 0 || level > MAX_MARKDOWN_LEVEL || level == s.length()
        || !Character.isWhitespace(s.charAt(level))) {
      return null;
    }
    String name = s.substring(level).strip();
    int closing = name.length();
    while (closing > 0 && name.charAt(closing - 1) == '#') {
      closing--;
    }
    // a closing run counts only after whitespace: "# C#" is the heading "C#"
    if (closing == 0 || Character.isWhitespace(name.charAt(closing - 1))) {
      name = name.substring(0, closing).strip();
    }
    return name.isEmpty() ? null : name;
  }

  /** {@code Work experience:}: a letter, then 1 to 48 letters or {@code &/ ,'-}, then a colon that ends the line. */
  private static String colonHeading(String s) {
    if (s.charAt(s.length() - 1) != ':') {
      return null;
    }
    String name = s.substring(0, s.length() - 1);
    int length = name.codePointCount(0, name.length());
    if (length < MIN_COLON_NAME || length > MAX_COLON_NAME || !Character.isLetter(name.codePointAt(0))) {
      return null;
    }
    boolean allowed = name.codePoints().allMatch(c -> Character.isLetter(c) || "&/ ,'-".indexOf(c) >= 0);
    return allowed ? name.strip() : null;
  }

  /** {@code WORK EXPERIENCE}: short, at least three letters, nothing but capitals and {@code &/-,} or spaces. */
  private static boolean isCapsHeading(String s) {
    return s.length() <= MAX_CAPS_HEADING
        && s.chars().filter(Character::isLetter).count() >= 3
        && s.chars().allMatch(c -> Character.isUpperCase(c) || " &/-,".indexOf(c) >= 0);
  }

  private static String normalised(String text) {
    return text == null ? "" : text.replace("\r\n", "\n").strip();
  }
}
