package org.jobdash.launcher.gateway;

import org.jobdash.common.http.OpenApiYaml;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The merge of the services' documents into the gateway's, on small documents written for each rule. */
class OpenApiMergeTest {

  private static final JsonObject INFO = new JsonObject().put("title", "merged").put("version", "1");

  private static final String SHARED = """
      openapi: 3.1.0
      info: {title: shared, version: 1.0.0}
      paths: {}
      components:
        securitySchemes:
          bearer: {type: http, scheme: bearer, bearerFormat: JWT, description: An access token}
        schemas:
          FieldError:
            type: object
            properties: {field: {type: string}, message: {type: string}}
          Problem:
            type: object
            properties:
              status: {type: integer}
              errors: {type: array, items: {$ref: '#/components/schemas/FieldError'}}
          Tone: {type: string, enum: [formal, friendly]}
          Unused: {type: string}
      """;

  private static final String USER = """
      openapi: 3.1.0
      info: {title: user, version: 1.0.0}
      servers: [{url: 'http://localhost:8081'}]
      security: [{bearer: []}]
      tags: [{name: auth, description: Sessions}, {name: health, description: Probes}]
      components:
        securitySchemes:
          bearer: {$ref: 'components.yaml#/components/securitySchemes/bearer'}
        schemas:
          Profile:
            type: object
            properties:
              tone: {$ref: 'components.yaml#/components/schemas/Tone'}
              skills: {type: array, items: {$ref: '#/components/schemas/Skill'}}
          Skill: {type: string}
          Health: {type: object}
      paths:
        /api/v1/auth/login:
          post:
            operationId: login
            tags: [auth]
            security: []
            responses:
              '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Profile'}}}}
              '400':
                description: bad
                content:
                  application/problem+json: {schema: {$ref: 'components.yaml#/components/schemas/Problem'}}
        /health/live:
          get:
            operationId: userLive
            tags: [health]
            responses:
              '200': {description: up, content: {application/json: {schema: {$ref: '#/components/schemas/Health'}}}}
      """;

  private static final String AI = """
      openapi: 3.1.0
      info: {title: ai, version: 1.0.0}
      security: [{bearer: []}]
      tags: [{name: auth, description: Sessions}, {name: ai, description: Matching}]
      components:
        securitySchemes:
          bearer: {type: http, scheme: bearer, bearerFormat: an ES256 JWT}
        schemas:
          Skill: {type: string}
          Profile:
            type: object
            properties:
              weight: {type: number}
              first: {$ref: '#/components/schemas/Profile/properties/weight'}
          Match:
            type: object
            properties: {profile: {$ref: '#/components/schemas/Profile'}, skill: {$ref: '#/components/schemas/Skill'}}
      paths:
        /api/v1/ai/job-match:
          post:
            operationId: matchJob
            tags: [ai]
            responses:
              '201': {description: matched, content: {application/json: {schema: {$ref: '#/components/schemas/Match'}}}}
              '400':
                description: bad
                content:
                  application/problem+json: {schema: {$ref: 'components.yaml#/components/schemas/Problem'}}
      """;

  /** The gateway's own routing decides which paths go in. */
  private static final Function<String, String> GATEWAY = path -> {
    GatewayRoutes.Destination destination = new GatewayRoutes(0, 0, 0).of(GatewayPath.of(path));
    return destination == null ? null : destination.service();
  };

  private static OpenApiMerge.Result merge(String user, String ai) {
    return OpenApiMerge.merge(INFO, OpenApiYaml.parse(SHARED), List.of(
        new OpenApiMerge.Part("user", "User", OpenApiYaml.parse(user)),
        new OpenApiMerge.Part("ai", "Ai", OpenApiYaml.parse(ai))), GATEWAY);
  }

  private static JsonObject schemas(OpenApiMerge.Result result) {
    return result.document().getJsonObject("components").getJsonObject("schemas");
  }

  @Test
  void theMergedDocumentHasTheGatewayAsItsOneServerAndOnlyThePathsTheGatewayRoutesToEachService() {
    JsonObject doc = merge(USER, AI).document();
    assertThat(doc.getString("openapi")).isEqualTo("3.1.0");
    assertThat(doc.getJsonArray("servers")).hasSize(1);
    assertThat(doc.getJsonArray("servers").getJsonObject(0).getString("url")).isEqualTo("/");
    assertThat(doc.getJsonObject("paths").fieldNames()).containsExactly("/api/v1/auth/login", "/api/v1/ai/job-match");
    assertThat(doc.getJsonArray("security")).isEqualTo(new JsonArray().add(new JsonObject().put("bearer",
        new JsonArray())));
  }

  @Test
  void referencesToTheSharedComponentsBecomeInternalAndTheSharedNamesAreKept() {
    OpenApiMerge.Result result = merge(USER, AI);
    String encoded = result.document().encode();
    assertThat(encoded).doesNotContain("components.yaml");
    assertThat(result.document().getJsonObject("paths").getJsonObject("/api/v1/auth/login").getJsonObject("post")
        .getJsonObject("responses").getJsonObject("400").getJsonObject("content")
        .getJsonObject("application/problem+json").getJsonObject("schema").getString("$ref"))
        .isEqualTo("#/components/schemas/Problem");
    assertThat(schemas(result).getJsonObject("Problem")).isEqualTo(OpenApiYaml.parse(SHARED)
        .getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem"));
    assertThat(schemas(result).containsKey("FieldError")).as("reached through Problem").isTrue();
    assertThat(result.document().getJsonObject("components").getJsonObject("securitySchemes")
        .getJsonObject("bearer").getString("description")).as("the shared wording").isEqualTo("An access token");
  }

  @Test
  void aComponentEqualToOneMergedIsKeptOnceAndOneThatDiffersIsRenamedWithEveryReferenceToIt() {
    OpenApiMerge.Result result = merge(USER, AI);
    assertThat(result.deduplicated()).contains("schemas/Skill (ai)");
    assertThat(result.renamed()).containsExactly("schemas/Profile → AiProfile (ai)");
    JsonObject schemas = schemas(result);
    assertThat(schemas.fieldNames()).contains("Profile", "AiProfile", "Skill", "Match")
        .doesNotContain("AiSkill");
    assertThat(schemas.getJsonObject("Match").getJsonObject("properties").getJsonObject("profile").getString("$ref"))
        .isEqualTo("#/components/schemas/AiProfile");
    assertThat(schemas.getJsonObject("AiProfile").getJsonObject("properties").getJsonObject("first")
        .getString("$ref")).as("a deeper pointer too").isEqualTo("#/components/schemas/AiProfile/properties/weight");
    assertThat(schemas.getJsonObject("Profile").getJsonObject("properties").getJsonObject("tone").getString("$ref"))
        .isEqualTo("#/components/schemas/Tone");
  }

  @Test
  void aRenameThatMakesAnotherComponentDifferRenamesThatOneToo() {
    // the AI's Profile reads like the user's, but its Skill is another one: so is its Profile, then
    String ai = AI.replace("Skill: {type: string}", "Skill: {type: integer}")
        .replace("weight: {type: number}", "tone: {$ref: 'components.yaml#/components/schemas/Tone'}")
        .replace("first: {$ref: '#/components/schemas/Profile/properties/weight'}",
            "skills: {type: array, items: {$ref: '#/components/schemas/Skill'}}");
    assertThat(OpenApiYaml.parse(ai).getJsonObject("components").getJsonObject("schemas").getJsonObject("Profile"))
        .as("word for word the user's")
        .isEqualTo(OpenApiYaml.parse(USER).getJsonObject("components").getJsonObject("schemas")
            .getJsonObject("Profile"));
    OpenApiMerge.Result result = merge(USER, ai);
    assertThat(result.renamed())
        .containsExactly("schemas/Skill → AiSkill (ai)", "schemas/Profile → AiProfile (ai)");
    assertThat(schemas(result).getJsonObject("AiProfile").getJsonObject("properties").getJsonObject("skills")
        .getJsonObject("items").getString("$ref")).isEqualTo("#/components/schemas/AiSkill");
    assertThat(schemas(result).getJsonObject("Profile").getJsonObject("properties").getJsonObject("skills")
        .getJsonObject("items").getString("$ref")).isEqualTo("#/components/schemas/Skill");
  }

  @Test
  void whatNoRoutedPathReachesIsLeftOutComponentsAndTagsAlike() {
    OpenApiMerge.Result result = merge(USER, AI);
    assertThat(schemas(result).fieldNames()).doesNotContain("Unused", "Health");
    assertThat(result.left()).contains("/health/live (user, not routed by the gateway)",
        "components/schemas/Unused (no path uses it)", "components/schemas/Health (no path uses it)");
    assertThat(result.document().getJsonArray("tags").stream().map(t -> ((JsonObject) t).getString("name")))
        .containsExactly("auth", "ai");
  }

  @Test
  void documentsWhoseRootSecurityDiffersKeepItOnEachOperation() {
    OpenApiMerge.Result result = merge(USER, AI.replace("security: [{bearer: []}]\n", ""));
    JsonObject doc = result.document();
    assertThat(doc.containsKey("security")).isFalse();
    assertThat(doc.getJsonObject("paths").getJsonObject("/api/v1/auth/login").getJsonObject("post")
        .getJsonArray("security")).as("its own, unchanged").isEmpty();
    assertThat(doc.getJsonObject("paths").getJsonObject("/api/v1/ai/job-match").getJsonObject("post")
        .getJsonArray("security")).as("its document had none").isEmpty();
    OpenApiMerge.Result other = merge(USER.replace("      security: []\n", ""),
        AI.replace("security: [{bearer: []}]\n", ""));
    assertThat(other.document().getJsonObject("paths").getJsonObject("/api/v1/auth/login").getJsonObject("post")
        .getJsonArray("security")).as("the user document's default").hasSize(1);
  }

  @Test
  void clashesFailTheMerge() {
    assertThatThrownBy(() -> merge(USER, AI.replace("operationId: matchJob", "operationId: login")))
        .hasMessageContaining("operationId login is used twice");
    assertThatThrownBy(() -> merge(USER, AI.replace("/api/v1/ai/job-match", "/api/v1/auth/login")))
        .hasMessageContaining("which the gateway routes to the user service");
    assertThatThrownBy(() -> merge(USER, AI.replace("{name: auth, description: Sessions}",
        "{name: auth, description: Logins}")))
        .hasMessageContaining("tag auth is described differently");
    assertThatThrownBy(() -> merge(USER, AI.replace("{type: http, scheme: bearer, bearerFormat: an ES256 JWT}",
        "{type: apiKey, in: header, name: X-Key}")))
        .hasMessageContaining("security scheme bearer of the ai document differs");
    assertThatThrownBy(() -> merge(USER, AI.replace("'components.yaml#/components/schemas/Problem'",
        "'elsewhere.yaml#/Problem'")))
        .hasMessageContaining("refers to elsewhere.yaml#/Problem");
    assertThatThrownBy(() -> merge(USER, AI.replace("'components.yaml#/components/schemas/Problem'",
        "'components.yaml#/components/schemas/Nothing'")))
        .hasMessageContaining("nothing at #/components/schemas/Nothing");
    assertThatThrownBy(() -> merge(USER, AI.replace("operationId: matchJob",
        "operationId: matchJob\n      servers: [{url: 'http://localhost:8083'}]")))
        .hasMessageContaining("names servers of its own");
    assertThatThrownBy(() -> merge(USER, AI.replace("Skill: {type: string}", "Skill: {type: integer}")
        .replace("Match:", "AiSkill: {type: boolean}\n    Match:")))
        .hasMessageContaining("cannot rename schemas/Skill of the ai document to AiSkill");
  }

  @Test
  void theMergedDocumentReadsBackAsWrittenAndYamlOneOneWordsStayStrings() {
    JsonObject doc = merge(USER, AI.replace("weight: {type: number}",
        "weight: {type: number, description: 'no', examples: [2024-01-01, on]}"))
        .document();
    String written = OpenApiYaml.write(doc);
    assertThat(OpenApiYaml.parse(written)).isEqualTo(doc);
    assertThat(written).contains("description: 'no'").contains("'2024-01-01'").contains("'on'");
    assertThat(OpenApiYaml.parse("a: 2024-01-01\nb: no\nc: on\nd: true\n")).isEqualTo(new JsonObject()
        .put("a", "2024-01-01").put("b", "no").put("c", "on").put("d", true));
    assertThatThrownBy(() -> OpenApiYaml.parse("a: 1\na: 2\n")).hasMessageContaining("duplicate key");
  }
}
