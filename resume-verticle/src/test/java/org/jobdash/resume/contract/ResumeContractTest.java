package org.jobdash.resume.contract;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import org.jobdash.common.http.ServiceContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The résumé service's OpenAPI document: it loads in vertx-openapi 5.0.7 with the shared components, names every
 * operation the service has, and keeps the rules request validation needs (bounded strings, safe formats and
 * patterns, typed arrays, no untyped objects).
 */
class ResumeContractTest {

  static Vertx vertx;
  static OpenAPIContract contract;
  static JsonObject document;

  @BeforeAll
  static void load() {
    vertx = Vertx.vertx();
    ServiceContract loaded = ServiceContract.load(vertx, "openapi/resume-service.yaml").await();
    contract = loaded.openApi();
    document = loaded.document();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void everyRouteOfTheServiceIsAnOperationWithItsId() {
    Map<String, String> operations = new TreeMap<>();
    for (Operation op : contract.operations()) {
      operations.put(op.getOperationId(), op.getHttpMethod() + " " + op.getOpenAPIPath());
    }

    assertThat(operations).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("createResume", "POST /api/v1/resumes"),
        Map.entry("listResumes", "GET /api/v1/resumes"),
        Map.entry("getResumeStatistics", "GET /api/v1/resumes/stats"),
        Map.entry("getResume", "GET /api/v1/resumes/{id}"),
        Map.entry("updateResume", "PATCH /api/v1/resumes/{id}"),
        Map.entry("deleteResume", "DELETE /api/v1/resumes/{id}"),
        Map.entry("downloadResumeFile", "GET /api/v1/resumes/{id}/file"),
        Map.entry("exportResume", "GET /api/v1/resumes/{id}/export"),
        Map.entry("getResumeStatus", "GET /api/v1/resumes/{id}/status"),
        Map.entry("listResumeVersions", "GET /api/v1/resumes/{id}/versions"),
        Map.entry("compareResumeVersions", "GET /api/v1/resumes/{id}/versions/compare"),
        Map.entry("getResumeVersion", "GET /api/v1/resumes/{id}/versions/{n}"),
        Map.entry("restoreResumeVersion", "POST /api/v1/resumes/{id}/versions/{n}/restore"),
        Map.entry("listResumeAnalyses", "GET /api/v1/resumes/{id}/analyses"),
        Map.entry("requestResumeOptimization", "POST /api/v1/resumes/{id}/optimizations"),
        Map.entry("listResumeOptimizations", "GET /api/v1/resumes/{id}/optimizations"),
        Map.entry("getOptimization", "GET /api/v1/resumes/optimizations/{oid}"),
        Map.entry("createOptimizationFeedback", "POST /api/v1/resumes/optimizations/{oid}/feedback"),
        Map.entry("getLiveness", "GET /health/live"),
        Map.entry("getReadiness", "GET /health/ready"),
        Map.entry("getOpenApiDocument", "GET /openapi.yaml")));
  }

  @Test
  void theApiNeedsABearerTokenAndOnlyTheHealthRoutesAreOpen() {
    assertThat(document.getJsonArray("security")).containsExactly(new JsonObject().put("bearer", new JsonArray()));
    for (Operation op : contract.operations()) {
      boolean open = op.getOpenAPIPath().startsWith("/health/") || op.getOpenAPIPath().equals("/openapi.yaml");
      assertThat(op.getSecurityRequirements().isEmpty()).as(op.getOperationId()).isEqualTo(open);
    }
    assertThat(contract.securityScheme("bearer").getScheme()).isEqualTo("bearer");
  }

  @Test
  void onlyTheUploadReadsItsOwnBody() {
    List<String> streamed = new ArrayList<>();
    forEachOperation((id, op) -> {
      if ("streamed".equals(op.getString("x-jobdash-body"))) {
        streamed.add(id);
      }
    });
    assertThat(streamed).containsExactly("createResume");
    assertThat(contract.operation("createResume").getRequestBody().getContent()).containsKeys(
        "multipart/form-data", "application/json");
  }

  @Test
  void everyOperationIsTaggedSummarisedAndDescribedAndAnswersErrorsAsProblems() {
    forEachOperation((id, op) -> {
      assertThat(op.getJsonArray("tags")).as(id).isNotEmpty();
      assertThat(op.getString("summary")).as(id).isNotBlank();
      assertThat(op.getString("description")).as(id).isNotBlank();
      JsonObject responses = op.getJsonObject("responses");
      for (String status : responses.fieldNames()) {
        JsonObject response = resolve(responses.getJsonObject(status));
        if (status.startsWith("4") || (status.startsWith("5") && !id.equals("getReadiness"))) {
          assertThat(response.getJsonObject("content").fieldNames()).as(id + " " + status)
              .containsExactly(ServiceContract.PROBLEM_JSON);
        }
      }
    });
  }

  @Test
  void everyOperationShowsItsSuccessfulAnswerByExampleAndAJsonBodyToo() {
    forEachOperation((id, op) -> {
      JsonObject responses = op.getJsonObject("responses");
      boolean success = false;
      for (String status : responses.fieldNames()) {
        JsonObject content = resolve(responses.getJsonObject(status)).getJsonObject("content");
        if (status.startsWith("2") && content != null) {
          success = true;
          for (String type : content.fieldNames()) {
            assertThat(hasExample(content.getJsonObject(type))).as(id + " " + status + " " + type).isTrue();
          }
        }
      }
      assertThat(success || responses.containsKey("204")).as(id + " answers with a body or 204").isTrue();
      JsonObject body = op.getJsonObject("requestBody");
      if (body != null) {
        body.getJsonObject("content").forEach(e -> assertThat(hasExample((JsonObject) e.getValue()))
            .as(id + " request " + e.getKey()).isTrue());
      }
    });
  }

  private static boolean hasExample(JsonObject mediaType) {
    return mediaType.containsKey("example") || !mediaType.getJsonObject("examples", new JsonObject()).isEmpty();
  }

  @Test
  void everySuccessfulJsonAnswerHasASchemaWithItsRequiredFields() {
    forEachOperation((id, op) -> {
      JsonObject responses = op.getJsonObject("responses");
      for (String status : responses.fieldNames()) {
        JsonObject content = resolve(responses.getJsonObject(status)).getJsonObject("content");
        if (status.startsWith("2") && content != null && content.containsKey("application/json")) {
          JsonObject declared = content.getJsonObject("application/json").getJsonObject("schema");
          if ("#/components/schemas/JsonResume".equals(declared.getString("$ref"))) {
            // a JSON Resume document, whose own schema (jsonresume.org 1.0.0) requires no field
            continue;
          }
          JsonObject schema = resolve(declared);
          assertThat(schema.getJsonArray("required")).as(id + " " + status).isNotEmpty();
        }
      }
    });
  }

  @Test
  void requestStringsAreBoundedAndUseOnlySafeFormatsAndPatterns() {
    List<String> problems = new ArrayList<>();
    forEachOperation((id, op) -> {
      List<JsonObject> parameters = new ArrayList<>();
      for (Object p : op.getJsonArray("parameters", new JsonArray())) {
        parameters.add(resolve((JsonObject) p));
      }
      for (Object p : pathItemOf(id).getJsonArray("parameters", new JsonArray())) {
        parameters.add(resolve((JsonObject) p));
      }
      for (JsonObject p : parameters) {
        checkRequestSchema(id + " parameter " + p.getString("name"), p.getJsonObject("schema"), problems);
      }
      JsonObject body = op.getJsonObject("requestBody");
      if (body != null) {
        JsonObject content = body.getJsonObject("content");
        for (String type : content.fieldNames()) {
          checkRequestSchema(id + " " + type, content.getJsonObject(type).getJsonObject("schema"), problems);
        }
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void everyArrayHasItemsAndNoObjectIsLeftUntyped() {
    List<String> problems = new ArrayList<>();
    walk("#", document, problems);
    assertThat(problems).isEmpty();
  }

  /** Formats the request validator runs safely (the library's {@code uri} overflows its stack on long values). */
  private static final Set<String> SAFE_FORMATS = Set.of("uuid", "date", "date-time", "email", "binary");

  private static void checkRequestSchema(String where, JsonObject schemaOrRef, List<String> problems) {
    JsonObject schema = resolve(schemaOrRef);
    if (types(schema).contains("string")) {
      if (!schema.containsKey("maxLength")) {
        problems.add(where + ": a string without maxLength");
      }
      String format = schema.getString("format");
      if (format != null && !SAFE_FORMATS.contains(format)) {
        problems.add(where + ": format " + format);
      }
      String pattern = schema.getString("pattern");
      if (pattern != null && !isSafePattern(pattern)) {
        problems.add(where + ": pattern " + pattern + " is not anchored, group-free and bounded");
      }
    }
    JsonObject properties = schema.getJsonObject("properties", new JsonObject());
    for (String name : properties.fieldNames()) {
      checkRequestSchema(where + "." + name, properties.getJsonObject(name), problems);
    }
    if (schema.getValue("items") instanceof JsonObject items) {
      checkRequestSchema(where + "[]", items, problems);
    }
  }

  /** {@code ^…$}, character classes and literals only, every quantifier a bounded {@code {m,n}}. */
  static boolean isSafePattern(String p) {
    if (!p.startsWith("^") || !p.endsWith("$")) {
      return false;
    }
    String body = p.substring(1, p.length() - 1);
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '(' || c == ')' || c == '|' || c == '*' || c == '+' || c == '?') {
        return false;
      }
      if (c == '{' && !body.substring(i).matches("^\\{\\d+(,\\d+)?}.*")) {
        return false;
      }
    }
    return true;
  }

  private static void walk(String at, Object node, List<String> problems) {
    if (node instanceof JsonObject o) {
      List<String> types = types(o);
      if (types.contains("array") && !o.containsKey("items")) {
        problems.add(at + ": an array without items");
      }
      if (types.contains("object") && !o.containsKey("properties") && !o.containsKey("additionalProperties")) {
        problems.add(at + ": an object without properties");
      }
      for (String key : o.fieldNames()) {
        if (!key.equals("example") && !key.equals("examples")) {
          walk(at + "/" + key, o.getValue(key), problems);
        }
      }
    } else if (node instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        walk(at + "/" + i, a.getValue(i), problems);
      }
    }
  }

  private static List<String> types(JsonObject schema) {
    Object type = schema.getValue("type");
    if (type instanceof String s) {
      return List.of(s);
    }
    return type instanceof JsonArray a ? a.stream().map(String::valueOf).toList() : List.of();
  }

  /** A local {@code $ref} of the document, followed (shared components are not needed by these checks). */
  private static JsonObject resolve(JsonObject node) {
    JsonObject current = node;
    while (current != null && current.getString("$ref") != null && current.getString("$ref").startsWith("#/")) {
      JsonObject target = document;
      for (String part : current.getString("$ref").substring(2).split("/")) {
        target = target.getJsonObject(part.replace("~1", "/").replace("~0", "~"));
      }
      current = target;
    }
    return current;
  }

  private static JsonObject pathItemOf(String operationId) {
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (item.getValue(method) instanceof JsonObject op && operationId.equals(op.getString("operationId"))) {
          return item;
        }
      }
    }
    throw new AssertionError("no operation " + operationId);
  }

  private interface OperationVisitor {
    void visit(String operationId, JsonObject operation);
  }

  private static void forEachOperation(OperationVisitor visitor) {
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : List.of("get", "put", "post", "patch", "delete")) {
        JsonObject op = item.getJsonObject(method);
        if (op != null) {
          visitor.visit(op.getString("operationId"), op);
        }
      }
    }
  }
}
