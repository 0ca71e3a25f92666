package org.jobdash.resume.upload;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.jsonresume.JsonResumeSchema;
import org.jobdash.common.work.Deadline;
import org.jobdash.resume.jsonresume.JsonResumeText;

/** An uploaded JSON Resume file: parsed under the JSON body rules, checked against the schema, rendered to text. */
final class JsonResumeFile {

  /** The largest JSON Resume file (the JSON body limit): a résumé's document is a few kilobytes. */
  static final int MAX_BYTES = 1024 * 1024;

  private JsonResumeFile() {}

  /** Whether the text is meant as JSON: its first character that is not white space opens an object. */
  static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{';
      }
    }
    return false;
  }

  static JsonObject read(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new ApiException.TooLarge("A JSON Resume file may have at most " + MAX_BYTES + " bytes");
    }
    JsonObject document;
    try {
      document = JsonInput.parse(Buffer.buffer(bytes)).raw();
    } catch (ApiException e) {
      throw new ApiException.Invalid("The file is not a valid JSON Resume document: " + e.detail(), e.errors());
    }
    JsonResumeSchema.check("file", document);
    return document;
  }

  static String text(JsonObject document, Deadline deadline) {
    return JsonResumeText.render(document, deadline);
  }
}
