package org.jobdash.common.http;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.vertx.json.schema.OutputUnit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A failed JSON-schema validation (vertx-json-schema's basic output) as our field errors: one per field, named by
 * its JSON path ({@code projects[1].tags[0]}), the most specific failure at the deepest place. A nullable reference
 * ({@code anyOf: [{$ref}, {type: 'null'}]}) fails both branches; only the referenced schema's failure is told.
 */
final class SchemaErrors {

  private static final Pattern REQUIRED = Pattern.compile("required property \"([^\"]+)\"");
  private static final Pattern EXPECTED = Pattern.compile("Expected (\\w+)");
  private static final Pattern PROPERTY = Pattern.compile("Property \"([^\"]+)\"");
  private static final Pattern LIMIT = Pattern.compile("(?:[<>]|than) (-?[0-9][0-9.eE+-]*)\\)?$");
  /** The most fields one problem names. */
  static final int MAX_FIELDS = 100;
  private static final int MAX_FAILURES_PER_FIELD = 16;
  private static final int SCANNED_FIELDS = 4 * MAX_FIELDS;
  private static final Set<String> UNDECLARED = Set.of("additionalProperties", "unevaluatedProperties", "false");
  /** Keywords that only say a part of them failed: the part says what. */
  private static final Set<String> COMPOSITE = Set.of("anyOf", "oneOf", "allOf", "$ref", "$dynamicRef", "properties",
      "items", "prefixItems", "not", "if", "then", "else", "dependentSchemas", "contains");

  private SchemaErrors() {}

  /**
   * No errors when {@code result} is valid. At most {@link #MAX_FIELDS} fields are told (a body of a hundred
   * thousand unknown keys is refused as well with a hundred); the work is linear in the failures.
   */
  static List<ApiException.FieldError> of(OutputUnit result) {
    if (Boolean.TRUE.equals(result.getValid()) || result.getErrors() == null) {
      return Boolean.TRUE.equals(result.getValid()) ? List.of()
          : List.of(new ApiException.FieldError("body", String.valueOf(result.getError())));
    }
    // instance location → the failures there, and every location that has a failure further in
    Map<String, List<OutputUnit>> at = new LinkedHashMap<>();
    Set<String> enclosing = new HashSet<>();
    for (OutputUnit unit : result.getErrors()) {
      if (at.size() == SCANNED_FIELDS) {
        // enough to name MAX_FIELDS of them: a flood of failures costs no more than this
        break;
      }
      String where = location(unit);
      if (at.computeIfAbsent(where, k -> new ArrayList<>()).size() < MAX_FAILURES_PER_FIELD) {
        at.get(where).add(unit);
      }
      addEnclosing(where, enclosing);
    }
    List<ApiException.FieldError> out = new ArrayList<>();
    for (Map.Entry<String, List<OutputUnit>> e : at.entrySet()) {
      if (enclosing.contains(e.getKey())) {
        continue;
      }
      out.add(new ApiException.FieldError(e.getKey().isEmpty() ? "body" : e.getKey(), message(e.getValue())));
      if (out.size() == MAX_FIELDS) {
        break;
      }
    }
    return out;
  }

  /** The locations that enclose {@code where}: {@code a.b[2].c} is inside {@code a.b[2]}, {@code a.b}, {@code a}, the root. */
  private static void addEnclosing(String where, Set<String> enclosing) {
    if (where.isEmpty()) {
      return;
    }
    enclosing.add("");
    for (int i = where.length() - 1; i > 0; i--) {
      char c = where.charAt(i);
      if (c == '.' || c == '[') {
        if (!enclosing.add(where.substring(0, i))) {
          return;
        }
      }
    }
  }

  /** The field a failure is about: its instance location, or the property a {@code required} names. */
  private static String location(OutputUnit unit) {
    String path = path(unit.getInstanceLocation());
    String keyword = keyword(unit);
    if (keyword.equals("required") || keyword.equals("additionalProperties") || keyword.equals("false")
        || keyword.equals("unevaluatedProperties")) {
      Matcher m = (keyword.equals("required") ? REQUIRED : PROPERTY).matcher(String.valueOf(unit.getError()));
      if (m.find() && !path.endsWith(m.group(1))) {
        return path.isEmpty() ? m.group(1) : path + "." + m.group(1);
      }
    }
    return path;
  }

  private static String message(List<OutputUnit> units) {
    List<OutputUnit> specific = new ArrayList<>();
    Set<String> expected = new LinkedHashSet<>();
    for (OutputUnit u : units) {
      String keyword = keyword(u);
      if (COMPOSITE.contains(keyword)) {
        continue;
      }
      if (keyword.equals("type")) {
        Matcher m = EXPECTED.matcher(String.valueOf(u.getError()));
        if (m.find()) {
          if (!m.group(1).equals("null")) {
            expected.add(m.group(1));
          }
          continue;
        }
      }
      specific.add(u);
    }
    if (!specific.isEmpty()) {
      // the library also counts a declared property that failed its schema as an additional one: the failure
      // of its own schema is the one to tell
      specific.sort(java.util.Comparator.comparing(u -> UNDECLARED.contains(keyword(u))));
      return text(specific.get(0));
    }
    if (!expected.isEmpty()) {
      return "must be " + String.join(" or ", expected.stream().map(SchemaErrors::article).toList());
    }
    return units.isEmpty() ? "is invalid" : String.valueOf(units.get(0).getError());
  }

  /** Our wording of one failure; the library's (first letter lowered) where a keyword has none of ours. */
  private static String text(OutputUnit u) {
    String error = String.valueOf(u.getError());
    String keyword = keyword(u);
    String limit = limit(error);
    return switch (keyword) {
      case "required" -> "is required";
      case "additionalProperties", "unevaluatedProperties", "false" -> "is not allowed here";
      case "maxLength" -> limit == null ? error : "must be at most " + limit + " characters";
      case "minLength" -> limit == null ? error : "must be at least " + limit + " characters";
      case "maximum" -> limit == null ? error : "must be at most " + limit;
      case "minimum" -> limit == null ? error : "must be at least " + limit;
      case "exclusiveMaximum" -> limit == null ? error : "must be less than " + limit;
      case "exclusiveMinimum" -> limit == null ? error : "must be greater than " + limit;
      case "maxItems" -> limit == null ? error : "must have at most " + limit + " items";
      case "minItems" -> limit == null ? error : "must have at least " + limit + " items";
      case "maxProperties" -> "has too many entries";
      case "minProperties" -> "has too few entries";
      case "enum" -> error.replace("Instance does not match any of ", "must be one of ");
      case "const" -> error.replace("Instance does not match ", "must be ");
      case "pattern" -> "is not of the required form";
      case "format" -> error.replace("String does not match format ", "must be a valid ").replace("\"", "");
      default -> error.isEmpty() ? error : Character.toLowerCase(error.charAt(0)) + error.substring(1);
    };
  }

  /** The bound in the library's message of a limit: {@code String is too long (4 > 3)}, {@code 9 is greater than 5}. */
  private static String limit(String error) {
    Matcher m = LIMIT.matcher(error);
    return m.find() ? m.group(1) : null;
  }

  private static String article(String type) {
    return switch (type) {
      case "integer", "object", "array" -> "an " + type;
      case "boolean" -> "true or false";
      default -> "a " + type;
    };
  }

  /** The last keyword of a failure's keyword location ({@code #/properties/email/maxLength} → maxLength). */
  private static String keyword(OutputUnit unit) {
    String location = String.valueOf(unit.getKeywordLocation());
    int slash = location.lastIndexOf('/');
    return slash < 0 ? location : location.substring(slash + 1);
  }

  /** A JSON pointer ({@code #/items/0/vector}) as our JSON path ({@code items[0].vector}). */
  static String path(String pointer) {
    if (pointer == null) {
      return "";
    }
    String p = pointer.startsWith("#") ? pointer.substring(1) : pointer;
    StringBuilder out = new StringBuilder();
    for (String segment : p.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      String name = segment.replace("~1", "/").replace("~0", "~");
      if (name.chars().allMatch(Character::isDigit)) {
        out.append('[').append(name).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(name);
      }
    }
    return out.toString();
  }
}
