package org.jobdash.common.jsonresume;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import org.jobdash.common.http.ApiException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Resume schema (jsonresume.org, v1.0.0, MIT: {@code jsonresume/schema.json} with its LICENSE and NOTICE)
 * and the check of a document against it with vertx-json-schema, in the draft the schema declares (draft-04).
 * Before the schema runs, every string and array is held to a size a résumé never passes, so that the schema's
 * patterns and formats only ever see short values. CPU-bound on large documents: call on a worker thread.
 */
public final class JsonResumeSchema {

  /** The longest string a JSON Resume document may hold (a summary of a few pages). */
  public static final int MAX_STRING = 20_000;
  /** The most items of any one array (work entries, highlights, keywords …). */
  public static final int MAX_ITEMS = 200;
  /** The most field errors one answer lists. */
  private static final int MAX_ERRORS = 20;

  private static final JsonObject SCHEMA = load();
  private static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions()
      .setDraft(Draft.fromIdentifier(SCHEMA.getString("$schema")))
      .setBaseUri("https://jsonresume.org/schema/1.0.0/")
      .setOutputFormat(OutputFormat.Basic);

  private JsonResumeSchema() {}

  /** The schema as a JSON object (a copy). */
  public static JsonObject schema() {
    return SCHEMA.copy();
  }

  /** The top-level sections the schema defines, in its order. */
  public static Set<String> sections() {
    return new LinkedHashSet<>(SCHEMA.getJsonObject("properties").fieldNames());
  }

  /**
   * Checks {@code document} and throws a 400 whose errors name each offending value by its path under {@code field}
   * ({@code jsonResume.work[0].startDate}).
   */
  public static void check(String field, Object document) {
    List<ApiException.FieldError> errors = new ArrayList<>();
    if (!(document instanceof JsonObject json)) {
      throw ApiException.Invalid.field(field, "must be a JSON Resume object");
    }
    sizes(field, json, errors);
    if (errors.isEmpty()) {
      OutputUnit result = Validator.create(JsonSchema.of(SCHEMA), OPTIONS).validate(json);
      if (!Boolean.TRUE.equals(result.getValid())) {
        List<OutputUnit> units = result.getErrors() == null || result.getErrors().isEmpty()
            ? List.of(result) : result.getErrors();
        for (OutputUnit unit : units) {
          if (errors.size() == MAX_ERRORS) {
            break;
          }
          errors.add(new ApiException.FieldError(path(field, unit.getInstanceLocation()), unit.getError()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException.Invalid("The document is not a valid JSON Resume (jsonresume.org schema 1.0.0)", errors);
    }
  }

  private static void sizes(String path, Object value, List<ApiException.FieldError> errors) {
    if (errors.size() >= MAX_ERRORS) {
      return;
    }
    if (value instanceof String s && s.length() > MAX_STRING) {
      errors.add(new ApiException.FieldError(path, "must be at most " + MAX_STRING + " characters"));
    } else if (value instanceof JsonObject o) {
      for (Map.Entry<String, Object> e : o) {
        sizes(path + "." + e.getKey(), e.getValue(), errors);
      }
    } else if (value instanceof JsonArray a) {
      if (a.size() > MAX_ITEMS) {
        errors.add(new ApiException.FieldError(path, "must have at most " + MAX_ITEMS + " items"));
        return;
      }
      for (int i = 0; i < a.size(); i++) {
        sizes(path + "[" + i + "]", a.getValue(i), errors);
      }
    }
  }

  /** {@code #/work/0/startDate} (a JSON pointer, possibly without the {@code #}) as {@code jsonResume.work[0].startDate}. */
  static String path(String field, String pointer) {
    if (pointer == null) {
      return field;
    }
    String p = pointer.startsWith("#") ? pointer.substring(1) : pointer;
    StringBuilder out = new StringBuilder(field);
    for (String token : p.split("/", -1)) {
      if (token.isEmpty()) {
        continue;
      }
      String name = token.replace("~1", "/").replace("~0", "~");
      if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
        out.append('[').append(name).append(']');
      } else {
        out.append('.').append(name);
      }
    }
    return out.toString();
  }

  private static JsonObject load() {
    try (InputStream in = JsonResumeSchema.class.getResourceAsStream("/jsonresume/schema.json")) {
      if (in == null) {
        throw new IllegalStateException("jsonresume/schema.json is missing from the class path");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
