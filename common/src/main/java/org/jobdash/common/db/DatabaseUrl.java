package org.jobdash.common.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PostgreSQL address in the seed's form {@code postgresql://user:pass@host:port/db?sslmode=require}
 * ({@code postgres://} and {@code jdbc:postgresql://} are accepted too).
 */
public record DatabaseUrl(String host, int port, String database, String user, String password,
                          Map<String, String> params) {

  public DatabaseUrl {
    params = Map.copyOf(params);
  }

  /**
   * Parses a URL; {@code source} names where it came from (an environment variable or config key) so that a
   * malformed value gives a one-line error naming it.
   */
  public static DatabaseUrl parse(String source, String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(source + " is empty");
    }
    String s = url.strip();
    if (s.startsWith("jdbc:")) {
      s = s.substring(5);
    }
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(source + " is not a valid URL (" + e.getReason()
          + "); expected postgresql://user:password@host:port/database");
    }
    String scheme = uri.getScheme();
    if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
      throw new IllegalArgumentException(source + " must start with postgresql:// (was " + scheme + "://…)");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException(source + " has no host; expected postgresql://user:password@host:port/database");
    }
    String path = uri.getRawPath();
    if (path == null || path.length() < 2) {
      throw new IllegalArgumentException(source + " names no database; expected postgresql://user:password@host:port/database");
    }
    String user = "postgres";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      if (parts.length > 1) {
        password = decode(parts[1]);
      }
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        String[] kv = pair.split("=", 2);
        params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
    }
    if (params.containsKey("user")) {
      user = params.remove("user");
    }
    if (params.containsKey("password")) {
      password = params.remove("password");
    }
    return new DatabaseUrl(host, uri.getPort() > 0 ? uri.getPort() : 5432, decode(path.substring(1)), user, password,
        params);
  }

  public DatabaseUrl withDatabase(String otherDatabase) {
    return new DatabaseUrl(host, port, otherDatabase, user, password, params);
  }

  public String jdbcUrl() {
    StringBuilder b = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port).append('/')
        .append(database);
    char sep = '?';
    for (var e : params.entrySet()) {
      b.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = '&';
    }
    return b.toString();
  }

  /** The URL without the password, for logs. */
  public String redacted() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }

  /** The URL with its password, in the seed's form. */
  public String toUrl() {
    return "postgresql://" + encode(user) + (password.isEmpty() ? "" : ":" + encode(password)) + "@" + host + ":"
        + port + "/" + encode(database);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return redacted();
  }
}
