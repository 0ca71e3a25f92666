package org.jobdash.common.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fast yes for the common case of {@link RequestContract}: a schema of a service's document compiled once into a
 * check that answers {@code true} only when the value is certainly valid, for the plain keywords most request
 * schemas are made of (type, const, enum of texts, lengths, bounds, required, properties, additionalProperties,
 * items, item counts, anyOf, local {@code $ref}). {@code false} means "not sure": the caller then asks
 * vertx-json-schema, which decides and words the errors. So the answer of a request is always the library's; this
 * only spares its interpreter (about an eighth of a refresh's event-loop time) for requests that are valid.
 *
 * <p>A schema with any keyword outside that set ({@code format}, {@code pattern}, {@code oneOf}, a reference into
 * another document…) does not compile ({@link #compile} returns null) and is always left to the library.
 */
public final class QuickSchema {

  /** A compiled schema: true only when {@code value} is valid. */
  public interface Check {
    boolean valid(Object value);
  }

  /** Keywords that do not constrain a value. */
  private static final Set<String> ANNOTATIONS = Set.of("description", "examples", "example", "default", "title",
      "deprecated", "readOnly", "writeOnly", "$comment");
  private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "object", "array",
      "null");

  private final JsonObject document;
  /** Compiled references by pointer; a reference being compiled is resolved when first used (recursion). */
  private final Map<String, Check[]> references = new HashMap<>();

  private QuickSchema(JsonObject document) {
    this.document = document;
  }

  /** The check of {@code schema} (a part of {@code document}), or null when it uses a keyword this does not read. */
  public static Check compile(JsonObject document, Object schema) {
    try {
      return new QuickSchema(document).node(schema);
    } catch (Unsupported e) {
      return null;
    }
  }

  private static final class Unsupported extends RuntimeException {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  private Check node(Object schema) {
    if (Boolean.TRUE.equals(schema)) {
      return v -> true;
    }
    if (!(schema instanceof JsonObject s)) {
      throw new Unsupported("schema " + schema);
    }
    List<Check> checks = new ArrayList<>();
    for (String key : s.fieldNames()) {
      if (ANNOTATIONS.contains(key) || key.startsWith("x-")) {
        continue;
      }
      Object v = s.getValue(key);
      switch (key) {
        case "$ref" -> checks.add(reference(v));
        case "type" -> checks.add(type(v));
        case "const" -> checks.add(oneOfTexts(new JsonArray().add(v)));
        case "enum" -> checks.add(oneOfTexts(v));
        case "minLength" -> {
          int min = count(v);
          // code points, as JSON Schema counts: never more than the UTF-16 length
          checks.add(x -> !(x instanceof String t) || t.length() >= min && t.codePointCount(0, t.length()) >= min);
        }
        case "maxLength" -> {
          int max = count(v);
          checks.add(x -> !(x instanceof String t) || t.length() <= max || t.codePointCount(0, t.length()) <= max);
        }
        case "minimum" -> {
          double min = bound(v);
          checks.add(x -> !isNumber(x) || plainNumber(x) && ((Number) x).doubleValue() >= min);
        }
        case "maximum" -> {
          double max = bound(v);
          checks.add(x -> !isNumber(x) || plainNumber(x) && ((Number) x).doubleValue() <= max);
        }
        case "minItems" -> {
          int min = count(v);
          checks.add(x -> !(x instanceof JsonArray a) || a.size() >= min);
        }
        case "maxItems" -> {
          int max = count(v);
          checks.add(x -> !(x instanceof JsonArray a) || a.size() <= max);
        }
        case "required" -> checks.add(required(v));
        case "properties", "additionalProperties" -> {
          // read together, once
        }
        case "items" -> {
          Check item = node(v);
          checks.add(x -> {
            if (!(x instanceof JsonArray a)) {
              return true;
            }
            for (int i = 0; i < a.size(); i++) {
              if (!item.valid(a.getValue(i))) {
                return false;
              }
            }
            return true;
          });
        }
        case "anyOf" -> {
          if (!(v instanceof JsonArray branches) || branches.isEmpty()) {
            throw new Unsupported("anyOf " + v);
          }
          List<Check> any = new ArrayList<>();
          for (Object b : branches) {
            any.add(node(b));
          }
          checks.add(x -> {
            for (Check c : any) {
              if (c.valid(x)) {
                return true;
              }
            }
            return false;
          });
        }
        default -> throw new Unsupported(key);
      }
    }
    if (s.containsKey("properties") || s.containsKey("additionalProperties")) {
      checks.add(members(s.getValue("properties"), s.getValue("additionalProperties")));
    }
    Check[] all = checks.toArray(Check[]::new);
    return x -> {
      for (Check c : all) {
        if (!c.valid(x)) {
          return false;
        }
      }
      return true;
    };
  }

  private Check reference(Object ref) {
    if (!(ref instanceof String pointer) || !pointer.startsWith("#/")) {
      throw new Unsupported("$ref " + ref);
    }
    Check[] slot = references.get(pointer);
    if (slot == null) {
      slot = new Check[1];
      references.put(pointer, slot);
      Object target = document;
      for (String part : pointer.substring(2).split("/", -1)) {
        String name = part.replace("~1", "/").replace("~0", "~");
        if (!(target instanceof JsonObject o) || !o.containsKey(name)) {
          throw new Unsupported("$ref " + pointer);
        }
        target = o.getValue(name);
      }
      slot[0] = node(target);
    }
    Check[] resolved = slot;
    return x -> resolved[0].valid(x);
  }

  private static Check type(Object v) {
    List<String> types = new ArrayList<>();
    if (v instanceof String t) {
      types.add(t);
    } else if (v instanceof JsonArray a) {
      for (Object t : a) {
        types.add(String.valueOf(t));
      }
    }
    if (types.isEmpty() || !TYPES.containsAll(types)) {
      throw new Unsupported("type " + v);
    }
    String[] allowed = types.toArray(String[]::new);
    return x -> {
      for (String t : allowed) {
        if (hasType(x, t)) {
          return true;
        }
      }
      return false;
    };
  }

  private static boolean hasType(Object x, String type) {
    return switch (type) {
      case "string" -> x instanceof String;
      case "boolean" -> x instanceof Boolean;
      case "null" -> x == null;
      case "object" -> x instanceof JsonObject;
      case "array" -> x instanceof JsonArray;
      case "number" -> isNumber(x) && plainNumber(x);
      // an integral number that the library reads as an integer; 1.0 is left to it
      case "integer" -> x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte;
      default -> false;
    };
  }

  private static boolean isNumber(Object x) {
    return x instanceof Number;
  }

  /** Numbers whose double value is exact enough to compare with a bound; BigDecimal and BigInteger are left over. */
  private static boolean plainNumber(Object x) {
    if (x instanceof Long l) {
      return Math.abs(l) < (1L << 53);
    }
    return x instanceof Integer || x instanceof Short || x instanceof Byte
        || x instanceof Double d && Double.isFinite(d) || x instanceof Float f && Float.isFinite(f);
  }

  /** const and enum, when every allowed value is a text (the common case: tones, levels, kinds). */
  private static Check oneOfTexts(Object v) {
    if (!(v instanceof JsonArray values) || values.isEmpty()) {
      throw new Unsupported("enum " + v);
    }
    List<String> texts = new ArrayList<>();
    for (Object value : values) {
      if (!(value instanceof String t)) {
        throw new Unsupported("enum of " + value);
      }
      texts.add(t);
    }
    Set<String> allowed = Set.copyOf(texts);
    return x -> x instanceof String t && allowed.contains(t);
  }

  private static Check required(Object v) {
    if (!(v instanceof JsonArray names)) {
      throw new Unsupported("required " + v);
    }
    String[] keys = names.stream().map(String::valueOf).toArray(String[]::new);
    return x -> {
      if (!(x instanceof JsonObject o)) {
        return true;
      }
      for (String k : keys) {
        if (!o.containsKey(k)) {
          return false;
        }
      }
      return true;
    };
  }

  private Check members(Object properties, Object additional) {
    Map<String, Check> declared = new HashMap<>();
    if (properties != null) {
      if (!(properties instanceof JsonObject p)) {
        throw new Unsupported("properties " + properties);
      }
      for (String name : p.fieldNames()) {
        declared.put(name, node(p.getValue(name)));
      }
    }
    Check others = additional == null ? v -> true : Boolean.FALSE.equals(additional) ? v -> false : node(additional);
    return x -> {
      if (!(x instanceof JsonObject o)) {
        return true;
      }
      for (Map.Entry<String, Object> e : o) {
        Check c = declared.get(e.getKey());
        if (!(c == null ? others : c).valid(wrap(e.getValue()))) {
          return false;
        }
      }
      return true;
    };
  }

  /** A member as the library sees it: nested maps and lists as JSON objects and arrays. */
  @SuppressWarnings("unchecked")
  private static Object wrap(Object v) {
    if (v instanceof Map<?, ?> m) {
      return new JsonObject((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      return new JsonArray((List<Object>) l);
    }
    return v;
  }

  private static int count(Object v) {
    if (!(v instanceof Integer n) || n < 0) {
      throw new Unsupported("count " + v);
    }
    return n;
  }

  private static double bound(Object v) {
    if (!(v instanceof Integer || v instanceof Long || v instanceof Double)) {
      throw new Unsupported("bound " + v);
    }
    return ((Number) v).doubleValue();
  }
}
