package org.jobdash.resume.upload;

import io.vertx.core.json.JsonObject;

/**
 * An uploaded file once checked: its type as decided from its bytes, its text, its SHA-256 (hex), and for a JSON
 * Resume file the document its text was rendered from (else null).
 */
public record InspectedFile(String mimeType, String text, String sha256, JsonObject jsonResume) {}
