package org.jobdash.resume.upload;

/** An uploaded file once checked: its type as decided from its bytes, its text, and its SHA-256 (hex). */
public record InspectedFile(String mimeType, String text, String sha256) {}
