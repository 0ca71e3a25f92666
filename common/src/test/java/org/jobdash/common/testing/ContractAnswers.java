package org.jobdash.common.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableResponse;
import io.vertx.openapi.validation.ValidatorException;
import org.jobdash.common.http.ServiceContract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a service's answers against its OpenAPI document: the status is one the operation documents, and the
 * headers and body are valid against their schemas (vertx-openapi's response validator). An answer in a media type
 * the library cannot read (a PDF, YAML) is checked for a documented status and media type only. Remembers which
 * operations answered with which statuses, so that a test can require that it exercised every operation.
 */
public final class ContractAnswers {

  private final ServiceContract contract;
  private final ResponseValidator validator;
  private final Map<String, Set<Integer>> seen = new TreeMap<>();

  public ContractAnswers(Vertx vertx, ServiceContract contract) {
    this.contract = contract;
    this.validator = ResponseValidator.create(vertx, contract.openApi());
  }

  /** The checker of the document at classpath {@code resource} (e.g. {@code openapi/user-service.yaml}). */
  public static ContractAnswers load(Vertx vertx, String resource) {
    return new ContractAnswers(vertx, ServiceContract.load(vertx, resource).await());
  }

  public ServiceContract contract() {
    return contract;
  }

  /** {@code r}, after checking that it is {@code status} and an answer {@code operationId} documents. */
  public TestClient.Response check(String operationId, TestClient.Response r, int status) {
    assertThat(r.status()).as(operationId + ": " + r).isEqualTo(status);
    return check(operationId, r);
  }

  /** {@code r}, after checking that it is an answer {@code operationId} documents. */
  public TestClient.Response check(String operationId, TestClient.Response r) {
    assertThat(contract.openApi().operation(operationId)).as("operation " + operationId).isNotNull();
    seen.computeIfAbsent(operationId, k -> new TreeSet<>()).add(r.status());
    String type = mediaType(r.header("Content-Type"));
    boolean hasBody = r.body() != null && r.body().length() > 0;
    String validated = ServiceContract.validatedMediaType(type);
    // vertx-openapi 5.0.7 has no body transformer for text media types (a text/plain body fails as a Buffer): for
    // those, as for binary ones, the status and the media type are checked against the document
    if (hasBody && (validated == null || validated.startsWith("text/"))) {
      JsonObject response = documentedResponse(operationId, r.status());
      assertThat(response).as(operationId + " documents " + r.status()).isNotNull();
      assertThat(response.getJsonObject("content", new JsonObject()).fieldNames())
          .as(operationId + " " + r.status() + " media types").contains(type);
      return r;
    }
    Map<String, String> headers = new HashMap<>();
    r.headers().forEach(e -> headers.putIfAbsent(e.getKey(), e.getValue()));
    ValidatableResponse candidate = hasBody
        ? ValidatableResponse.create(r.status(), headers, r.body(), validated)
        : ValidatableResponse.create(r.status(), headers);
    try {
      validator.validate(candidate, operationId).await();
    } catch (RuntimeException e) {
      throw new AssertionError(mismatch(operationId, r, e), e);
    }
    return r;
  }

  /** operationId → the statuses its checked answers had. */
  public Map<String, Set<Integer>> seen() {
    return seen;
  }

  /** The operations of the document no checked answer came from. */
  public Set<String> unexercised() {
    Set<String> out = new TreeSet<>();
    contract.openApi().operations().forEach(op -> out.add(op.getOperationId()));
    out.removeAll(seen.keySet());
    return out;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "application/octet-stream";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** The document's response of {@code operationId} for {@code status}, its local {@code $ref} followed. */
  private JsonObject documentedResponse(String operationId, int status) {
    Operation op = contract.openApi().operation(operationId);
    JsonObject document = contract.document();
    JsonObject responses = document.getJsonObject("paths").getJsonObject(op.getOpenAPIPath())
        .getJsonObject(op.getHttpMethod().name().toLowerCase(Locale.ROOT)).getJsonObject("responses");
    JsonObject response = responses.getJsonObject(String.valueOf(status));
    if (response != null && response.getString("$ref") != null) {
      String name = response.getString("$ref").substring("#/components/responses/".length());
      response = document.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
    }
    return response;
  }

  private static String mismatch(String operationId, TestClient.Response r, Throwable e) {
    StringBuilder text = new StringBuilder("the ").append(r.status()).append(" of ").append(operationId)
        .append(" does not match the document: ").append(e.getMessage());
    if (e instanceof ValidatorException v) {
      text.append(" [").append(v.type()).append(']');
    }
    if (e instanceof SchemaValidationException s && s.getOutputUnit().getErrors() != null) {
      for (OutputUnit unit : s.getOutputUnit().getErrors()) {
        text.append("\n  at ").append(unit.getInstanceLocation()).append(" (").append(unit.getKeywordLocation())
            .append("): ").append(unit.getError());
      }
    }
    String body = r.text();
    return text.append("\n  body: ").append(body, 0, Math.min(2000, body.length())).toString();
  }
}
