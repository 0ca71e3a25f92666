package org.jobdash.resume.jsonresume;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.jsonresume.JsonResumeSchema;
import org.jobdash.common.work.Deadline;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What of a JSON Resume document survives its text: rendered, then read back from the text alone. */
class TextJsonResumeTest {

  static JsonObject full() throws IOException {
    try (InputStream in = TextJsonResumeTest.class.getResourceAsStream("/jsonresume/full.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static Deadline deadline() {
    return Deadline.after(Duration.ofSeconds(10));
  }

  @Test
  void theTextOfADocumentReadsBackIntoTheSameFieldsButTheOnesTextCannotCarry() throws IOException {
    JsonObject original = full();
    JsonObject back = TextJsonResume.parse(JsonResumeText.render(original, deadline()), deadline());

    JsonResumeSchema.check("back", back);
    // what text cannot carry: the picture, the meta block, the schema link; a work entry's description joins
    // its summary (both are paragraphs)
    JsonObject expected = original.copy();
    expected.remove("$schema");
    expected.remove("meta");
    expected.getJsonObject("basics").remove("image");
    JsonObject work = expected.getJsonArray("work").getJsonObject(0);
    work.put("summary", work.remove("description") + "\n" + work.getString("summary"));
    assertThat(back.getJsonObject("basics")).isEqualTo(expected.getJsonObject("basics"));
    for (String section : JsonResumeSchema.sections()) {
      if (!section.equals("basics") && expected.containsKey(section)) {
        assertThat(back.getValue(section)).as(section).isEqualTo(expected.getValue(section));
      }
    }
    assertThat(back.fieldNames()).isEqualTo(expected.fieldNames());
  }

  @Test
  void commonHeadingsAndDateFormsAreRecognised() {
    JsonObject doc = TextJsonResume.parse("""
        Jo Bloggs
        jo@example.com

        Professional Experience:
        Staff Nurse at St Mary's Hospital
        Mar 2019 - Jun 2023
        - Ran a ward of 28 beds

        Qualifications:
        BSc, Adult Nursing — University of Leeds
        09/2015 – 06/2018
        """, deadline());

    JsonResumeSchema.check("doc", doc);
    assertThat(doc.getJsonObject("basics")).isEqualTo(new JsonObject().put("name", "Jo Bloggs")
        .put("email", "jo@example.com"));
    JsonObject work = doc.getJsonArray("work").getJsonObject(0);
    assertThat(work.getString("position")).isEqualTo("Staff Nurse");
    assertThat(work.getString("name")).isEqualTo("St Mary's Hospital");
    assertThat(work.getString("startDate")).isEqualTo("2019-03");
    assertThat(work.getString("endDate")).isEqualTo("2023-06");
    JsonObject education = doc.getJsonArray("education").getJsonObject(0);
    assertThat(education.getString("startDate")).isEqualTo("2015-09");
    assertThat(education.getString("area")).isEqualTo("Adult Nursing");
  }

  @Test
  void datesOutsideTheSchemasFormsAreLeftOut() {
    assertThat(TextJsonResume.date("2019-23")).isNull();
    assertThat(TextJsonResume.date("Spring 2019")).isNull();
    assertThat(TextJsonResume.date("13/2019")).isNull();
    assertThat(TextJsonResume.date("2019-03-31")).isEqualTo("2019-03-31");
    assertThat(TextJsonResume.range("2019 – Present")).containsExactly("2019", null);
    assertThat(TextJsonResume.range("Sous chef")).isNull();
  }
}
