package org.jobdash.resume;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.data.Numeric;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A row of one of the seed's reporting functions or views as a JSON object with camelCase keys: numbers as
 * numbers, timestamps as ISO instants, UUIDs as text. Only for read-only reports passed to clients as they are.
 */
public final class RowJson {

  private RowJson() {}

  public static JsonObject of(Row row) {
    JsonObject out = new JsonObject();
    for (int i = 0; i < row.size(); i++) {
      out.put(camelCase(row.getColumnName(i)), value(row.getValue(i)));
    }
    return out;
  }

  public static JsonArray all(Iterable<Row> rows) {
    JsonArray out = new JsonArray();
    rows.forEach(r -> out.add(of(r)));
    return out;
  }

  private static Object value(Object v) {
    if (v instanceof OffsetDateTime t) {
      return Timestamps.iso(t);
    }
    if (v instanceof UUID u) {
      return u.toString();
    }
    if (v instanceof Numeric n) {
      return n.doubleValue();
    }
    return v;
  }

  private static String camelCase(String column) {
    StringBuilder b = new StringBuilder(column.length());
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return b.toString();
  }
}
