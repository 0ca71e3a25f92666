package org.jobdash.resume.version;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which sections of a résumé a content change touched. Sections start at heading lines (Markdown {@code #}
 * headings, short upper-case lines such as {@code WORK EXPERIENCE}, or short lines ending in a colon); the text
 * before the first heading is the {@code header} section; a text without headings is one {@code content} section.
 */
public final class SectionDiff {

  private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
  private static final Pattern COLON_HEADING = Pattern.compile("^([\\p{L}][\\p{L}&/ ,'-]{1,48}):\\s*$");
  private static final int MAX_CAPS_HEADING = 50;
  /** {@code resume_version_changes.section} holds 100 characters; a numbered duplicate adds a few. */
  private static final int MAX_NAME = 90;

  private SectionDiff() {}

  /** The changes from {@code before} to {@code after}, in the order the sections appear (removed ones last). */
  public static List<SectionChange> between(String before, String after) {
    Map<String, Section> old = sections(before == null ? "" : before);
    Map<String, Section> now = sections(after == null ? "" : after);
    List<SectionChange> changes = new ArrayList<>();
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
    if (changes.isEmpty() && !normalised(before).equals(normalised(after))) {
      // the same sections with the same texts in another order
      changes.add(new SectionChange("content", SectionChange.MODIFIED, before, after));
    }
    return changes;
  }

  private record Section(String name, String text) {}

  private static Map<String, Section> sections(String text) {
    Map<String, Section> out = new LinkedHashMap<>();
    String[] lines = normalised(text).split("\n", -1);
    String name = null;
    StringBuilder body = new StringBuilder();
    boolean anyHeading = false;
    for (String line : lines) {
      String heading = headingOf(line);
      if (heading != null) {
        add(out, name == null ? "header" : name, body);
        name = heading;
        anyHeading = true;
        body.setLength(0);
      }
      body.append(line).append('\n');
    }
    add(out, name == null ? (anyHeading ? "header" : "content") : name, body);
    return out;
  }

  private static void add(Map<String, Section> out, String name, StringBuilder body) {
    String text = body.toString().strip();
    if (text.isEmpty()) {
      return;
    }
    String shortName = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    String base = shortName.toLowerCase(Locale.ROOT);
    String key = base;
    String display = shortName;
    for (int i = 2; out.containsKey(key); i++) {
      key = base + " (" + i + ")";
      display = shortName + " (" + i + ")";
    }
    out.put(key, new Section(display, text));
  }

  private static String headingOf(String line) {
    String s = line.strip();
    if (s.isEmpty()) {
      return null;
    }
    Matcher md = MARKDOWN_HEADING.matcher(s);
    if (md.matches()) {
      return md.group(1);
    }
    Matcher colon = COLON_HEADING.matcher(s);
    if (colon.matches()) {
      return colon.group(1).strip();
    }
    boolean capsHeading = s.length() <= MAX_CAPS_HEADING
        && s.chars().filter(Character::isLetter).count() >= 3
        && s.chars().allMatch(c -> Character.isUpperCase(c) || " &/-,".indexOf(c) >= 0);
    return capsHeading ? s : null;
  }

  private static String normalised(String text) {
    return text == null ? "" : text.replace("\r\n", "\n").strip();
  }
}
