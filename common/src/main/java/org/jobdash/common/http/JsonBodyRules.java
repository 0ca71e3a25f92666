package org.jobdash.common.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * What every JSON body must be, whatever the route does with it: no NUL characters and no unpaired UTF-16
 * surrogates in any key or string at any depth (PostgreSQL refuses the first, and the second is not text), no
 * number beyond a double's range, and no deeper than {@link #MAX_DEPTH} levels of objects and arrays. A violation names the field by its JSON path,
 * e.g. {@code projects[0].links["a b"]}.
 */
public final class JsonBodyRules {

  /** Levels of nested objects and arrays a body may have; the body itself is level 1. */
  public static final int MAX_DEPTH = 32;
  /** Violations reported in one answer; a body full of them is refused just the same. */
  static final int MAX_ERRORS = 20;

  private JsonBodyRules() {}

  /** One value still to look at, with where it sits (rendered into a path only when it is at fault). */
  private record Node(Object value, Node parent, String key, int index, int depth) {}

  /** The violations in {@code document} (a parsed JSON value), in document order, at most {@link #MAX_ERRORS}. */
  public static List<ApiException.FieldError> violations(Object document) {
    List<ApiException.FieldError> errors = new ArrayList<>();
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(new Node(document, null, null, -1, 1));
    while (!pending.isEmpty() && errors.size() < MAX_ERRORS) {
      Node node = pending.pop();
      Object value = node.value();
      if (value instanceof JsonObject object) {
        value = object.getMap();
      } else if (value instanceof JsonArray array) {
        value = array.getList();
      }
      if (value instanceof String text) {
        String fault = fault(text);
        if (fault != null) {
          errors.add(new ApiException.FieldError(path(node), "must not contain " + fault));
        }
      } else if (value instanceof Double d && d.isInfinite()) {
        // what the parser makes of 1e999: kept, it would be stored as the text "Infinity"
        errors.add(new ApiException.FieldError(path(node), "is a number too large to represent"));
      } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
        if (node.depth() > MAX_DEPTH) {
          errors.add(new ApiException.FieldError(path(node), "is nested more than " + MAX_DEPTH + " levels deep"));
          continue;
        }
        List<Node> children = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
          for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Node child = new Node(entry.getValue(), node, key, -1, node.depth() + 1);
            String fault = fault(key);
            if (fault != null) {
              errors.add(new ApiException.FieldError(path(child), "has a name that contains " + fault));
            }
            children.add(child);
          }
        } else {
          int i = 0;
          for (Object item : (List<?>) value) {
            children.add(new Node(item, node, null, i++, node.depth() + 1));
          }
        }
        // pushed last-first so that they are looked at in document order
        for (int i = children.size() - 1; i >= 0; i--) {
          pending.push(children.get(i));
        }
      }
    }
    return errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
  }

  /** Why {@code text} is not acceptable, or null. */
  static String fault(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return "NUL characters";
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "unpaired UTF-16 surrogates (it is not valid Unicode text)";
      }
    }
    return null;
  }

  /** {@code a.b[2]["odd key"]}: names as they are when they are plain, quoted and escaped otherwise. */
  static String path(Node node) {
    List<Node> chain = new ArrayList<>();
    for (Node n = node; n != null && n.parent() != null; n = n.parent()) {
      chain.add(n);
    }
    if (chain.isEmpty()) {
      return "(body)";
    }
    StringBuilder out = new StringBuilder();
    for (int i = chain.size() - 1; i >= 0; i--) {
      Node n = chain.get(i);
      if (n.key() == null) {
        out.append('[').append(n.index()).append(']');
      } else if (isPlain(n.key())) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(n.key());
      } else {
        out.append("[\"");
        escape(n.key(), out);
        out.append("\"]");
      }
    }
    return out.toString();
  }

  private static boolean isPlain(String key) {
    if (key.isEmpty() || !(Character.isLetter(key.charAt(0)) || key.charAt(0) == '_') || key.charAt(0) > 0x7e) {
      return false;
    }
    for (int i = 1; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c > 0x7e || !(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static void escape(String key, StringBuilder out) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c) || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
  }
}
