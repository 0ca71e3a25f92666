package org.jobdash.load;

import org.jobdash.common.db.DatabaseUrl;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The command line of {@link LoadTest}. */
public record Options(URI baseUrl, DatabaseUrl dbServer, Path out, boolean smoke, boolean jfr, Path launcherJar,
                      List<Integer> scenarios, int wideConnections, int attackers) {

  static final String USAGE = """
      usage: java -jar load/target/load.jar [--smoke] [--jfr] [--out FILE] [--scenarios 1,2,…]
               [--launcher launcher/target/jobdash.jar] [--connections N] [--attackers N]
               [--base-url http://127.0.0.1:8080 --db-url postgresql://user:pw@127.0.0.1:5432]

      Runs every scenario against its floor and prints the table (and writes it as JSON, by default to
      load/target/load-results.json). With no --base-url it starts the system itself (java -jar on the launcher
      jar, an embedded PostgreSQL in a temporary folder, free ports on 127.0.0.1) and stops it at the end.
      --base-url/--db-url: a system already running on 127.0.0.1 and its PostgreSQL server (the harness seeds
        sessions and runs the floors there; both are needed).
      --smoke: a few seconds a side, one rate step (proves the harness works; the figures mean little).
      --jfr: Java Flight Recorder: the services and the bare read server record their whole run, each
        scenario's slice is dumped beside the JSON file, this JVM records each scenario, and the table
        ends with the hottest methods of each side.
      --connections N: the keep-alive connections of scenario 6 (default 2000).
      --attackers N: the clients that send hostile inputs in scenario 7 (default one per core).""";

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost");

  static Options parse(String[] args) {
    URI base = null;
    DatabaseUrl db = null;
    Path out = Path.of("load/target/load-results.json");
    boolean smoke = false;
    boolean jfr = false;
    Path launcher = Path.of("launcher/target/jobdash.jar");
    List<Integer> scenarios = List.of(1, 2, 3, 4, 5, 6, 7);
    int connections = 2000;
    int attackers = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--smoke" -> smoke = true;
        case "--jfr" -> jfr = true;
        case "--out" -> out = Path.of(value(args, ++i, arg));
        case "--launcher" -> launcher = Path.of(value(args, ++i, arg));
        case "--base-url" -> base = loopbackUrl(value(args, ++i, arg));
        case "--db-url" -> db = database(value(args, ++i, arg));
        case "--scenarios" -> scenarios = numbers(value(args, ++i, arg));
        case "--connections" -> connections = positive(value(args, ++i, arg), arg);
        case "--attackers" -> attackers = positive(value(args, ++i, arg), arg);
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    if ((base == null) != (db == null)) {
      throw new IllegalArgumentException("--base-url and --db-url go together (the floors need the database)");
    }
    return new Options(base, db, out, smoke, jfr, launcher, scenarios, connections, attackers);
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }

  private static URI loopbackUrl(String text) {
    try {
      URI uri = new URI(text);
      if (!"http".equals(uri.getScheme()) || uri.getHost() == null || !LOOPBACK.contains(uri.getHost())) {
        throw new IllegalArgumentException("--base-url must be http://127.0.0.1:PORT (this harness loads only the"
            + " local machine), was " + text);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--base-url is not a URL: " + e.getMessage());
    }
  }

  /** A server URL; its database part, if any, is replaced by each service's database. */
  private static DatabaseUrl database(String text) {
    String withPath = text.replaceFirst("^((?:jdbc:)?postgres(?:ql)?://[^/?]+)/?(\\?.*)?$", "$1/postgres$2");
    DatabaseUrl url = DatabaseUrl.parse("--db-url", withPath);
    if (!LOOPBACK.contains(url.host())) {
      throw new IllegalArgumentException("--db-url must be on 127.0.0.1, was " + url.host());
    }
    return url;
  }

  private static List<Integer> numbers(String list) {
    List<Integer> out = new ArrayList<>();
    for (String part : list.split(",")) {
      int n = positive(part.strip(), "--scenarios");
      if (n > 7) {
        throw new IllegalArgumentException("--scenarios are 1 to 7, was " + n);
      }
      out.add(n);
    }
    return out;
  }

  private static int positive(String text, String flag) {
    try {
      int n = Integer.parseInt(text);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException(flag + " needs a positive number, was " + text);
  }
}
