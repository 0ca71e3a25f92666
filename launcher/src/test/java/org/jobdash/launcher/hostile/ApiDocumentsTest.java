package org.jobdash.launcher.hostile;

import org.jobdash.launcher.hostile.ApiDocuments.Field;
import org.jobdash.launcher.hostile.ApiDocuments.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocumentsTest {

  private final List<Operation> operations = ApiDocuments.load();

  private Operation op(String name) {
    return operations.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void everyOperationOfTheThreeDocumentsIsReadOnceAiFirst() {
    assertThat(operations).extracting(o -> o.service() + " " + o.name()).doesNotHaveDuplicates();
    assertThat(operations).extracting(Operation::name).contains("POST /api/v1/auth/register", "GET /api/v1/resumes/{id}/versions/compare",
            "POST /api/v1/ai/embeddings/batch");
    assertThat(operations.get(0).service()).isEqualTo("ai");
    assertThat(operations).extracting(Operation::service).containsOnly("user", "resume", "ai");
  }

  @Test
  void securityComesFromTheOperationOrElseTheDocument() {
    assertThat(op("POST /api/v1/auth/register").secured()).isFalse();
    assertThat(op("GET /api/v1/users/me").secured()).isTrue();
    assertThat(op("GET /api/v1/resumes").secured()).isTrue();
    assertThat(op("GET /health/ready").secured()).isFalse();
  }

  @Test
  void pathLevelParametersAndReferencedSchemasAreResolved() {
    Operation compare = op("GET /api/v1/resumes/{id}/versions/compare");
    assertThat(compare.in("path")).extracting(ApiDocuments.Parameter::name).containsExactly("id");
    assertThat(compare.in("query")).allMatch(ApiDocuments.Parameter::required).hasSize(2);
    assertThat(op("POST /api/v1/resumes").multipart()).isTrue();
    assertThat(op("POST /api/v1/resumes").jsonBody().path("required").toString()).contains("content");
  }

  @Test
  void fieldsReachIntoNestedObjectsAndTheFirstItemOfArrays() {
    List<String> batch = op("POST /api/v1/ai/embeddings/batch").fields().stream().map(Field::name).toList();
    List<String> preferences = op("PUT /api/v1/users/me/preferences").fields().stream().map(Field::name).toList();

    assertThat(batch).contains("model", "items", "items[0].vector", "items[0].vector[0]", "items[0].sourceType");
    assertThat(preferences).contains("aiPersonalization.tone", "desiredRoles[0]");
    assertThat(op("POST /api/v1/ai/embeddings").fields().stream().filter(f -> f.name().equals("texts")).findFirst()
        .orElseThrow().schema().path("maxItems").asInt()).isEqualTo(64);
  }

  @Test
  void aBodyDocumentedAsABareObjectHasTheFieldsOfTheResourceItAnswersWith() {
    assertThat(op("PATCH /api/v1/users/me").fields()).extracting(Field::name).contains("firstName", "bio");
  }

  @Test
  void bodiesChangeOneValueAtAPathAndLeaveTheOriginalAlone() {
    Map<String, Object> base = Map.of("items", List.of(Map.of("vector", List.of(1.0, 2.0))), "k", 5);

    Map<String, Object> changed = Bodies.with(base, List.of("items", 0, "vector", 1), "x");

    assertThat(Bodies.at(changed, List.of("items", 0, "vector", 1))).isEqualTo("x");
    assertThat(Bodies.at(base, List.of("items", 0, "vector", 1))).isEqualTo(2.0);
    assertThat(Bodies.with(base, List.of("new", "deep"), 1)).containsEntry("new", Map.of("deep", 1));
    assertThat(Bodies.padded(base, 5_000)).hasSize(5_000);
  }
}
