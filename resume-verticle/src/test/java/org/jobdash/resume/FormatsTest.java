package org.jobdash.resume;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.jsonresume.JsonResumeSchema;
import org.jobdash.common.testing.BlockedThreadGuard;
import org.jobdash.common.testing.TestClient;
import org.jobdash.common.work.Deadline;
import org.jobdash.resume.upload.FileInspector;
import org.jobdash.resume.upload.InspectedFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON Resume in and out, and the export of any version as DOCX, PDF, Markdown and text, over real HTTP. */
@ExtendWith(BlockedThreadGuard.class)
class FormatsTest {

  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String CV = """
      Amara Nwosu
      Sous Chef
      amara@example.com | +44 20 7946 0958 | Manchester, GB

      SUMMARY
      Sous chef with nine years in busy brasseries.

      EXPERIENCE
      Sous Chef — Brasserie Lumière
      2021-03 – Present
      - Cut food waste by 18% with a new prep list
      - Trained four commis chefs

      EDUCATION
      BA (Hons), Culinary Arts — University College Birmingham
      2013 – 2016

      SKILLS
      Kitchen management: HACCP, Menu costing, Rota planning
      """;

  static ResumeHarness h;
  static final FileInspector INSPECTOR = new FileInspector(new FileInspector.Limits(1_000_000, 100, 64L << 20));

  @BeforeAll
  static void start() {
    h = ResumeHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static JsonObject full() {
    try (InputStream in = FormatsTest.class.getResourceAsStream("/jsonresume/full.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TestClient.Response export(ResumeHarness.Caller caller, String id, String query) {
    return h.http.get("/api/v1/resumes/" + id + "/export?" + query, caller.token());
  }

  @Test
  void aJsonResumeRoundTripKeepsEveryFieldTheSchemaDefines() {
    ResumeHarness.Caller caller = h.newUser();
    JsonObject document = full();
    assertThat(document.fieldNames()).as("the sample fills every section of the schema")
        .containsAll(JsonResumeSchema.sections());

    TestClient.Response created = h.http.post("/api/v1/resumes", new JsonObject().put("title", "Amara CV")
        .put("jsonResume", document), caller.token());

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().getString("id");
    String content = created.json().getString("content");
    assertThat(content).startsWith("Amara Nwosu\nSous Chef\n").contains("\nWORK EXPERIENCE\n")
        .contains("Sous Chef — Brasserie Lumière").contains("- Trained four commis chefs")
        .contains("Kitchen management (Master): HACCP, Menu costing, Rota planning");
    assertThat(created.json().getString("contentSource")).isEqualTo("text");
    assertThat(h.count("SELECT count(*) FROM resume_versions WHERE resume_id = $1 AND version_number = 1 "
        + "AND json_resume IS NOT NULL", UUID.fromString(id))).isEqualTo(1);

    TestClient.Response back = export(caller, id, "format=json-resume");
    assertThat(back.status()).as(back.toString()).isEqualTo(200);
    assertThat(back.header("Content-Type")).isEqualTo("application/json");
    assertThat(back.header("Content-Disposition")).startsWith("attachment; filename=\"Amara CV-v1.json\"");
    assertThat(back.json()).isEqualTo(document);
  }

  @Test
  void aJsonResumeFileIsAcceptedAsAnUpload() {
    ResumeHarness.Caller caller = h.newUser();
    byte[] bytes = full().encodePrettily().getBytes(StandardCharsets.UTF_8);

    TestClient.Response r = h.upload(caller, "amara.json", bytes, "application/json", null);

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().getString("mimeType")).isEqualTo("application/json");
    assertThat(r.json().getString("content")).contains("WORK EXPERIENCE").contains("Amara Nwosu");
    assertThat(export(caller, r.json().getString("id"), "format=json-resume").json()).isEqualTo(full());
  }

  @Test
  void anInvalidJsonResumeIsA400NamingTheFieldAndNothingIsStored() {
    ResumeHarness.Caller caller = h.newUser();
    JsonObject document = full();
    document.getJsonArray("work").getJsonObject(0).put("startDate", "March 2021");

    TestClient.Response r = h.http.post("/api/v1/resumes", new JsonObject().put("title", "x").put("jsonResume",
        document), caller.token());
    TestClient.Response file = h.upload(caller, "x.json", new JsonObject().put("basics", "Amara").encode()
        .getBytes(StandardCharsets.UTF_8), "application/json", null);
    TestClient.Response both = h.http.post("/api/v1/resumes", new JsonObject().put("title", "x").put("content", "a")
        .put("jsonResume", new JsonObject()), caller.token());

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .contains("jsonResume.work[0].startDate");
    assertThat(file.status()).as(file.toString()).isEqualTo(400);
    assertThat(file.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .contains("file.basics");
    assertThat(both.status()).isEqualTo(400);
    assertThat(h.count("SELECT count(*) FROM resumes WHERE user_id = $1", caller.id())).isZero();
  }

  @Test
  void everyVersionExportsAsTextAParserReadsBack() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.createText(caller, "Amara Nwosu – CV", CV).getString("id");
    String second = CV.replace("Trained four commis chefs", "Trained six commis chefs");
    assertThat(h.http.patch("/api/v1/resumes/" + id, new JsonObject().put("content", second), caller.token())
        .status()).isEqualTo(200);

    for (int version = 1; version <= 2; version++) {
      String expected = version == 1 ? CV : second;
      for (String format : List.of("docx", "pdf", "markdown", "text")) {
        TestClient.Response r = export(caller, id, "format=" + format + "&version=" + version);
        assertThat(r.status()).as(format + " " + r).isEqualTo(200);
        String type = switch (format) {
          case "docx" -> DOCX;
          case "pdf" -> "application/pdf";
          case "markdown" -> "text/markdown; charset=utf-8";
          default -> "text/plain; charset=utf-8";
        };
        String extension = switch (format) {
          case "docx" -> "docx";
          case "pdf" -> "pdf";
          case "markdown" -> "md";
          default -> "txt";
        };
        assertThat(r.header("Content-Type")).isEqualTo(type);
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"Amara Nwosu _ CV-v" + version
            + "." + extension + "\"; filename*=UTF-8''Amara%20Nwosu%20%E2%80%93%20CV-v" + version + "." + extension);
        InspectedFile read = INSPECTOR.inspect(r.body().getBytes(), "cv." + extension, Deadline.after(
            Duration.ofSeconds(20)));
        assertThat(words(read.text())).as(format + " v" + version).isEqualTo(words(expected));
      }
    }
    TestClient.Response current = export(caller, id, "format=text");
    assertThat(current.text()).isEqualTo(second);
  }

  @Test
  void thePdfEmbedsItsFont() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.createText(caller, "CV", CV).getString("id");
    byte[] pdf = export(caller, id, "format=pdf").body().getBytes();
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      List<String> fonts = new ArrayList<>();
      for (var page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          var font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          fonts.add(font.getName());
        }
      }
      assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("LiberationSans"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aJsonResumeReadFromPlainTextIsValidAndKeepsWhatTheTextSays() {
    ResumeHarness.Caller caller = h.newUser();
    String id = h.createText(caller, "CV", CV).getString("id");

    JsonObject doc = export(caller, id, "format=json-resume").json();

    JsonResumeSchema.check("export", doc);
    JsonObject basics = doc.getJsonObject("basics");
    assertThat(basics.getString("name")).isEqualTo("Amara Nwosu");
    assertThat(basics.getString("label")).isEqualTo("Sous Chef");
    assertThat(basics.getString("email")).isEqualTo("amara@example.com");
    assertThat(basics.getString("phone")).isEqualTo("+44 20 7946 0958");
    assertThat(basics.getJsonObject("location")).isEqualTo(new JsonObject().put("countryCode", "GB")
        .put("city", "Manchester"));
    assertThat(basics.getString("summary")).isEqualTo("Sous chef with nine years in busy brasseries.");
    JsonObject work = doc.getJsonArray("work").getJsonObject(0);
    assertThat(work.getString("position")).isEqualTo("Sous Chef");
    assertThat(work.getString("name")).isEqualTo("Brasserie Lumière");
    assertThat(work.getString("startDate")).isEqualTo("2021-03");
    assertThat(work.containsKey("endDate")).isFalse();
    assertThat(work.getJsonArray("highlights")).containsExactly("Cut food waste by 18% with a new prep list",
        "Trained four commis chefs");
    JsonObject education = doc.getJsonArray("education").getJsonObject(0);
    assertThat(education.getString("institution")).isEqualTo("University College Birmingham");
    assertThat(education.getString("studyType")).isEqualTo("BA (Hons)");
    assertThat(education.getString("area")).isEqualTo("Culinary Arts");
    assertThat(education.getString("endDate")).isEqualTo("2016");
    assertThat(doc.getJsonArray("skills").getJsonObject(0)).isEqualTo(new JsonObject()
        .put("name", "Kitchen management").put("keywords", new JsonArray().add("HACCP").add("Menu costing")
            .add("Rota planning")));
  }

  @Test
  void exportsAreRefusedClearly() {
    ResumeHarness.Caller owner = h.newUser();
    ResumeHarness.Caller other = h.newUser();
    String id = h.createText(owner, "CV", CV).getString("id");

    assertThat(export(other, id, "format=pdf").status()).isEqualTo(404);
    assertThat(export(owner, UUID.randomUUID().toString(), "format=pdf").status()).isEqualTo(404);
    assertThat(export(owner, id, "format=pdf&version=7").status()).isEqualTo(404);
    assertThat(export(owner, id, "format=pdf&version=0").status()).isEqualTo(400);
    assertThat(export(owner, id, "format=odt").status()).isEqualTo(400);
    assertThat(export(owner, id, "").status()).isEqualTo(400);
    assertThat(h.http.get("/api/v1/resumes/" + id + "/export?format=pdf", null).status()).isEqualTo(401);
    TestClient.Response problem = export(owner, id, "format=html");
    assertThat(problem.header("Content-Type")).isEqualTo("application/problem+json");
  }

  /** The words of a text in order, without bullet signs, Markdown markers and escapes. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.replace("\\", "").split("\\s+")) {
      String word = w.strip();
      if (word.isEmpty() || word.equals("-") || word.equals("•") || word.chars().allMatch(c -> c == '#')) {
        continue;
      }
      out.add(word);
    }
    return out;
  }

}
