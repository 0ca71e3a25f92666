package org.jobdash.resume.jsonresume;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.work.Deadline;
import org.jobdash.resume.version.Lines;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON Resume document as plain text: the name, label and contact lines first, then one upper-case heading per
 * section ({@code WORK EXPERIENCE}, {@code EDUCATION} … the headings the section diff and {@link TextJsonResume}
 * recognise), entries separated by blank lines, each entry a title line ({@code Position — Company}), a line of
 * dates and details joined by {@code |}, paragraphs, and {@code - } bullets. Single column, no tables: what
 * applicant-tracking systems read best. Linear in the document; checks the deadline per entry.
 */
public final class JsonResumeText {

  static final String DASH = " — ";
  static final String SEP = " | ";
  static final String RANGE = " – ";
  static final String PRESENT = "Present";

  /** Each list section: its key in the document and the heading it gets in the text. */
  enum Section {
    WORK("work", "WORK EXPERIENCE"), VOLUNTEER("volunteer", "VOLUNTEER EXPERIENCE"), EDUCATION("education", "EDUCATION"),
    PROJECTS("projects", "PROJECTS"), AWARDS("awards", "AWARDS"), CERTIFICATES("certificates", "CERTIFICATES"),
    PUBLICATIONS("publications", "PUBLICATIONS"), SKILLS("skills", "SKILLS"), LANGUAGES("languages", "LANGUAGES"),
    INTERESTS("interests", "INTERESTS"), REFERENCES("references", "REFERENCES");

    final String key;
    final String heading;

    Section(String key, String heading) {
      this.key = key;
      this.heading = heading;
    }
  }

  static final String SUMMARY = "SUMMARY";

  private JsonResumeText() {}

  public static String render(JsonObject resume, Deadline deadline) {
    Out out = new Out();
    JsonObject basics = object(resume, "basics");
    out.line(str(basics, "name"));
    out.line(str(basics, "label"));
    JsonObject location = object(basics, "location");
    out.line(joined(SEP, str(basics, "email"), str(basics, "phone"), str(basics, "url"),
        joined(", ", str(location, "address"), str(location, "city"), str(location, "region"),
            str(location, "postalCode"), str(location, "countryCode"))));
    for (JsonObject profile : objects(basics, "profiles")) {
      String name = joined(": ", str(profile, "network"), str(profile, "username"));
      String url = str(profile, "url");
      out.line(name == null ? url : url == null ? name : name + " (" + url + ")");
    }
    String summary = str(basics, "summary");
    if (summary != null) {
      out.heading(SUMMARY);
      out.paragraph(summary);
    }
    for (Section section : Section.values()) {
      List<JsonObject> entries = objects(resume, section.key);
      if (entries.isEmpty()) {
        continue;
      }
      out.heading(section.heading);
      boolean compact = section == Section.SKILLS || section == Section.LANGUAGES || section == Section.INTERESTS;
      for (JsonObject entry : entries) {
        deadline.check();
        if (!compact) {
          out.blankBetweenEntries();
        }
        entry(out, section, entry);
      }
    }
    return out.text();
  }

  private static void entry(Out out, Section section, JsonObject e) {
    switch (section) {
      case WORK -> {
        out.line(joined(DASH, str(e, "position"), str(e, "name")));
        out.line(joined(SEP, dates(e, "startDate", "endDate"), str(e, "location"), str(e, "url")));
        out.paragraph(str(e, "description"));
        out.paragraph(str(e, "summary"));
        out.bullets(strings(e, "highlights"));
      }
      case VOLUNTEER -> {
        out.line(joined(DASH, str(e, "position"), str(e, "organization")));
        out.line(joined(SEP, dates(e, "startDate", "endDate"), str(e, "url")));
        out.paragraph(str(e, "summary"));
        out.bullets(strings(e, "highlights"));
      }
      case EDUCATION -> {
        out.line(joined(DASH, joined(", ", str(e, "studyType"), str(e, "area")), str(e, "institution")));
        String score = str(e, "score");
        out.line(joined(SEP, dates(e, "startDate", "endDate"), score == null ? null : "Score: " + score,
            str(e, "url")));
        out.bullets(strings(e, "courses"));
      }
      case PROJECTS -> {
        out.line(joined(DASH, str(e, "name"), str(e, "entity")));
        out.line(joined(SEP, dates(e, "startDate", "endDate"), str(e, "type"), str(e, "url")));
        out.labelled("Roles", strings(e, "roles"));
        out.paragraph(str(e, "description"));
        out.bullets(strings(e, "highlights"));
        out.labelled("Keywords", strings(e, "keywords"));
      }
      case AWARDS -> {
        out.line(joined(DASH, str(e, "title"), str(e, "awarder")));
        out.line(str(e, "date"));
        out.paragraph(str(e, "summary"));
      }
      case CERTIFICATES -> {
        out.line(joined(DASH, str(e, "name"), str(e, "issuer")));
        out.line(joined(SEP, str(e, "date"), str(e, "url")));
      }
      case PUBLICATIONS -> {
        out.line(joined(DASH, str(e, "name"), str(e, "publisher")));
        out.line(joined(SEP, str(e, "releaseDate"), str(e, "url")));
        out.paragraph(str(e, "summary"));
      }
      case SKILLS -> {
        String level = str(e, "level");
        String name = str(e, "name");
        String head = level == null ? name : (name == null ? "" : name + " ") + "(" + level + ")";
        out.line(joined(": ", head, String.join(", ", strings(e, "keywords"))));
      }
      case LANGUAGES -> {
        String fluency = str(e, "fluency");
        String language = str(e, "language");
        out.line(fluency == null ? language : (language == null ? "" : language + " ") + "(" + fluency + ")");
      }
      case INTERESTS -> out.line(joined(": ", str(e, "name"), String.join(", ", strings(e, "keywords"))));
      case REFERENCES -> {
        out.paragraph(str(e, "reference"));
        String name = str(e, "name");
        out.line(name == null ? null : DASH.strip() + " " + name);
      }
    }
  }

  private static String dates(JsonObject e, String start, String end) {
    String from = str(e, start);
    String to = str(e, end);
    if (from == null) {
      return to;
    }
    return from + RANGE + (to == null ? PRESENT : to);
  }

  /** The non-blank parts joined by {@code separator}; null when none is left. */
  static String joined(String separator, String... parts) {
    List<String> kept = new ArrayList<>(parts.length);
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        kept.add(p.strip());
      }
    }
    return kept.isEmpty() ? null : String.join(separator, kept);
  }

  static JsonObject object(JsonObject o, String key) {
    return o != null && o.getValue(key) instanceof JsonObject j ? j : new JsonObject();
  }

  static String str(JsonObject o, String key) {
    return o != null && o.getValue(key) instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  static List<JsonObject> objects(JsonObject o, String key) {
    List<JsonObject> out = new ArrayList<>();
    if (o != null && o.getValue(key) instanceof JsonArray a) {
      a.forEach(v -> {
        if (v instanceof JsonObject j) {
          out.add(j);
        }
      });
    }
    return out;
  }

  static List<String> strings(JsonObject o, String key) {
    List<String> out = new ArrayList<>();
    if (o != null && o.getValue(key) instanceof JsonArray a) {
      a.forEach(v -> {
        if (v instanceof String s && !s.isBlank()) {
          out.add(s.strip());
        }
      });
    }
    return out;
  }

  /** The text being written: lines, one blank line between blocks, never two. */
  private static final class Out {
    private final StringBuilder text = new StringBuilder();
    private boolean entryStarted;

    void line(String line) {
      if (line == null || line.isBlank()) {
        return;
      }
      // a line of the document's own that looks like a heading or a bullet would change the text's structure
      text.append(line.replace('\n', ' ').replace('\r', ' ').strip()).append('\n');
      entryStarted = true;
    }

    void paragraph(String paragraph) {
      if (paragraph == null || paragraph.isBlank()) {
        return;
      }
      for (String l : Lines.of(paragraph.strip())) {
        if (!l.isBlank()) {
          text.append(l.strip()).append('\n');
        }
      }
      entryStarted = true;
    }

    void bullets(List<String> items) {
      items.forEach(i -> line("- " + i));
    }

    void labelled(String label, List<String> items) {
      if (!items.isEmpty()) {
        line(label + ": " + String.join(", ", items));
      }
    }

    void heading(String heading) {
      blank();
      text.append(heading).append('\n');
      entryStarted = false;
    }

    void blankBetweenEntries() {
      if (entryStarted) {
        blank();
      }
      entryStarted = false;
    }

    private void blank() {
      int n = text.length();
      if (n > 0 && !(n >= 2 && text.charAt(n - 1) == '\n' && text.charAt(n - 2) == '\n')) {
        text.append('\n');
      }
    }

    String text() {
      return text.toString().strip() + "\n";
    }
  }
}
