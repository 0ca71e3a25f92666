package org.jobdash.migrations;

import org.jobdash.common.db.DatabaseUrl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** What a migrated database holds, read from pg_catalog: our tables, functions, views, indexes and triggers. */
record Catalog(TreeSet<String> tables, TreeSet<String> functions, TreeSet<String> views, TreeSet<String> indexes,
               TreeSet<String> triggers) {

  static Catalog read(DatabaseUrl url) throws SQLException {
    try (Connection c = connect(url)) {
      return new Catalog(
          names(c, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'"),
          names(c, "SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' FROM pg_proc p "
              + "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.prokind IN ('f','p') "
              + "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')"),
          names(c, "SELECT viewname FROM pg_views WHERE schemaname = 'public'"),
          names(c, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'"),
          names(c, "SELECT tgrelid::regclass || '.' || tgname FROM pg_trigger WHERE NOT tgisinternal"));
    }
  }

  static Connection connect(DatabaseUrl url) throws SQLException {
    return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
  }

  static void execute(DatabaseUrl url, String sql) throws SQLException {
    try (Connection c = connect(url); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** Runs a query and returns its rows' first columns as text. */
  static List<String> query(DatabaseUrl url, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static TreeSet<String> names(Connection c, String sql) throws SQLException {
    TreeSet<String> out = new TreeSet<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  boolean isEmpty() {
    return tables.isEmpty() && functions.isEmpty() && views.isEmpty() && indexes.isEmpty() && triggers.isEmpty();
  }
}
