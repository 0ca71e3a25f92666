package org.jobdash.common.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a newest-first list read by keyset: the items and the cursor of the next page (null on the last).
 * Repositories read {@code limit + 1} rows and call {@link #of} to tell whether another page follows.
 */
public record Page<T>(List<T> items, String nextCursor) {

  public Page {
    items = List.copyOf(items);
  }

  /**
   * The first {@code limit} of {@code rows} (read with {@code limit + 1}), with a cursor after the last shown when
   * more rows were there.
   */
  public static <T> Page<T> of(List<T> rows, int limit, Function<T, KeysetCursor> position) {
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<T> shown = rows.subList(0, limit);
    return new Page<>(shown, position.apply(shown.get(limit - 1)).encode());
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), nextCursor);
  }

  /** {@code {"items": [...], "nextCursor": "..." | null}}, each item written by {@code item}. */
  public JsonObject toJson(Function<T, JsonObject> item) {
    JsonArray out = new JsonArray();
    items.forEach(i -> out.add(item.apply(i)));
    return new JsonObject().put("items", out).put("nextCursor", nextCursor);
  }
}
