package org.jobdash.common.http;

import com.google.re2j.Pattern;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a JSON request body field by field, collecting every validation error so that one 400 names them all.
 * Call {@link #validate()} after the last read.
 */
public final class JsonInput {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

  private final JsonObject json;
  private final List<ApiException.FieldError> errors = new ArrayList<>();

  private JsonInput(JsonObject json) {
    this.json = json;
  }

  public static JsonInput of(JsonObject json) {
    return new JsonInput(json == null ? new JsonObject() : json);
  }

  /**
   * The request body as a JSON object; a missing, malformed or non-object body is a 400, and so is one that
   * breaks {@link JsonBodyRules} anywhere (NUL characters, unpaired surrogates, nesting deeper than
   * {@value JsonBodyRules#MAX_DEPTH}), naming each field at fault by its JSON path. The walk is linear in the
   * body, which the body handler's limit bounds, like the parse before it.
   */
  public static JsonInput body(RoutingContext ctx) {
    JsonInput parsed = ctx.get(JsonBodies.PARSED);
    return parsed != null ? parsed : parse(JsonBodies.raw(ctx));
  }

  /** {@link #body} of these bytes. */
  public static JsonInput parse(Buffer buffer) {
    if (buffer == null || buffer.length() == 0) {
      throw new ApiException.Invalid("A JSON body is required");
    }
    Object parsed;
    try {
      parsed = buffer.toJsonValue();
    } catch (DecodeException e) {
      throw new ApiException.Invalid("The body is not valid JSON");
    }
    if (!(parsed instanceof JsonObject object)) {
      throw new ApiException.Invalid("The body must be a JSON object");
    }
    List<ApiException.FieldError> violations = JsonBodyRules.violations(object);
    if (!violations.isEmpty()) {
      throw invalid(violations);
    }
    return new JsonInput(object);
  }

  public JsonObject raw() { return json; }

  public boolean has(String field) { return json.containsKey(field); }

  public void error(String field, String message) { errors.add(new ApiException.FieldError(field, message)); }

  /** Throws one 400 naming every field that failed. */
  public void validate() {
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
  }

  /** One 400 naming every field in {@code errors}. */
  static ApiException.Invalid invalid(List<ApiException.FieldError> errors) {
    String detail = errors.size() == 1
        ? errors.get(0).field() + ": " + errors.get(0).message()
        : errors.size() + " fields are invalid";
    return new ApiException.Invalid(detail, errors);
  }

  public String requiredString(String field, int min, int max) {
    String value = optionalString(field, max);
    if (value == null && !hasError(field)) {
      error(field, "is required");
    } else if (value != null && value.strip().length() < min) {
      error(field, min <= 1 ? "must not be blank" : "must be at least " + min + " characters");
    }
    return value;
  }

  public String optionalString(String field, int max) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      error(field, "must be a string");
      return null;
    }
    if (s.length() > max) {
      error(field, "must be at most " + max + " characters");
      return null;
    }
    if (s.indexOf('\u0000') >= 0) {
      error(field, "must not contain NUL characters");
      return null;
    }
    return s;
  }

  public String requiredEmail(String field) {
    String value = requiredString(field, 3, 254);
    if (value != null && !EMAIL.matcher(value.strip()).matches()) {
      error(field, "must be an e-mail address");
      return null;
    }
    return value == null ? null : value.strip();
  }

  public Integer optionalInt(String field, int min, int max) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      error(field, "must be an integer");
      return null;
    }
    // compared as a double: a number too big for a long (a BigInteger) must not wrap round into the range
    double d = n.doubleValue();
    if (d < min || d > max) {
      error(field, "must be between " + min + " and " + max);
      return null;
    }
    return n.intValue();
  }

  public Integer requiredInt(String field, int min, int max) {
    if (json.getValue(field) == null) {
      error(field, "is required");
      return null;
    }
    return optionalInt(field, min, max);
  }

  public Boolean optionalBoolean(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean b)) {
      error(field, "must be true or false");
      return null;
    }
    return b;
  }

  public UUID optionalUuid(String field) {
    String s = optionalString(field, 36);
    if (s == null) {
      return null;
    }
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      error(field, "must be a UUID");
      return null;
    }
  }

  public OffsetDateTime optionalTimestamp(String field) {
    String s = optionalString(field, 64);
    if (s == null) {
      return null;
    }
    try {
      OffsetDateTime t = OffsetDateTime.parse(s);
      // far years overflow the database's microsecond timestamps; no date here is meant to be that far
      if (t.getYear() < 1 || t.getYear() > 9999) {
        error(field, "must be between the years 1 and 9999");
        return null;
      }
      return t;
    } catch (DateTimeParseException e) {
      error(field, "must be an ISO-8601 timestamp with an offset, e.g. 2027-01-31T00:00:00Z");
      return null;
    }
  }

  /** A list of short strings; each is stripped, blanks dropped, duplicates kept out. */
  public List<String> optionalStringList(String field, int maxItems, int maxLength) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray array)) {
      error(field, "must be an array of strings");
      return null;
    }
    if (array.size() > maxItems) {
      error(field, "must have at most " + maxItems + " items");
      return null;
    }
    List<String> out = new ArrayList<>(array.size());
    for (Object item : array) {
      if (!(item instanceof String s) || s.length() > maxLength) {
        error(field, "must contain strings of at most " + maxLength + " characters");
        return null;
      }
      String stripped = s.strip();
      if (!stripped.isEmpty() && !out.contains(stripped)) {
        out.add(stripped);
      }
    }
    return out;
  }

  public JsonArray optionalArray(String field, int maxItems) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray array)) {
      error(field, "must be an array");
      return null;
    }
    if (array.size() > maxItems) {
      error(field, "must have at most " + maxItems + " items");
      return null;
    }
    return array;
  }

  public JsonObject optionalObject(String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject object)) {
      error(field, "must be an object");
      return null;
    }
    return object;
  }

  private boolean hasError(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  /** Parses a path parameter as a UUID; anything else is a 404 (the resource cannot exist). */
  public static UUID pathUuid(RoutingContext ctx, String name) {
    String raw = ctx.pathParam(name);
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ApiException.NotFound("No such resource");
    }
  }

  /**
   * A text query parameter, stripped; null when absent or blank. Longer than {@code max} characters, or holding a
   * control character (a NUL cannot reach PostgreSQL), is a 400.
   */
  public static String queryString(RoutingContext ctx, String name, int max) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (raw.length() > max) {
      throw ApiException.Invalid.field(name, "must be at most " + max + " characters");
    }
    if (raw.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.Invalid.field(name, "must not contain control characters");
    }
    return raw.strip();
  }

  /** An integer query parameter with bounds; a bad value is a 400. */
  public static int queryInt(RoutingContext ctx, String name, int dflt, int min, int max) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v < min || v > max) {
        throw ApiException.Invalid.field(name, "must be between " + min + " and " + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiException.Invalid.field(name, "must be an integer");
    }
  }
}
