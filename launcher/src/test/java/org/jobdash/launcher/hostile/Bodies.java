package org.jobdash.launcher.hostile;

import org.jobdash.common.testing.hostile.HostileJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON bodies as trees of maps and lists: one value changed at a path, or padded to an exact size. */
final class Bodies {

  private Bodies() {}

  /** A deep copy of {@code body} with {@code value} at {@code path} (maps and lists on the way made as needed). */
  static Map<String, Object> with(Map<String, Object> body, List<Object> path, Object value) {
    Map<String, Object> copy = copyMap(body);
    Object parent = copy;
    for (int i = 0; i < path.size() - 1; i++) {
      Object child = get(parent, path.get(i));
      if (!(child instanceof Map || child instanceof List)) {
        child = path.get(i + 1) instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>();
        put(parent, path.get(i), child);
      }
      parent = child;
    }
    put(parent, path.get(path.size() - 1), value);
    return copy;
  }

  /** The value at {@code path}, or null. */
  static Object at(Map<String, Object> body, List<Object> path) {
    Object node = body;
    for (Object key : path) {
      boolean follows = node instanceof Map && key instanceof String || node instanceof List && key instanceof Integer;
      node = follows ? get(node, key) : null;
    }
    return node;
  }

  private static Object get(Object container, Object key) {
    if (container instanceof Map<?, ?> map && key instanceof String k) {
      return map.get(k);
    }
    if (container instanceof List<?> list && key instanceof Integer i) {
      return i < list.size() ? list.get(i) : null;
    }
    throw new IllegalArgumentException("no " + key + " in " + container.getClass().getSimpleName());
  }

  @SuppressWarnings("unchecked")
  private static void put(Object container, Object key, Object value) {
    if (container instanceof Map<?, ?> map && key instanceof String k) {
      ((Map<String, Object>) map).put(k, value);
    } else if (container instanceof List<?> list && key instanceof Integer i) {
      if (i < list.size()) {
        ((List<Object>) list).set(i, value);
      } else {
        ((List<Object>) list).add(value);
      }
    } else {
      throw new IllegalArgumentException("cannot put " + key + " in " + container.getClass().getSimpleName());
    }
  }

  /** {@code body} with a {@code padding} property of letters making it exactly {@code bytes} bytes of UTF-8. */
  static byte[] padded(Map<String, Object> body, int bytes) {
    int bare = HostileJson.bytes(with(body, List.of("padding"), "")).length;
    byte[] out = HostileJson.bytes(with(body, List.of("padding"), "p".repeat(Math.max(0, bytes - bare))));
    if (out.length != bytes) {
      throw new IllegalStateException("padding made " + out.length + " bytes, not " + bytes);
    }
    return out;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> copyMap(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, copyValue(v)));
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return copyMap((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(item -> copy.add(copyValue(item)));
      return copy;
    }
    return v;
  }
}
