package org.jobdash.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.AiConfig;
import org.jobdash.common.config.ConfigLoader;
import org.jobdash.resume.ResumeConfig;
import org.jobdash.user.UserConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationTest {

  @TempDir
  Path dir;

  private static final Command ALL = CommandLine.parse();

  @Test
  void aSettingIsTheDefaultThenTheFileThenItsVariableThenTheGenericVariable() throws IOException {
    Path file = Files.writeString(dir.resolve("jobdash.json"), new JsonObject()
        .put("user", new JsonObject().put("http", new JsonObject().put("port", 9001))
            .put("mail", new JsonObject().put("mode", "smtp")))
        .put("gateway", new JsonObject().put("http", new JsonObject().put("port", 9080))).encode());
    Command withFile = CommandLine.parse("--config", file.toString());

    assertThat(at(Configuration.load(ALL, Map.of()), "user.http.port")).isEqualTo(8081);
    assertThat(at(Configuration.load(withFile, Map.of()), "user.http.port")).isEqualTo(9001);
    assertThat(at(Configuration.load(withFile, Map.of("USER_SERVICE_PORT", "9002")), "user.http.port"))
        .isEqualTo(9002);
    assertThat(at(Configuration.load(withFile, Map.of("USER_SERVICE_PORT", "9002", "JOBDASH__user__http__port",
        "9003")), "user.http.port")).isEqualTo(9003);

    JsonObject fromFile = Configuration.load(withFile, Map.of("GATEWAY_PORT", " "));
    assertThat(at(fromFile, "user.mail.mode")).as("a blank variable is unset").isEqualTo("smtp");
    assertThat(at(fromFile, "gateway.http.port")).isEqualTo(9080);
    assertThat(at(fromFile, "user.mail.smtpPort")).as("the file's section is merged, not replaced").isEqualTo(587);
  }

  @Test
  void everyDocumentedVariableSetsItsSettings() {
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, Object> expected = new LinkedHashMap<>();
    expect(env, expected, "USER_SERVICE_DATABASE_URL", "postgresql://u@db/users", "user.database.url");
    expect(env, expected, "RESUME_SERVICE_DATABASE_URL", "postgresql://u@db/resumes", "resume.database.url");
    expect(env, expected, "AI_SERVICE_DATABASE_URL", "postgresql://u@db/ai", "ai.database.url");
    expect(env, expected, "JOBDASH_DATA_DIR", "/srv/jobdash", "embedded.dataDir", "user.dataDir", "resume.dataDir");
    expectTyped(env, expected, "EMBEDDED_POSTGRES_PORT", "5433", "embedded.port", 5433);
    expectTyped(env, expected, "USER_SERVICE_PORT", "9081", "user.http.port", 9081);
    expectTyped(env, expected, "RESUME_SERVICE_PORT", "9082", "resume.http.port", 9082);
    expectTyped(env, expected, "AI_SERVICE_PORT", "9083", "ai.http.port", 9083);
    expect(env, expected, "JWT_PRIVATE_KEY_PEM", "private pem", "user.jwt.privateKeyPem");
    expect(env, expected, "JWT_PUBLIC_KEY_PEM", "public pem", "user.jwt.publicKeyPem");
    expect(env, expected, "MAIL_MODE", "smtp", "user.mail.mode");
    expect(env, expected, "SMTP_HOST", "mail.example.com", "user.mail.smtpHost");
    expectTyped(env, expected, "SMTP_PORT", "2525", "user.mail.smtpPort", 2525);
    expect(env, expected, "SMTP_USER", "mailer", "user.mail.smtpUser");
    expect(env, expected, "SMTP_PASSWORD", "secret", "user.mail.smtpPassword");
    expect(env, expected, "USER_SECRETS_ENCRYPTION_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "user.secrets.encryptionKey");
    expect(env, expected, "OPENAI_API_KEY", "sk-1", "ai.providers.openai.apiKey");
    expect(env, expected, "ANTHROPIC_API_KEY", "sk-2", "ai.providers.anthropic.apiKey");
    expect(env, expected, "JWKS_URL", "http://keys/jwks.json", "resume.jwt.jwksUrl", "ai.jwt.jwksUrl");
    expectTyped(env, expected, "GATEWAY_PORT", "9080", "gateway.http.port", 9080);
    expect(env, expected, "USER_SERVICE_URL", "http://10.0.0.1:8081", "gateway.routes.user");
    expect(env, expected, "RESUME_SERVICE_URL", "http://10.0.0.2:8082", "gateway.routes.resume");
    expect(env, expected, "AI_SERVICE_URL", "http://10.0.0.3:8083", "gateway.routes.ai");
    expect(env, expected, "CLUSTER_HOST", "10.0.0.1", "cluster.interface");
    expectTyped(env, expected, "CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2:5701", "cluster.members",
        new JsonArray().add("10.0.0.1:5701").add("10.0.0.2:5701"));
    expectTyped(env, expected, "CLUSTER_PORT", "5801", "cluster.port", 5801);
    expect(env, expected, "EVENT_BUS_HOST", "10.0.0.1", "cluster.eventBusHost");
    expectTyped(env, expected, "EVENT_BUS_PORT", "6000", "cluster.eventBusPort", 6000);
    expect(env, expected, "EVENT_BUS_PUBLIC_HOST", "bus.example.com", "cluster.eventBusPublicHost");
    expect(env, expected, "EVENT_BUS_TLS_CERT", "/etc/jobdash/user.pem", "cluster.tls.certificate");
    expect(env, expected, "EVENT_BUS_TLS_KEY", "/etc/jobdash/user.key", "cluster.tls.key");
    expect(env, expected, "EVENT_BUS_TLS_CA", "/etc/jobdash/ca.pem", "cluster.tls.ca");

    JsonObject config = Configuration.load(ALL, env);

    expected.forEach((path, value) -> assertThat(at(config, path)).as(path).isEqualTo(value));
    assertThat(env.keySet()).as("the variables of this test are every one there is")
        .containsExactlyInAnyOrderElementsOf(Configuration.variables().keySet());
  }

  @Test
  void theReadmeNamesExactlyTheVariablesTheLauncherReads() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher names = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`").matcher(readme);
    Set<String> documented = new TreeSet<>();
    while (names.find()) {
      documented.add(names.group(1));
    }
    Set<String> read = new HashSet<>(Configuration.variables().keySet());
    read.add(Configuration.SINGLE_DATABASE_URL);
    // the tests' own database, read by the PostgreSQL fixture and not by the launcher
    documented.remove("TEST_DATABASE_URL");

    assertThat(documented).hasSizeGreaterThan(20);
    assertThat(read).containsExactlyInAnyOrderElementsOf(documented);
  }

  @Test
  void databaseUrlSetsTheDatabaseOfTheOneServiceAProcessRuns() {
    JsonObject resume = Configuration.load(CommandLine.parse("--service", "resume"),
        Map.of("DATABASE_URL", "postgresql://u@db/resumes"));
    assertThat(at(resume, "resume.database.url")).isEqualTo("postgresql://u@db/resumes");
    assertThat(at(resume, "user.database.url")).isNull();

    JsonObject withGateway = Configuration.load(CommandLine.parse("--service", "ai,gateway"),
        Map.of("DATABASE_URL", "postgresql://u@db/ai", "AI_SERVICE_DATABASE_URL", "postgresql://u@other/ai"));
    assertThat(at(withGateway, "ai.database.url")).as("the process's own variable wins").isEqualTo("postgresql://u@db/ai");

    assertThatThrownBy(() -> Configuration.load(ALL, Map.of("DATABASE_URL", "postgresql://u@db/x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DATABASE_URL serves one service: start it with --service user|resume|ai, or set each service's:"
            + " user.database.url (USER_SERVICE_DATABASE_URL), resume.database.url (RESUME_SERVICE_DATABASE_URL),"
            + " ai.database.url (AI_SERVICE_DATABASE_URL)");
  }

  @Test
  void dependentSettingsFollowTheirSourceUnlessGiven() {
    JsonObject config = Configuration.load(ALL, Map.of("USER_SERVICE_PORT", "9081", "AI_SERVICE_PORT", "9083",
        "JOBDASH_DATA_DIR", "/srv/jobdash", "RESUME_SERVICE_URL", "http://resumes:8082"));

    for (String service : new String[] {"resume", "ai"}) {
      assertThat(at(config, service + ".jwt.jwksUrl")).isEqualTo("http://127.0.0.1:9081/.well-known/jwks.json");
    }
    assertThat(at(config, "gateway.routes.user")).isEqualTo("http://127.0.0.1:9081");
    assertThat(at(config, "gateway.routes.resume")).isEqualTo("http://resumes:8082");
    assertThat(at(config, "gateway.routes.ai")).isEqualTo("http://127.0.0.1:9083");
    assertThat(at(config, "user.dataDir")).isEqualTo("/srv/jobdash");
    assertThat(at(config, "resume.dataDir")).isEqualTo("/srv/jobdash");

    JsonObject user = config.getJsonObject("user").copy();
    user.getJsonObject("database").put("url", "postgresql://u@db/users");
    assertThat(UserConfig.from(user).jwt().keyDirectory()).as("the keys live under the data directory")
        .isEqualTo(Path.of("/srv/jobdash", "jwt").toString());
    user.getJsonObject("jwt").put("keyDirectory", "/keys");
    assertThat(UserConfig.from(user).jwt().keyDirectory()).isEqualTo("/keys");
  }

  @Test
  void theMergedSectionsAreWholeForEachServicesStrictReader() {
    JsonObject config = Configuration.load(ALL, Map.of(
        "USER_SERVICE_DATABASE_URL", "postgresql://u@db/users",
        "RESUME_SERVICE_DATABASE_URL", "postgresql://u@db/resumes",
        "AI_SERVICE_DATABASE_URL", "postgresql://u@db/ai"));

    assertThat(UserConfig.from(config.getJsonObject("user")).http().host()).isEqualTo("127.0.0.1");
    assertThat(ResumeConfig.from(config.getJsonObject("resume")).dataDir()).isEqualTo(Path.of("./data"));
    assertThat(AiConfig.from(config.getJsonObject("ai")).jwt().jwksUrl())
        .isEqualTo("http://127.0.0.1:8081/.well-known/jwks.json");
  }

  @Test
  void aVariableOfTheWrongTypeNamesTheSetting() {
    assertThatThrownBy(() -> Configuration.load(ALL, Map.of("SMTP_PORT", "submission")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("configuration user.mail.smtpPort must be a number, was 'submission'");
  }

  @Test
  void noSettingHasADefaultInBothTheLauncherAndAService() {
    Set<String> launcher = paths("", ConfigLoader.resource(Configuration.DEFAULTS));
    Map<String, String> owners = new HashMap<>();
    launcher.forEach(path -> owners.put(path, "launcher"));
    for (Service s : Service.values()) {
      Set<String> service = paths(s.key + ".", s.settings.defaults());
      assertThat(service).as(s.key).isNotEmpty();
      for (String path : service) {
        assertThat(owners.put(path, s.key)).as(path).isNull();
      }
      assertThat(ConfigLoader.resource(Configuration.DEFAULTS).fieldNames())
          .as("the launcher's defaults hold no %s section", s.key).doesNotContain(s.key);
    }
    assertThat(launcher).anyMatch(p -> p.startsWith("gateway.")).anyMatch(p -> p.startsWith("cluster."))
        .anyMatch(p -> p.startsWith("embedded."));
  }

  @Test
  void eachVariableIsDeclaredOnceAndNamesItsOwnSettingThatHasADefault() {
    JsonObject defaults = Configuration.defaults();
    for (Service s : Service.values()) {
      assertThat(Configuration.ALIASES.keySet()).as("the launcher declares none of the %s service's variables", s.key)
          .doesNotContainAnyElementsOf(s.settings.aliases().keySet());
    }
    Map<String, String> setBy = new HashMap<>();
    Configuration.variables().forEach((variable, targets) -> {
      for (String path : targets.split(",")) {
        assertThat(has(defaults, path)).as(variable + " → " + path).isTrue();
        assertThat(setBy.put(path, variable)).as("one variable sets " + path).isNull();
      }
    });
  }

  private static void expect(Map<String, String> env, Map<String, Object> expected, String variable, String value,
                             String... paths) {
    env.put(variable, value);
    for (String path : paths) {
      expected.put(path, value);
    }
  }

  private static void expectTyped(Map<String, String> env, Map<String, Object> expected, String variable,
                                  String value, String path, Object typed) {
    env.put(variable, value);
    expected.put(path, typed);
  }

  private static Object at(JsonObject root, String path) {
    String[] parts = path.split("\\.");
    JsonObject node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.getJsonObject(parts[i]);
    }
    return node.getValue(parts[parts.length - 1]);
  }

  private static boolean has(JsonObject root, String path) {
    String[] parts = path.split("\\.");
    JsonObject node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      if (!(node.getValue(parts[i]) instanceof JsonObject child)) {
        return false;
      }
      node = child;
    }
    return node.containsKey(parts[parts.length - 1]);
  }

  /** Every leaf setting's dotted path. */
  private static Set<String> paths(String prefix, JsonObject json) {
    Set<String> out = new TreeSet<>();
    for (var entry : json) {
      if (entry.getValue() instanceof JsonObject child && !child.isEmpty()) {
        out.addAll(paths(prefix + entry.getKey() + ".", child));
      } else {
        out.add(prefix + entry.getKey());
      }
    }
    return out;
  }
}
