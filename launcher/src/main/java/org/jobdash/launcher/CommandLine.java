package org.jobdash.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The command line: its arguments parsed into a {@link Command}, and the usage text a mistake prints. */
final class CommandLine {

  static final String USAGE = """
      usage: java -jar jobdash.jar [run] [--service all|user|resume|ai|gateway[,…]] [--cluster] [--config file.json]
             java -jar jobdash.jar migrate [--service …] [--config file.json]
             java -jar jobdash.jar rollback --service user|resume|ai --to VERSION [--config file.json]

      With no --service, every service and the gateway (port 8080) run in this JVM. --cluster joins the
      Hazelcast cluster of the other processes (CLUSTER_MEMBERS, CLUSTER_HOST, EVENT_BUS_HOST).
      With no database URL configured, an embedded PostgreSQL 17 keeps its data under ./data/.
      Databases: USER_SERVICE_DATABASE_URL, RESUME_SERVICE_DATABASE_URL, AI_SERVICE_DATABASE_URL
      (or DATABASE_URL with a single --service), in the form postgresql://user:password@host:port/database.
      Any setting: JOBDASH__section__key=value, e.g. JOBDASH__user__http__port=9081.""";

  /** A command line that cannot be run: printed with {@link #USAGE}. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  private CommandLine() {}

  static Command parse(String... args) {
    Command.Verb verb = Command.Verb.RUN;
    Set<Service> services = null;
    boolean gateway = false;
    boolean cluster = false;
    Path config = null;
    Integer to = null;
    List<String> rest = new ArrayList<>(List.of(args));
    if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
      verb = verb(rest.remove(0));
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
        case "-h", "--help" -> verb = Command.Verb.HELP;
        default -> throw new UsageException("unknown argument " + arg);
      }
    }
    if (verb == Command.Verb.ROLLBACK && (services == null || services.size() != 1 || to == null)) {
      throw new UsageException("rollback needs one --service and --to VERSION");
    }
    if (services == null) {
      services = EnumSet.allOf(Service.class);
      gateway = true;
    }
    return new Command(verb, services, gateway, cluster, config, to);
  }

  private static Command.Verb verb(String word) {
    return switch (word) {
      case "run" -> Command.Verb.RUN;
      case "migrate" -> Command.Verb.MIGRATE;
      case "rollback" -> Command.Verb.ROLLBACK;
      case "help" -> Command.Verb.HELP;
      default -> throw new UsageException("unknown command " + word);
    };
  }

  private static String value(List<String> args, int i, String flag) {
    if (i >= args.size()) {
      throw new UsageException(flag + " needs a value");
    }
    return args.get(i);
  }

  private static Set<Service> services(String list) {
    Set<Service> out = EnumSet.noneOf(Service.class);
    for (String item : list.split(",")) {
      String name = item.strip().toLowerCase(Locale.ROOT);
      if ("all".equals(name)) {
        out.addAll(EnumSet.allOf(Service.class));
      } else if (!"gateway".equals(name)) {
        try {
          out.add(Service.of(name));
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage());
        }
      }
    }
    return out;
  }
}
