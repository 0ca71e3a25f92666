package org.jobdash.launcher.gateway;

import java.util.List;
import java.util.Map;

/**
 * What the gateway lets through: the services' API paths under their documented prefixes and the user service's
 * JWKS, nothing else of theirs (not their {@code /metrics}, {@code /openapi.yaml} or {@code /health/*}), each
 * with the largest body the gateway streams there: résumé uploads and embedding batches more than the JSON APIs.
 */
record GatewayRoutes(long jsonBodyLimit, long uploadBodyLimit, long batchBodyLimit) {

  /** Where a request goes and the most body bytes it may carry. */
  record Destination(String service, long bodyLimit) {}

  /** The services behind the gateway. */
  static final List<String> SERVICES = List.of("user", "resume", "ai");

  /** Path prefix → service, for {@code /api/v1/...}. */
  static final List<Map.Entry<String, String>> PREFIXES = List.of(
      Map.entry("/api/v1/auth", "user"),
      Map.entry("/api/v1/users", "user"),
      Map.entry("/api/v1/admin", "user"),
      Map.entry("/api/v1/resumes", "resume"),
      Map.entry("/api/v1/ai", "ai"));
  static final String JWKS = "/.well-known/jwks.json";
  static final String UPLOADS = "/api/v1/resumes";
  static final String EMBEDDING_BATCHES = "/api/v1/ai/embeddings/batch";

  /** The destination of {@code path}, or null when it is not a backend's API path (the gateway answers it). */
  Destination of(GatewayPath path) {
    String p = path.normalised();
    if (p.equals(JWKS)) {
      return new Destination("user", jsonBodyLimit);
    }
    for (Map.Entry<String, String> route : PREFIXES) {
      if (path.isUnder(route.getKey())) {
        long limit = path.isUnder(EMBEDDING_BATCHES) ? batchBodyLimit
            : p.equals(UPLOADS) || p.equals(UPLOADS + "/") ? uploadBodyLimit : jsonBodyLimit;
        return new Destination(route.getValue(), limit);
      }
    }
    return null;
  }
}
