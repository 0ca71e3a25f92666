package org.jobdash.launcher.gateway;

import org.jobdash.common.http.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayPathTest {

  private static final GatewayRoutes ROUTES = new GatewayRoutes(1_000, 10_000, 100_000);

  @ParameterizedTest
  @CsvSource({
      "/api/v1/users/me, /api/v1/users/me",
      "/api/v1//users///me/, /api/v1/users/me/",
      "/api/v1/%75sers/me, /api/v1/users/me",
      "/api/v1/resumes/caf%C3%A9, /api/v1/resumes/café",
      "/api/v1/resumes/a%20b, /api/v1/resumes/a b",
      "/.well-known/jwks.json, /.well-known/jwks.json",
      "/api/v1/users/..well, /api/v1/users/..well",
      "/, /",
      "//, /"})
  void anOrdinaryPathIsDecodedOnceWithEmptySegmentsDropped(String raw, String normalised) {
    assertThat(GatewayPath.of(raw).normalised()).isEqualTo(normalised);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/.well-known/../openapi.yaml",
      "/api/v1/users/../../../openapi.yaml",
      "/api/v1/users/./me",
      "/api/v1/users/..",
      "/api/v1/users/%2e%2e/%2e%2e/%2e%2e/metrics",
      "/api/v1/users/%2E%2E/%2E%2E/%2E%2E/metrics",
      "/api/v1/users/.%2e/.%2e/openapi.yaml",
      "/api/v1/users/%2e/me",
      "/api/v1/users/..%2f..%2f..%2fopenapi.yaml",
      "/api/v1/users%2F..%2F..%2Fmetrics",
      "/api/v1/users/..%5c..%5copenapi.yaml",
      "/api/v1/users/..\\..\\openapi.yaml",
      "/api/v1/users/%c0%ae%c0%ae/%c0%ae%c0%ae/openapi.yaml",
      "/api/v1/users/%c0%af../openapi.yaml",
      "/api/v1/users/%e0%80%ae%e0%80%ae/openapi.yaml",
      "/api/v1/users/%252e%252e/%252e%252e/openapi.yaml",
      "/api/v1/users/%u002e%u002e/openapi.yaml",
      "/api/v1/users/me%00",
      "/api/v1/users/me%0d%0aX: y",
      "/api/v1/users/me\u0000",
      "/api/v1/users/m\u00e9",
      "/api/v1/users/%ff",
      "/api/v1/users/%e",
      "/api/v1/users/%",
      "*",
      ""})
  void aPathThatABackendCouldReadDifferentlyIsRefused(String raw) {
    assertThatThrownBy(() -> GatewayPath.of(raw)).isInstanceOf(ApiException.Invalid.class)
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
  }

  @Test
  void onlyTheServicesApiPathsAndTheJwksHaveADestination() {
    assertThat(ROUTES.of(GatewayPath.of("/api/v1/auth/login")).service()).isEqualTo("user");
    assertThat(ROUTES.of(GatewayPath.of("/api/v1/users")).service()).isEqualTo("user");
    assertThat(ROUTES.of(GatewayPath.of("/api/v1/admin/users")).service()).isEqualTo("user");
    assertThat(ROUTES.of(GatewayPath.of("/.well-known/jwks.json")).service()).isEqualTo("user");
    assertThat(ROUTES.of(GatewayPath.of("/api/v1/resumes/1/versions")).service()).isEqualTo("resume");
    assertThat(ROUTES.of(GatewayPath.of("/api/v1/ai/job-match")).service()).isEqualTo("ai");
    for (String elsewhere : new String[] {"/metrics", "/openapi.yaml", "/health/ready", "/.well-known/openapi.yaml",
        "/.well-known", "/api/v1/usersx", "/api/v1/aix/models", "/api/v2/users/me", "/api/v1"}) {
      assertThat(ROUTES.of(GatewayPath.of(elsewhere))).as(elsewhere).isNull();
    }
  }

  @Test
  void uploadsAndEmbeddingBatchesMayCarryMoreThanTheJsonApis() {
    assertThat(ROUTES.of(GatewayPath.of("/api/v1/resumes")).bodyLimit()).isEqualTo(10_000);
    assertThat(ROUTES.of(GatewayPath.of("/api/v1/resumes/42")).bodyLimit()).isEqualTo(1_000);
    assertThat(ROUTES.of(GatewayPath.of("/api/v1/ai/embeddings/batch")).bodyLimit()).isEqualTo(100_000);
    assertThat(ROUTES.of(GatewayPath.of("/api/v1/ai/embeddings")).bodyLimit()).isEqualTo(1_000);
    assertThat(ROUTES.of(GatewayPath.of("/api/v1/auth/register")).bodyLimit()).isEqualTo(1_000);
  }
}
