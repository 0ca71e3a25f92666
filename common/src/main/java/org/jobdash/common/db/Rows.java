package org.jobdash.common.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.data.Numeric;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The one mapping of column values to what clients see, used by every repository: timestamps as ISO-8601 instants
 * in UTC with a {@code Z}, UUIDs as text, numerics as doubles, JSONB as it is; and, for the seed's reporting
 * functions and views that are passed on as they are, a whole row as a JSON object with camelCase keys.
 */
public final class Rows {

  private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_INSTANT;

  private Rows() {}

  /** {@code 2026-12-01T22:22:27.123456Z}, or null. */
  public static String iso(OffsetDateTime time) {
    return time == null ? null : INSTANT.format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** A {@code timestamp without time zone} read as UTC. */
  public static String iso(LocalDateTime time) {
    return time == null ? null : INSTANT.format(time.atOffset(ZoneOffset.UTC));
  }

  /**
   * A timestamp inside a JSONB document ({@code jsonb_build_object(..., 'created_at', created_at)}), which
   * PostgreSQL writes as text with the session's offset; null when absent.
   */
  public static OffsetDateTime timestamp(Object jsonValue) {
    return jsonValue == null ? null : OffsetDateTime.parse(jsonValue.toString());
  }

  public static String text(UUID id) {
    return id == null ? null : id.toString();
  }

  /** A column's value as a client sees it. */
  public static Object value(Object v) {
    if (v instanceof OffsetDateTime t) {
      return iso(t);
    }
    if (v instanceof LocalDateTime t) {
      return iso(t);
    }
    if (v instanceof UUID u) {
      return u.toString();
    }
    if (v instanceof Numeric n) {
      return n.doubleValue();
    }
    if (v instanceof java.math.BigDecimal d) {
      return d.doubleValue();
    }
    return v;
  }

  /** A nullable numeric column as a double. */
  public static Double number(Row row, String column) {
    Object v = row.getValue(column);
    return v instanceof Number n ? n.doubleValue() : null;
  }

  /** A report row as JSON with camelCase keys (read-only reports passed to clients as they are). */
  public static JsonObject json(Row row) {
    JsonObject out = new JsonObject();
    for (int i = 0; i < row.size(); i++) {
      out.put(camelCase(row.getColumnName(i)), value(row.getValue(i)));
    }
    return out;
  }

  public static JsonArray json(Iterable<Row> rows) {
    JsonArray out = new JsonArray();
    rows.forEach(r -> out.add(json(r)));
    return out;
  }

  static String camelCase(String column) {
    StringBuilder b = new StringBuilder(column.length());
    boolean upper = false;
    for (int i = 0; i < column.length(); i++) {
      char c = column.charAt(i);
      if (c == '_') {
        upper = b.length() > 0;
      } else {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return b.toString();
  }
}
