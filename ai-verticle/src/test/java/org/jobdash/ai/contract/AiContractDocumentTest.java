package org.jobdash.ai.contract;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import org.jobdash.common.http.ServiceContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AI service's OpenAPI document as the contract: it loads in vertx-openapi, names every route the service
 * serves by an operationId, follows the rules that keep request validation safe (every request string bounded, no
 * format or pattern the validator runs badly), gives every body and answer a real schema, and its request schemas
 * accept what the service accepts today and refuse what it refuses.
 */
class AiContractDocumentTest {

  /** operationId → method and path: every route the service mounts. */
  static final Map<String, String> OPERATIONS = operations();

  static Vertx vertx;
  static OpenAPIContract contract;
  static JsonObject document;
  static JsonObject components;

  @BeforeAll
  static void load() {
    vertx = Vertx.vertx();
    ServiceContract loaded = ServiceContract.load(vertx, "openapi/ai-service.yaml").await();
    contract = loaded.openApi();
    document = loaded.document();
    components = ServiceContract.read(ServiceContract.COMPONENTS);
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  private static Map<String, String> operations() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("getLiveness", "GET /health/live");
    m.put("getReadiness", "GET /health/ready");
    m.put("getMetrics", "GET /metrics");
    m.put("getOpenApiDocument", "GET /openapi.yaml");
    m.put("createEmbeddings", "POST /api/v1/ai/embeddings");
    m.put("storeEmbeddingBatch", "POST /api/v1/ai/embeddings/batch");
    m.put("searchEmbeddings", "POST /api/v1/ai/embeddings/search");
    m.put("matchJob", "POST /api/v1/ai/job-match");
    m.put("analyzeSkills", "POST /api/v1/ai/skills");
    m.put("analyzeContent", "POST /api/v1/ai/content-analysis");
    m.put("optimizeResume", "POST /api/v1/ai/optimize");
    m.put("listTemplates", "GET /api/v1/ai/templates");
    m.put("getTemplate", "GET /api/v1/ai/templates/{id}");
    m.put("getOptimizationPreferences", "GET /api/v1/ai/preferences");
    m.put("replaceOptimizationPreferences", "PUT /api/v1/ai/preferences");
    m.put("listOptimizationHistory", "GET /api/v1/ai/history");
    m.put("getOptimizationHistoryStats", "GET /api/v1/ai/history/stats");
    m.put("getOptimizationInsights", "GET /api/v1/ai/insights");
    m.put("listSessions", "GET /api/v1/ai/sessions");
    m.put("getSessionStats", "GET /api/v1/ai/sessions/stats");
    m.put("listModels", "GET /api/v1/ai/models");
    m.put("getModelPerformance", "GET /api/v1/ai/models/{id}/performance");
    return m;
  }

  /** Every operation of the raw document: its id → the operation object. */
  private static Map<String, JsonObject> rawOperations() {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    JsonObject paths = document.getJsonObject("paths");
    paths.fieldNames().forEach(path -> paths.getJsonObject(path).forEach(e ->
        out.put(((JsonObject) e.getValue()).getString("operationId"), (JsonObject) e.getValue())));
    return out;
  }

  @Test
  void theDocumentLoadsAndNamesEveryRouteOfTheServiceByItsOperationId() {
    assertThat(contract.operations()).hasSize(OPERATIONS.size());
    OPERATIONS.forEach((id, route) -> {
      Operation op = contract.operation(id);
      assertThat(op).as(id).isNotNull();
      assertThat(op.getHttpMethod().name() + " " + op.getOpenAPIPath()).as(id).isEqualTo(route);
    });
    assertThat(OPERATIONS.keySet()).allMatch(id -> id.matches("[a-z]+[A-Z][A-Za-z]*"));
  }

  @Test
  void everyOperationIsTaggedSummarisedDescribedAndHasAnExample() {
    Set<String> tags = new java.util.HashSet<>();
    document.getJsonArray("tags").forEach(t -> {
      assertThat(((JsonObject) t).getString("description")).as("tag " + t).isNotBlank();
      tags.add(((JsonObject) t).getString("name"));
    });
    rawOperations().forEach((id, op) -> {
      assertThat(op.getJsonArray("tags")).as(id).isNotEmpty().allMatch(tags::contains);
      assertThat(op.getString("summary")).as(id).isNotBlank();
      assertThat(op.getString("description")).as(id).isNotBlank();
      assertThat(hasExample(op)).as(id + " has an example").isTrue();
    });
  }

  private static boolean hasExample(JsonObject op) {
    List<JsonObject> contents = new ArrayList<>();
    if (op.getJsonObject("requestBody") != null) {
      contents.add(op.getJsonObject("requestBody").getJsonObject("content"));
    }
    op.getJsonObject("responses").forEach(r -> {
      JsonObject response = resolve((JsonObject) r.getValue());
      if (response.getJsonObject("content") != null) {
        contents.add(response.getJsonObject("content"));
      }
    });
    return contents.stream().flatMap(c -> c.fieldNames().stream().map(c::getJsonObject))
        .anyMatch(media -> media.containsKey("example") || media.containsKey("examples"));
  }

  @Test
  void theServiceNeedsABearerTokenExceptOnItsOperationsEndpoints() {
    assertThat(document.getJsonArray("security")).isEqualTo(new JsonArray().add(new JsonObject().put("bearer",
        new JsonArray())));
    rawOperations().forEach((id, op) -> {
      boolean infrastructure = OPERATIONS.get(id).startsWith("GET /api/") || OPERATIONS.get(id).startsWith("POST /api/")
          || OPERATIONS.get(id).startsWith("PUT /api/");
      assertThat(op.containsKey("security")).as(id).isEqualTo(!infrastructure);
      if (infrastructure) {
        assertThat(op.getJsonObject("responses").fieldNames()).as(id).contains("401");
      }
    });
  }

  @Test
  void theBatchBodyIsReadByItsStreamingDecoderYetDocumented() {
    JsonObject batch = rawOperations().get("storeEmbeddingBatch");
    assertThat(batch.getString("x-jobdash-body")).isEqualTo("streamed");
    JsonObject schema = resolve(batch.getJsonObject("requestBody").getJsonObject("content")
        .getJsonObject("application/json").getJsonObject("schema"));
    assertThat(schema.getJsonArray("required")).contains("items");
    assertThat(rawOperations().entrySet().stream().filter(e -> e.getValue().containsKey("x-jobdash-body"))
        .map(Map.Entry::getKey)).containsExactly("storeEmbeddingBatch");
  }

  @Test
  void requestSchemasBoundEveryStringAndUseNoUnsafeFormatOrPattern() {
    List<String> problems = new ArrayList<>();
    rawOperations().forEach((id, op) -> {
      if (op.getJsonObject("requestBody") != null) {
        walk(op.getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json")
            .getJsonObject("schema"), id + " body", (where, schema) -> {
          if (types(schema).contains("string") && !schema.containsKey("maxLength") && !schema.containsKey("enum")
              && !schema.containsKey("const")) {
            problems.add(where + ": a string without maxLength");
          }
          if (schema.containsKey("format") && !Set.of("uuid", "date", "date-time", "email")
              .contains(schema.getString("format"))) {
            problems.add(where + ": format " + schema.getString("format"));
          }
          if (schema.containsKey("pattern")) {
            problems.add(where + ": a pattern");
          }
        });
      }
      for (Object p : op.getJsonArray("parameters", new JsonArray())) {
        JsonObject parameter = resolve((JsonObject) p);
        JsonObject schema = resolve(parameter.getJsonObject("schema"));
        assertThat(schema.getValue("type")).as(id + " " + parameter.getString("name") + ": one type")
            .isInstanceOf(String.class);
        if ("string".equals(schema.getString("type")) && !schema.containsKey("maxLength")
            && !schema.containsKey("enum")) {
          problems.add(id + " " + parameter.getString("name") + ": a string without maxLength");
        }
        assertThat(schema.containsKey("pattern")).as(id + " " + parameter.getString("name")).isFalse();
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void everyBodyAndAnswerHasARealSchema() {
    List<String> problems = new ArrayList<>();
    BiConsumer<String, JsonObject> real = (where, schema) -> {
      if (types(schema).contains("object") && !schema.containsKey("properties")
          && !schema.containsKey("additionalProperties")) {
        problems.add(where + ": an object without properties");
      }
      if (types(schema).contains("array") && !schema.containsKey("items")) {
        problems.add(where + ": an array without items");
      }
      if (schema.isEmpty()) {
        problems.add(where + ": no schema");
      }
    };
    rawOperations().forEach((id, op) -> {
      if (op.getJsonObject("requestBody") != null) {
        walk(op.getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json")
            .getJsonObject("schema"), id + " body", real);
      }
      op.getJsonObject("responses").forEach(r -> {
        JsonObject content = resolve((JsonObject) r.getValue()).getJsonObject("content");
        assertThat(content).as(id + " " + r.getKey() + " has a body").isNotNull();
        content.forEach(m -> walk(((JsonObject) m.getValue()).getJsonObject("schema"),
            id + " " + r.getKey() + " " + m.getKey(), real));
      });
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void everyErrorAnswerIsAProblemDocument() {
    rawOperations().forEach((id, op) -> op.getJsonObject("responses").forEach(r -> {
      if (r.getKey().startsWith("4") || (r.getKey().startsWith("5") && !"getReadiness".equals(id))) {
        JsonObject content = resolve((JsonObject) r.getValue()).getJsonObject("content");
        assertThat(content.fieldNames()).as(id + " " + r.getKey()).containsExactly(ServiceContract.PROBLEM_JSON);
        assertThat(content.getJsonObject(ServiceContract.PROBLEM_JSON).getJsonObject("schema").getString("$ref"))
            .isEqualTo("components.yaml#/components/schemas/Problem");
      }
    }));
  }

  @Test
  void theSharedVocabulariesComeFromTheSharedComponents() {
    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    assertThat(schemas.fieldNames()).doesNotContain("Problem", "FieldError", "Tone", "OptimizationLevel");
    assertThat(schemas.getJsonObject("Preferences").getJsonObject("properties").getJsonObject("tone")
        .getString("$ref")).isEqualTo("components.yaml#/components/schemas/Tone");
    assertThat(document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearer")
        .getString("$ref")).isEqualTo("components.yaml#/components/securitySchemes/bearer");
  }

  @Test
  void requestBodiesTheServiceTakesAreValidAndOnesItRefusesAreNot() {
    String id = UUID.randomUUID().toString();
    JsonArray vector = new JsonArray();
    for (int i = 0; i < 384; i++) {
      vector.add(i == 0 ? 1.0 : 0);
    }
    valid("createEmbeddings", new JsonObject().put("texts", new JsonArray().add("Welder")));
    valid("createEmbeddings", new JsonObject().put("texts", new JsonArray().add("Welder")).putNull("sourceType")
        .putNull("sourceId").put("unknown", true));
    valid("createEmbeddings", new JsonObject().put("texts", new JsonArray().add("Welder")).put("sourceType", "skill")
        .put("sourceId", id));
    invalid("createEmbeddings", new JsonObject().put("texts", new JsonArray()));
    invalid("createEmbeddings", new JsonObject().put("texts", new JsonArray().add(7)));
    invalid("createEmbeddings", new JsonObject().put("sourceType", "text"));
    invalid("createEmbeddings", new JsonObject().put("texts", new JsonArray().add("x")).put("sourceType", "bogus"));
    invalid("createEmbeddings", new JsonObject().put("texts", new JsonArray().add("x")).put("sourceId", "nope"));

    valid("storeEmbeddingBatch", new JsonObject().putNull("model").put("items", new JsonArray().add(new JsonObject()
        .put("sourceType", "text").put("vector", vector).putNull("sourceId").putNull("chunkIndex")
        .putNull("contentText").putNull("metadata"))));
    valid("storeEmbeddingBatch", new JsonObject().put("model", "mine").put("items", new JsonArray().add(
        new JsonObject().put("sourceType", "custom").put("vector", vector).put("sourceId", id).put("chunkIndex", 3)
            .put("contentText", "x").put("metadata", new JsonObject().put("page", 2)))));
    invalid("storeEmbeddingBatch", new JsonObject().put("items", new JsonArray().add(new JsonObject()
        .put("sourceType", "text").put("vector", new JsonArray().add(1.0)))));
    invalid("storeEmbeddingBatch", new JsonObject().put("items", new JsonArray()));

    valid("searchEmbeddings", new JsonObject().put("text", "welding").putNull("k").putNull("sourceType"));
    valid("searchEmbeddings", new JsonObject().put("vector", vector).put("k", 100).put("sourceType", "skill"));
    invalid("searchEmbeddings", new JsonObject().put("text", "welding").put("k", 0));
    invalid("searchEmbeddings", new JsonObject().put("text", "welding").put("k", 1.5));

    valid("matchJob", new JsonObject().put("resumeText", "Nurse").put("jobDescription", "ED nurse"));
    valid("matchJob", new JsonObject().put("resumeId", id).putNull("resumeText").put("jobDescription", "ED nurse")
        .putNull("jobTitle"));
    invalid("matchJob", new JsonObject().put("resumeText", "Nurse"));
    invalid("matchJob", new JsonObject().put("resumeText", "Nurse").put("jobDescription", 5));
    invalid("matchJob", new JsonObject().put("resumeId", "résumé").put("jobDescription", "x"));
    invalid("matchJob", new JsonObject().put("jobDescription", "x").put("jobTitle", "t".repeat(256)));

    valid("analyzeSkills", new JsonObject().put("text", "Line cook"));
    invalid("analyzeSkills", new JsonObject().put("text", ""));
    invalid("analyzeContent", new JsonObject());

    valid("optimizeResume", new JsonObject().put("resumeText", "Cook").putNull("jobDescription").putNull("templateId")
        .putNull("resumeId").putNull("targetRole"));
    invalid("optimizeResume", new JsonObject().put("jobDescription", "Chef"));

    valid("replaceOptimizationPreferences", new JsonObject());
    valid("replaceOptimizationPreferences", new JsonObject().putNull("preferredTemplateId").putNull("tone")
        .putNull("optimizationLevel").putNull("focusAreas").putNull("preserveSections").putNull("targetIndustry")
        .putNull("targetRoles").putNull("customKeywords"));
    valid("replaceOptimizationPreferences", new JsonObject().put("preferredTemplateId", id).put("tone", "formal")
        .put("optimizationLevel", "light").put("customKeywords", new JsonArray().add("HACCP")));
    invalid("replaceOptimizationPreferences", new JsonObject().put("tone", "shouty"));
    invalid("replaceOptimizationPreferences", new JsonObject().put("optimizationLevel", "extreme"));
    invalid("replaceOptimizationPreferences", new JsonObject().put("focusAreas", "impact"));
    invalid("replaceOptimizationPreferences", new JsonObject().put("customKeywords", new JsonArray().add("k".repeat(101))));
  }

  private static OutputUnit validate(String operationId, JsonObject body) {
    Validator validator = contract.getSchemaRepository().validator(contract.operation(operationId).getRequestBody()
        .getContent().get("application/json").getSchema());
    return validator.validate(body);
  }

  private static void valid(String operationId, JsonObject body) {
    OutputUnit result = validate(operationId, body);
    assertThat(result.getValid()).as(operationId + " " + body.encode() + ": " + result.getErrors()).isTrue();
  }

  private static void invalid(String operationId, JsonObject body) {
    assertThat(validate(operationId, body).getValid()).as(operationId + " " + body.encode()).isFalse();
  }

  /** A local or shared {@code $ref} of the service's document followed to what it names. */
  static JsonObject resolve(JsonObject node) {
    return resolve(node, document).node();
  }

  /** A schema and the document its own {@code #/...} references point into. */
  private record Located(JsonObject node, JsonObject root) {}

  private static Located resolve(JsonObject node, JsonObject root) {
    JsonObject at = node;
    JsonObject in = root;
    while (at != null && at.getString("$ref") != null) {
      String ref = at.getString("$ref");
      in = ref.startsWith("#") ? in : components;
      at = in;
      for (String part : ref.substring(ref.indexOf('#') + 2).split("/")) {
        at = at.getJsonObject(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    return new Located(at, in);
  }

  /** {@code schema} and every schema within it, each with where it is. */
  private static void walk(JsonObject schema, String where, BiConsumer<String, JsonObject> visit) {
    walk(schema, document, where, visit);
  }

  private static void walk(JsonObject schema, JsonObject root, String where, BiConsumer<String, JsonObject> visit) {
    Located located = resolve(schema, root);
    JsonObject s = located.node();
    assertThat(s).as(where + " resolves").isNotNull();
    visit.accept(where, s);
    if (s.getJsonObject("properties") != null) {
      s.getJsonObject("properties").forEach(p -> walk((JsonObject) p.getValue(), located.root(),
          where + "." + p.getKey(), visit));
    }
    if (s.getValue("items") instanceof JsonObject items) {
      walk(items, located.root(), where + "[]", visit);
    }
    if (s.getValue("additionalProperties") instanceof JsonObject more) {
      walk(more, located.root(), where + ".*", visit);
    }
    for (String combined : List.of("anyOf", "oneOf", "allOf")) {
      JsonArray parts = s.getJsonArray(combined, new JsonArray());
      for (int i = 0; i < parts.size(); i++) {
        walk(parts.getJsonObject(i), located.root(), where + "|" + i, visit);
      }
    }
  }

  private static List<Object> types(JsonObject schema) {
    Object type = schema.getValue("type");
    return type instanceof JsonArray a ? a.getList() : type == null ? List.of() : List.of(type);
  }
}
