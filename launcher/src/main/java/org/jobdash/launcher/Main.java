package org.jobdash.launcher;

import io.vertx.core.json.JsonObject;
import org.jobdash.common.db.DatabaseUrl;
import org.jobdash.common.db.EmbeddedDatabase;
import org.jobdash.common.db.Migrations;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs what the {@link CommandLine} asks for with the {@link Configuration} it merges: services (the default),
 * {@code migrate}, or {@code rollback}. Failures print one line and exit non-zero.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    try {
      run(args, System.getenv());
    } catch (CommandLine.UsageException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(CommandLine.USAGE);
      System.exit(2);
    } catch (Migrations.MigrationFailed | IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    } catch (Exception e) {
      System.err.println("error: " + e);
      System.exit(1);
    }
  }

  static void run(String[] args, Map<String, String> env) throws Exception {
    Command command = CommandLine.parse(args);
    if (command.verb() == Command.Verb.HELP) {
      System.out.println(CommandLine.USAGE);
      return;
    }
    JsonObject config = Configuration.load(command, env);
    switch (command.verb()) {
      case MIGRATE -> migrate(config, command.services());
      case ROLLBACK -> rollback(config, command.services().iterator().next(), command.targetVersion());
      default -> serve(config, command);
    }
  }

  private static void serve(JsonObject config, Command command) throws Exception {
    if (command.services().isEmpty() && !command.gateway()) {
      throw new CommandLine.UsageException("nothing to run");
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
