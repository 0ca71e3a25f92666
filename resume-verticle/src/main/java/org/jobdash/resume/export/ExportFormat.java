package org.jobdash.resume.export;

import java.util.Arrays;
import java.util.List;

/** What a résumé can be exported as: the {@code format} parameter, the media type, the file name's extension. */
public enum ExportFormat {
  DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
  PDF("pdf", "application/pdf", "pdf"),
  MARKDOWN("markdown", "text/markdown; charset=utf-8", "md"),
  TEXT("text", "text/plain; charset=utf-8", "txt"),
  JSON_RESUME("json-resume", "application/json", "json");

  final String parameter;
  final String contentType;
  final String extension;

  ExportFormat(String parameter, String contentType, String extension) {
    this.parameter = parameter;
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  /** Null when {@code parameter} names no format. */
  static ExportFormat of(String parameter) {
    return Arrays.stream(values()).filter(f -> f.parameter.equals(parameter)).findFirst().orElse(null);
  }

  static List<String> parameters() {
    return Arrays.stream(values()).map(f -> f.parameter).toList();
  }
}
