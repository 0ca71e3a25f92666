package org.jobdash.ai.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Weaker versions of a résumé made by fixed rules, each of which should score below the original:
 * {@code ats} — contact details, dates and standard headings removed and the experience laid out as a table;
 * {@code content} — every bullet opened with "Responsible for" and stripped of its numbers;
 * {@code short} — the name and at most six bullets, nothing else (no contact, dates, headings or education).
 */
final class Weakened {

  static final List<String> KINDS = List.of("ats", "content", "short");

  private static final Map<String, String> ODD_HEADINGS = Map.ofEntries(Map.entry("experience", "Where I've Been"),
      Map.entry("skills", "What I Bring"), Map.entry("education", "Learning"), Map.entry("summary", "Hello"),
      Map.entry("profile", "Hello"));

  private Weakened() {}

  static String of(String kind, String resume) {
    List<String> lines = resume.lines().toList();
    return switch (kind) {
      case "ats" -> ats(lines);
      case "content" -> content(lines);
      case "short" -> shortOne(lines);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static boolean contact(String line) {
    return line.contains("@") || line.chars().filter(Character::isDigit).count() >= 7;
  }

  /** The line without four-digit years, month names, "present" and the dashes between them. */
  static String undated(String line) {
    String out = line.replaceAll("\\b(19|20)\\d{2}\\b", "")
        .replaceAll("(?i)\\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?"
            + "|oct(ober)?|nov(ember)?|dec(ember)?)\\b", "")
        .replaceAll("(?i)\\bpresent\\b", "").replaceAll("\\(\\s*[–-]?\\s*\\)", "")
        .replaceAll("\\s*[–-]\\s*(?=[–-]|\\s*$)", "").replaceAll("\\s+(to|–|-)\\s*$", "");
    return out.replaceAll("[ ,—–-]+$", "").replaceAll("\\s{2,}", " ");
  }

  private static String ats(List<String> lines) {
    List<String> out = new ArrayList<>();
    List<String> row = new ArrayList<>();
    for (String line : lines) {
      if (contact(line)) {
        continue;
      }
      String key = line.strip().toLowerCase().replaceAll("[^a-z ]", "").strip();
      String odd = ODD_HEADINGS.entrySet().stream().filter(e -> key.contains(e.getKey()) && key.split(" ").length <= 3)
          .map(Map.Entry::getValue).findFirst().orElse(null);
      if (odd != null) {
        flush(out, row);
        out.add(odd);
      } else if (line.startsWith("- ")) {
        row.add(undated(line.substring(2)));
      } else {
        flush(out, row);
        out.add(undated(line));
      }
    }
    flush(out, row);
    return String.join("\n", out) + "\n";
  }

  private static void flush(List<String> out, List<String> row) {
    if (!row.isEmpty()) {
      out.add(String.join(" | ", row));
      row.clear();
    }
  }

  private static String content(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("- ")) {
        String[] words = line.substring(2).split(" ", 2);
        String rest = words.length > 1 ? words[1] : words[0];
        rest = rest.replaceAll("[£$€]?\\d[\\d,.]*\\s*(%|x\\b|k\\b|m\\b)?\\+?", "").replaceAll("\\s{2,}", " ").strip();
        out.add("- Responsible for " + rest);
      } else {
        out.add(line);
      }
    }
    return String.join("\n", out) + "\n";
  }

  private static String shortOne(List<String> lines) {
    List<String> out = new ArrayList<>();
    out.add(lines.get(0).replaceAll("\\s*[—|·].*$", ""));
    lines.stream().filter(l -> l.startsWith("- ")).limit(6).map(Weakened::undated).forEach(out::add);
    return String.join("\n", out) + "\n";
  }
}
