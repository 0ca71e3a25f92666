package org.jobdash.resume.jsonresume;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.work.Deadline;
import org.jobdash.resume.jsonresume.JsonResumeText.Section;
import org.jobdash.resume.version.Lines;
import org.jobdash.resume.version.SectionDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON Resume document read from a résumé's text, as well as the text allows: the lines before the first heading
 * give the name, label, contact details and profiles; headings are matched to the schema's sections by their usual
 * names ({@code Experience}, {@code Employment}, {@code Qualifications} …); inside a section, blank lines separate
 * entries, a {@code Title — Organisation} line names one, a line of dates (ISO, {@code Mar 2019}, {@code 2019})
 * dates it, {@code - } bullets are its highlights (courses for education), other lines its summary. What
 * {@link JsonResumeText} writes reads back into the same fields, except those it merges (a work entry's
 * description joins its summary). Plain code, no patterns; linear in the text, the deadline checked per line.
 */
public final class TextJsonResume {

  private static final int CHECK_EVERY_LINES = 256;
  private static final Map<String, String> MONTHS = Map.ofEntries(Map.entry("jan", "01"), Map.entry("feb", "02"),
      Map.entry("mar", "03"), Map.entry("apr", "04"), Map.entry("may", "05"), Map.entry("jun", "06"),
      Map.entry("jul", "07"), Map.entry("aug", "08"), Map.entry("sep", "09"), Map.entry("oct", "10"),
      Map.entry("nov", "11"), Map.entry("dec", "12"));

  private TextJsonResume() {}

  /** A section heading's usual names, lower-cased, to the schema's key ({@code summary} for basics.summary). */
  static String sectionOf(String heading) {
    String h = heading.toLowerCase(Locale.ROOT).replace('&', ' ').strip();
    for (Section s : Section.values()) {
      if (h.equals(s.heading.toLowerCase(Locale.ROOT))) {
        return s.key;
      }
    }
    return switch (h) {
      case "summary", "profile", "about", "about me", "objective", "career objective", "professional summary",
           "personal statement", "professional profile", "career summary" -> "summary";
      case "experience", "work", "employment", "employment history", "work history", "professional experience",
           "career history", "relevant experience" -> "work";
      case "volunteer", "volunteering", "voluntary work", "volunteer work", "community service" -> "volunteer";
      case "education", "qualifications", "academic background", "education and training", "training" -> "education";
      case "projects", "personal projects", "selected projects", "key projects" -> "projects";
      case "awards", "honours", "honors", "achievements", "awards and honours", "awards and honors" -> "awards";
      case "certificates", "certifications", "licences", "licenses", "licences and certifications",
           "licenses and certifications", "certifications and licenses" -> "certificates";
      case "publications", "papers" -> "publications";
      case "skills", "key skills", "core skills", "technical skills", "core competencies", "competencies",
           "skills and abilities" -> "skills";
      case "languages", "language skills" -> "languages";
      case "interests", "hobbies", "hobbies and interests", "interests and hobbies" -> "interests";
      case "references", "referees" -> "references";
      default -> null;
    };
  }

  public static JsonObject parse(String text, Deadline deadline) {
    List<String> lines = Lines.of(text == null ? "" : text);
    JsonObject basics = new JsonObject();
    JsonObject resume = new JsonObject();
    List<String> header = new ArrayList<>();
    String section = null;
    boolean sawHeading = false;
    List<List<String>> entries = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (int i = 0; i <= lines.size(); i++) {
      if (i % CHECK_EVERY_LINES == 0) {
        deadline.check();
      }
      String line = i < lines.size() ? lines.get(i).strip() : null;
      String heading = line == null ? null : SectionDiff.headingOf(line);
      if (line == null || heading != null) {
        if (!current.isEmpty()) {
          entries.add(current);
        }
        if (!sawHeading) {
          header.addAll(entries.stream().flatMap(List::stream).toList());
        } else if (section != null) {
          addSection(resume, basics, section, entries);
        }
        entries = new ArrayList<>();
        current = new ArrayList<>();
        if (heading != null) {
          sawHeading = true;
          section = sectionOf(trimColon(heading));
        }
        continue;
      }
      if (line.isEmpty()) {
        if (!current.isEmpty()) {
          entries.add(current);
          current = new ArrayList<>();
        }
      } else {
        current.add(line);
      }
    }
    header(basics, header);
    JsonObject out = new JsonObject();
    if (!basics.isEmpty()) {
      out.put("basics", basics);
    }
    resume.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static String trimColon(String heading) {
    return heading.endsWith(":") ? heading.substring(0, heading.length() - 1) : heading;
  }

  private static void header(JsonObject basics, List<String> lines) {
    int i = 0;
    if (i < lines.size() && !isContactLine(lines.get(i))) {
      basics.put("name", lines.get(i++));
    }
    if (i < lines.size() && !isContactLine(lines.get(i)) && !isProfileLine(lines.get(i))) {
      basics.put("label", lines.get(i++));
    }
    JsonArray profiles = new JsonArray();
    for (; i < lines.size(); i++) {
      String line = lines.get(i);
      if (isProfileLine(line)) {
        profiles.add(profile(line));
        continue;
      }
      for (String part : parts(line)) {
        if (isEmail(part) && !basics.containsKey("email")) {
          basics.put("email", part);
        } else if (isUrl(part) && !basics.containsKey("url")) {
          basics.put("url", part);
        } else if (isPhone(part) && !basics.containsKey("phone")) {
          basics.put("phone", part);
        } else if (!basics.containsKey("location")) {
          basics.put("location", location(part));
        }
      }
    }
    if (!profiles.isEmpty()) {
      basics.put("profiles", profiles);
    }
  }

  /** {@code GitHub: ada (https://github.com/ada)}, {@code LinkedIn: ada}, or a bare profile URL after the contacts. */
  private static boolean isProfileLine(String line) {
    int colon = line.indexOf(": ");
    return colon > 0 && colon <= 30 && line.indexOf(SEP_CHAR) < 0 && !line.substring(0, colon).contains(" ")
        && !isEmail(line.substring(colon + 2).strip());
  }

  private static final char SEP_CHAR = '|';

  private static JsonObject profile(String line) {
    int colon = line.indexOf(": ");
    JsonObject p = new JsonObject().put("network", line.substring(0, colon).strip());
    String rest = line.substring(colon + 2).strip();
    int open = rest.lastIndexOf(" (");
    if (open >= 0 && rest.endsWith(")") && isUrl(rest.substring(open + 2, rest.length() - 1))) {
      p.put("url", rest.substring(open + 2, rest.length() - 1));
      rest = rest.substring(0, open).strip();
    } else if (isUrl(rest)) {
      p.put("url", rest);
      rest = "";
    }
    if (!rest.isEmpty()) {
      p.put("username", rest);
    }
    return p;
  }

  private static boolean isContactLine(String line) {
    return parts(line).stream().anyMatch(p -> isEmail(p) || isUrl(p) || isPhone(p)) || line.indexOf(SEP_CHAR) >= 0;
  }

  /** The parts of a line joined by {@code |}, {@code ·} or {@code •}. */
  static List<String> parts(String line) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == '|' || line.charAt(i) == '·' || line.charAt(i) == '•') {
        String p = line.substring(start, i).strip();
        if (!p.isEmpty()) {
          out.add(p);
        }
        start = i + 1;
      }
    }
    return out;
  }

  static boolean isEmail(String s) {
    int at = s.indexOf('@');
    return at > 0 && at == s.lastIndexOf('@') && s.indexOf('.', at) > at + 1 && !s.endsWith(".")
        && s.chars().noneMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>' || c == '(' || c == ')');
  }

  static boolean isUrl(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    return (lower.startsWith("https://") || lower.startsWith("http://")) && s.length() > 10
        && s.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '\\');
  }

  static boolean isPhone(String s) {
    long digits = s.chars().filter(Character::isDigit).count();
    return digits >= 7 && digits <= 15 && s.chars().allMatch(c -> Character.isDigit(c) || " +-().".indexOf(c) >= 0);
  }

  /**
   * {@code City}, {@code City, Region}, {@code City, CC}, {@code Address, City, Region, Postcode, CC}: a country code
   * last, a postal code (a part with a digit) before it, an address first when three parts are left.
   */
  private static JsonObject location(String part) {
    List<String> p = new ArrayList<>();
    for (String s : part.split(",", -1)) {
      if (!s.isBlank()) {
        p.add(s.strip());
      }
    }
    JsonObject loc = new JsonObject();
    if (p.size() > 1 && isCountryCode(p.get(p.size() - 1))) {
      loc.put("countryCode", p.remove(p.size() - 1));
    }
    if (p.size() > 1 && p.get(p.size() - 1).chars().anyMatch(Character::isDigit)) {
      loc.put("postalCode", p.remove(p.size() - 1));
    }
    if (p.size() >= 3) {
      loc.put("address", p.remove(0));
    }
    if (!p.isEmpty()) {
      loc.put("city", p.remove(0));
    }
    if (!p.isEmpty()) {
      loc.put("region", String.join(", ", p));
    }
    return loc;
  }

  private static boolean isCountryCode(String s) {
    return s.length() == 2 && Character.isUpperCase(s.charAt(0)) && Character.isUpperCase(s.charAt(1));
  }

  private static void addSection(JsonObject resume, JsonObject basics, String section, List<List<String>> entries) {
    if (entries.isEmpty()) {
      return;
    }
    if ("summary".equals(section)) {
      List<String> paragraphs = entries.stream().map(e -> String.join("\n", e)).toList();
      String summary = String.join("\n\n", paragraphs);
      basics.put("summary", basics.containsKey("summary") ? basics.getString("summary") + "\n\n" + summary : summary);
      return;
    }
    JsonArray items = resume.getJsonArray(section, new JsonArray());
    switch (section) {
      case "skills" -> entries.forEach(e -> e.forEach(line -> items.add(named(unbullet(line), "name", "level"))));
      case "languages" -> entries.forEach(e -> e.forEach(line -> items.add(language(unbullet(line)))));
      case "interests" -> entries.forEach(e -> e.forEach(line -> items.add(named(unbullet(line), "name", null))));
      case "references" -> entries.forEach(e -> items.add(reference(e)));
      default -> entries.forEach(e -> items.add(entry(section, e)));
    }
    if (!items.isEmpty()) {
      resume.put(section, items);
    }
  }

  /** {@code Name (Level): a, b, c} → name, level, keywords. */
  private static JsonObject named(String line, String nameKey, String levelKey) {
    JsonObject o = new JsonObject();
    int colon = line.indexOf(':');
    String head = colon >= 0 ? line.substring(0, colon).strip() : line;
    String rest = colon >= 0 ? line.substring(colon + 1).strip() : "";
    if (colon < 0 && line.contains(",")) {
      head = "";
      rest = line;
    }
    if (levelKey != null && head.endsWith(")") && head.lastIndexOf('(') >= 0) {
      int open = head.lastIndexOf('(');
      o.put(levelKey, head.substring(open + 1, head.length() - 1).strip());
      head = head.substring(0, open).strip();
    }
    if (!head.isEmpty()) {
      o.put(nameKey, head);
    }
    JsonArray keywords = list(rest);
    if (!keywords.isEmpty()) {
      o.put("keywords", keywords);
    }
    return o;
  }

  private static JsonObject language(String line) {
    JsonObject o = new JsonObject();
    String head = line;
    if (head.endsWith(")") && head.lastIndexOf('(') >= 0) {
      int open = head.lastIndexOf('(');
      o.put("fluency", head.substring(open + 1, head.length() - 1).strip());
      head = head.substring(0, open).strip();
    } else if (head.contains(" — ") || head.contains(" - ") || head.contains(": ")) {
      String sep = head.contains(" — ") ? " — " : head.contains(" - ") ? " - " : ": ";
      int at = head.indexOf(sep);
      o.put("fluency", head.substring(at + sep.length()).strip());
      head = head.substring(0, at).strip();
    }
    if (!head.isEmpty()) {
      o.put("language", head);
    }
    return o;
  }

  private static JsonObject reference(List<String> lines) {
    JsonObject o = new JsonObject();
    List<String> body = new ArrayList<>(lines);
    String last = body.get(body.size() - 1);
    if (last.startsWith("— ") || last.startsWith("- ")) {
      o.put("name", last.substring(2).strip());
      body.remove(body.size() - 1);
    }
    if (!body.isEmpty()) {
      o.put("reference", String.join("\n", body));
    }
    return o;
  }

  private static JsonArray list(String s) {
    JsonArray out = new JsonArray();
    for (String k : s.split(",", -1)) {
      if (!k.isBlank()) {
        out.add(k.strip());
      }
    }
    return out;
  }

  private static String unbullet(String line) {
    return isBullet(line) ? line.substring(2).strip() : line;
  }

  static boolean isBullet(String line) {
    return line.length() > 2 && "-*•·–".indexOf(line.charAt(0)) >= 0 && line.charAt(1) == ' ';
  }

  /** One entry of a dated section: title line, details line, labelled lines, bullets, the rest its summary. */
  private static JsonObject entry(String section, List<String> lines) {
    String[] names = switch (section) {
      case "work" -> new String[] {"position", "name"};
      case "volunteer" -> new String[] {"position", "organization"};
      case "education" -> new String[] {"studyType", "institution"};
      case "projects" -> new String[] {"name", "entity"};
      case "awards" -> new String[] {"title", "awarder"};
      case "certificates" -> new String[] {"name", "issuer"};
      default -> new String[] {"name", "publisher"};
    };
    String bulletsKey = "education".equals(section) ? "courses" : "highlights";
    String summaryKey = "education".equals(section) || "certificates".equals(section) ? null
        : "projects".equals(section) ? "description" : "summary";
    JsonObject o = new JsonObject();
    JsonArray bullets = new JsonArray();
    List<String> summary = new ArrayList<>();
    boolean titled = false;
    boolean dated = false;
    for (String line : lines) {
      if (isBullet(line)) {
        bullets.add(line.substring(2).strip());
      } else if (!dated && details(section, line, o)) {
        dated = true;
      } else if (!titled && summary.isEmpty() && bullets.isEmpty()) {
        title(section, line, names, o);
        titled = true;
      } else if ("projects".equals(section) && line.startsWith("Roles: ")) {
        o.put("roles", list(line.substring(7)));
      } else if ("projects".equals(section) && line.startsWith("Keywords: ")) {
        o.put("keywords", list(line.substring(10)));
      } else {
        summary.add(line);
      }
    }
    if (!bullets.isEmpty()) {
      o.put(bulletsKey, bullets);
    }
    if (!summary.isEmpty() && summaryKey != null) {
      o.put(summaryKey, String.join("\n", summary));
    }
    return o;
  }

  private static void title(String section, String line, String[] names, JsonObject o) {
    String left = line;
    String right = null;
    int dash = line.indexOf(JsonResumeText.DASH);
    if (dash >= 0) {
      left = line.substring(0, dash).strip();
      right = line.substring(dash + JsonResumeText.DASH.length()).strip();
    } else if (line.contains(" at ")) {
      int at = line.indexOf(" at ");
      left = line.substring(0, at).strip();
      right = line.substring(at + 4).strip();
    }
    if ("education".equals(section)) {
      int comma = left.indexOf(", ");
      if (comma > 0) {
        o.put("area", left.substring(comma + 2).strip());
        left = left.substring(0, comma).strip();
      }
      if (right == null) {
        // "University of Leeds" alone names the institution, not the study type
        right = left;
        left = null;
      }
    }
    if (left != null && !left.isEmpty()) {
      o.put(names[0], left);
    }
    if (right != null && !right.isEmpty()) {
      o.put(names[1], right);
    }
  }

  /** A line whose first part is a date or a range of dates; its other parts are the URL, location, score, type. */
  private static boolean details(String section, String line, JsonObject o) {
    List<String> parts = parts(line);
    if (parts.isEmpty()) {
      return false;
    }
    String[] range = range(parts.get(0));
    if (range == null) {
      return false;
    }
    boolean single = switch (section) {
      case "awards", "certificates", "publications" -> true;
      default -> false;
    };
    if (single) {
      String date = range[1] != null ? range[1] : range[0];
      if (date != null) {
        o.put("publications".equals(section) ? "releaseDate" : "date", date);
      }
    } else {
      if (range[0] != null) {
        o.put("startDate", range[0]);
      }
      if (range[1] != null) {
        o.put("endDate", range[1]);
      }
    }
    for (String part : parts.subList(1, parts.size())) {
      if (isUrl(part)) {
        o.put("url", part);
      } else if ("education".equals(section) && part.startsWith("Score: ")) {
        o.put("score", part.substring(7).strip());
      } else if ("work".equals(section)) {
        o.put("location", part);
      } else if ("projects".equals(section)) {
        o.put("type", part);
      }
    }
    return true;
  }

  /** {start, end} of {@code 2019-03 – Present}, {@code Mar 2019 - Jun 2021}, {@code 2018}; null when not dates. */
  static String[] range(String s) {
    String[] sides = null;
    for (String sep : new String[] {" – ", " — ", " - ", " to ", "–"}) {
      int at = s.indexOf(sep);
      if (at > 0) {
        sides = new String[] {s.substring(0, at).strip(), s.substring(at + sep.length()).strip()};
        break;
      }
    }
    if (sides == null) {
      String one = date(s.strip());
      return one == null ? null : new String[] {null, one};
    }
    String start = date(sides[0]);
    String end = isOngoing(sides[1]) ? null : date(sides[1]);
    if (start == null || (end == null && !isOngoing(sides[1]))) {
      return null;
    }
    return new String[] {start, end};
  }

  private static boolean isOngoing(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return l.equals("present") || l.equals("current") || l.equals("now") || l.equals("today") || l.equals("ongoing");
  }

  /** An ISO date as the schema writes it (YYYY, YYYY-MM, YYYY-MM-DD) from ISO, {@code Mar 2019}, {@code 03/2019}. */
  static String date(String s) {
    if (isIso(s)) {
      return s;
    }
    int space = s.indexOf(' ');
    if (space > 0 && s.length() - space - 1 == 4 && isYear(s.substring(space + 1))) {
      String month = s.substring(0, Math.min(3, space)).toLowerCase(Locale.ROOT);
      return MONTHS.containsKey(month) ? s.substring(space + 1) + "-" + MONTHS.get(month) : null;
    }
    int slash = s.indexOf('/');
    if (slash > 0 && slash <= 2 && s.length() - slash - 1 == 4 && isYear(s.substring(slash + 1))
        && s.substring(0, slash).chars().allMatch(Character::isDigit)) {
      int m = Integer.parseInt(s.substring(0, slash));
      return m >= 1 && m <= 12 ? s.substring(slash + 1) + "-" + (m < 10 ? "0" : "") + m : null;
    }
    return null;
  }

  /** The schema's iso8601 pattern, without a pattern: {@code [12]ddd}, then optionally {@code -[01]d}, {@code -[0-3]d}. */
  static boolean isIso(String s) {
    if (s.length() != 4 && s.length() != 7 && s.length() != 10) {
      return false;
    }
    if (!isYear(s.substring(0, 4))) {
      return false;
    }
    if (s.length() >= 7 && !(s.charAt(4) == '-' && "01".indexOf(s.charAt(5)) >= 0 && Character.isDigit(s.charAt(6)))) {
      return false;
    }
    return s.length() < 10 || (s.charAt(7) == '-' && "0123".indexOf(s.charAt(8)) >= 0
        && Character.isDigit(s.charAt(9)));
  }

  private static boolean isYear(String s) {
    return s.length() == 4 && (s.charAt(0) == '1' || s.charAt(0) == '2')
        && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
