package org.jobdash.load.http;

import java.net.URI;

/** Where HTTP requests go: host, port and the path prefix of a base URL. */
public record Target(String host, int port, String prefix) {

  public static Target of(URI base) {
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    return new Target(base.getHost(), base.getPort() > 0 ? base.getPort() : 80,
        path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
  }

  public static Target local(int port) {
    return new Target("127.0.0.1", port, "");
  }

  public String uri(String path) {
    return prefix + path;
  }

  @Override
  public String toString() {
    return "http://" + host + ":" + port + prefix;
  }
}
