package org.jobdash.launcher;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.config.ConfigLoader;
import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.db.EmbeddedDatabase;
import org.jobdash.common.db.Migrations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: run services (the default), {@code migrate}, or {@code rollback}. Failures print one line
 * and exit non-zero.
 */
public final class Main {

  private static final String USAGE = """
      usage: java -jar jobdash.jar [run] [--service all|user|resume|ai|gateway[,…]] [--cluster] [--config file.json]
             java -jar jobdash.jar migrate [--service …] [--config file.json]
             java -jar jobdash.jar rollback --service user|resume|ai --to VERSION [--config file.json]

      With no --service, every service and the gateway (port 8080) run in this JVM. --cluster joins the
      Hazelcast cluster of the other processes (CLUSTER_MEMBERS, CLUSTER_HOST, EVENT_BUS_HOST).
      With no database URL configured, an embedded PostgreSQL 17 keeps its data under ./data/.
      Databases: USER_SERVICE_DATABASE_URL, RESUME_SERVICE_DATABASE_URL, AI_SERVICE_DATABASE_URL
      (or DATABASE_URL with a single --service), in the form postgresql://user:password@host:port/database.
      Any setting: JOBDASH__section__key=value, e.g. JOBDASH__user__http__port=9081.""";

  private Main() {}

  public static void main(String[] args) {
    try {
      run(args, System.getenv());
    } catch (UsageException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    } catch (Migrations.MigrationFailed | IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    } catch (Exception e) {
      System.err.println("error: " + e);
      System.exit(1);
    }
  }

  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  /** Parsed command line. */
  record Command(String verb, Set<Service> services, boolean gateway, boolean cluster, Path configFile,
                 Integer targetVersion) {}

  static Command parse(String[] args) {
    String verb = "run";
    Set<Service> services = null;
    boolean gateway = false;
    boolean cluster = false;
    Path config = null;
    Integer to = null;
    List<String> rest = new ArrayList<>(List.of(args));
    if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
      verb = rest.remove(0);
    }
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      switch (arg) {
        case "--service" -> {
          String list = value(rest, ++i, arg);
          services = services(list);
          gateway = list.matches("(?i).*\\b(gateway|all)\\b.*");
        }
        case "--cluster" -> cluster = true;
        case "--config" -> config = Path.of(value(rest, ++i, arg));
        case "--to" -> {
          try {
            to = Integer.parseInt(value(rest, ++i, arg));
          } catch (NumberFormatException e) {
            throw new UsageException("--to needs a version number, e.g. --to 2");
          }
        }
        case "-h", "--help" -> verb = "help";
        default -> throw new UsageException("unknown argument " + arg);
      }
    }
    if (!Set.of("run", "migrate", "rollback", "help").contains(verb)) {
      throw new UsageException("unknown command " + verb);
    }
    if ("rollback".equals(verb) && (services == null || services.size() != 1 || to == null)) {
      throw new UsageException("rollback needs one --service and --to VERSION");
    }
    if (services == null) {
      services = EnumSet.allOf(Service.class);
      gateway = true;
    }
    return new Command(verb, services, gateway, cluster, config, to);
  }

  private static String value(List<String> args, int i, String flag) {
    if (i >= args.size()) {
      throw new UsageException(flag + " needs a value");
    }
    return args.get(i);
  }

  private static Set<Service> services(String list) {
    Set<Service> out = EnumSet.noneOf(Service.class);
    for (String name : list.split(",")) {
      if ("gateway".equalsIgnoreCase(name.strip())) {
        continue;
      }
      if ("all".equalsIgnoreCase(name.strip())) {
        out.addAll(EnumSet.allOf(Service.class));
      } else {
        try {
          out.add(Service.of(name.strip()));
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage());
        }
      }
    }
    return out;
  }

  /** The merged configuration: defaults, the file, then the environment. */
  static JsonObject configuration(Command command, Map<String, String> env) {
    JsonObject defaults = ConfigLoader.resource("jobdash-defaults.json");
    JsonObject file = command.configFile() == null ? null : ConfigLoader.file(command.configFile());
    Map<String, String> aliases = new LinkedHashMap<>();
    aliases.put("JOBDASH_DATA_DIR", "embedded.dataDir");
    aliases.put("EMBEDDED_POSTGRES_PORT", "embedded.port");
    for (Service s : Service.values()) {
      aliases.put(s.urlVariable, s.key + ".database.url");
      aliases.put(s.key.toUpperCase() + "_SERVICE_PORT", s.key + ".http.port");
    }
    aliases.put("JWT_PRIVATE_KEY_PEM", "user.jwt.privateKeyPem");
    aliases.put("JWT_PUBLIC_KEY_PEM", "user.jwt.publicKeyPem");
    aliases.put("MAIL_MODE", "user.mail.mode");
    aliases.put("SMTP_HOST", "user.mail.smtpHost");
    aliases.put("SMTP_PORT", "user.mail.smtpPort");
    aliases.put("SMTP_USER", "user.mail.smtpUser");
    aliases.put("SMTP_PASSWORD", "user.mail.smtpPassword");
    aliases.put("OPENAI_API_KEY", "ai.providers.openai.apiKey");
    aliases.put("ANTHROPIC_API_KEY", "ai.providers.anthropic.apiKey");
    aliases.put("GATEWAY_PORT", "gateway.http.port");
    aliases.put("USER_SERVICE_URL", "gateway.routes.user");
    aliases.put("RESUME_SERVICE_URL", "gateway.routes.resume");
    aliases.put("AI_SERVICE_URL", "gateway.routes.ai");
    aliases.put("JWKS_URL", "resume.jwt.jwksUrl,ai.jwt.jwksUrl");
    aliases.put("CLUSTER_MEMBERS", "cluster.members");
    aliases.put("CLUSTER_HOST", "cluster.interface");
    aliases.put("CLUSTER_PORT", "cluster.port");
    aliases.put("EVENT_BUS_HOST", "cluster.eventBusHost");
    aliases.put("EVENT_BUS_PORT", "cluster.eventBusPort");
    aliases.put("EVENT_BUS_PUBLIC_HOST", "cluster.eventBusPublicHost");
    JsonObject config = ConfigLoader.merge(defaults, file, env, aliases);
    String single = env.get("DATABASE_URL");
    if (single != null && !single.isBlank()) {
      if (command.services().size() != 1) {
        throw new IllegalArgumentException("DATABASE_URL serves one service: start it with --service user|resume|ai,"
            + " or set USER_SERVICE_DATABASE_URL, RESUME_SERVICE_DATABASE_URL and AI_SERVICE_DATABASE_URL");
      }
      Service s = command.services().iterator().next();
      config.getJsonObject(s.key).getJsonObject("database").put("url", single);
    }
    return derive(config, command);
  }

  /**
   * Settings that follow others unless given: key and file folders under the data directory, the JWKS URL, the
   * gateway's backends, and where the services listen: on loopback when the gateway in this same process is the
   * only way in, on every interface otherwise (a cluster, or a service run on its own).
   */
  static JsonObject derive(JsonObject config, Command command) {
    String serviceHost = command.gateway() && !command.cluster() ? "127.0.0.1" : "0.0.0.0";
    for (Service s : Service.values()) {
      JsonObject http = config.getJsonObject(s.key).getJsonObject("http");
      if (http.getString("host") == null) {
        http.put("host", serviceHost);
      }
    }
    String dataDir = config.getJsonObject("embedded").getString("dataDir", "./data");
    JsonObject jwt = config.getJsonObject("user").getJsonObject("jwt");
    if (jwt.getString("keyDirectory") == null) {
      jwt.put("keyDirectory", Path.of(dataDir, "jwt").toString());
    }
    int userPort = config.getJsonObject("user").getJsonObject("http").getInteger("port");
    for (String s : new String[] {"resume", "ai"}) {
      JsonObject verify = config.getJsonObject(s).getJsonObject("jwt");
      if (verify.getString("jwksUrl") == null) {
        verify.put("jwksUrl", "http://127.0.0.1:" + userPort + "/.well-known/jwks.json");
      }
      config.getJsonObject(s).put("dataDir", dataDir);
    }
    JsonObject routes = config.getJsonObject("gateway").getJsonObject("routes");
    for (String s : new String[] {"user", "resume", "ai"}) {
      if (routes.getString(s) == null) {
        routes.put(s, "http://127.0.0.1:" + config.getJsonObject(s).getJsonObject("http").getInteger("port"));
      }
    }
    return config;
  }

  static void run(String[] args, Map<String, String> env) throws Exception {
    Command command = parse(args);
    if ("help".equals(command.verb())) {
      System.out.println(USAGE);
      return;
    }
    JsonObject config = configuration(command, env);
    switch (command.verb()) {
      case "migrate" -> migrate(config, command.services());
      case "rollback" -> rollback(config, command.services().iterator().next(), command.targetVersion());
      default -> serve(config, command);
    }
  }

  private static void serve(JsonObject config, Command command) throws Exception {
    if (command.services().isEmpty() && !command.gateway()) {
      throw new UsageException("nothing to run");
    }
    Launcher.Running running = Launcher.start(config, command.services(), command.gateway(), command.cluster(),
        Launcher.vertxBuilder());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("stopping…");
      try {
        running.close();
        System.out.println("stopped");
      } catch (Exception e) {
        System.err.println("error while stopping: " + e);
      }
    }, "jobdash-shutdown"));
    List<String> names = new ArrayList<>(Launcher.names(command.services()));
    if (command.gateway()) {
      names.add(0, "gateway");
    }
    System.out.println("Job Dashboard is up" + (command.cluster() ? " (clustered)" : "") + ": "
        + String.join(", ", names.stream().map(s -> s + " http://localhost:" + running.port(s)).toList())
        + " (Ctrl-C stops)");
  }

  private static void migrate(JsonObject config, Set<Service> services) throws Exception {
    EmbeddedDatabase[] embedded = new EmbeddedDatabase[1];
    try {
      Map<Service, DatabaseUrl> urls = Launcher.databases(config, services, embedded);
      for (Service s : services) {
        int applied = new Migrations(s.key, urls.get(s)).migrate();
        System.out.println(s.key + ": " + applied + " migration(s) applied");
      }
    } finally {
      if (embedded[0] != null) {
        embedded[0].close();
      }
    }
  }

  private static void rollback(JsonObject config, Service service, int version) throws Exception {
    EmbeddedDatabase[] embedded = new EmbeddedDatabase[1];
    try {
      DatabaseUrl url = Launcher.databases(config, EnumSet.of(service), embedded).get(service);
      List<Integer> undone = new Migrations(service.key, url).rollbackTo(version);
      System.out.println(service.key + ": rolled back " + (undone.isEmpty() ? "nothing" : "versions " + undone)
          + "; now at version " + version);
    } finally {
      if (embedded[0] != null) {
        embedded[0].close();
      }
    }
  }
}
