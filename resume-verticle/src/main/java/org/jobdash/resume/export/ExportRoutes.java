package org.jobdash.resume.export;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jobdash.common.auth.AuthUser;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.JsonInput;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.RequestDeadline;
import org.jobdash.resume.document.ResumeRoutes;

import java.time.Duration;

/** {@code GET /api/v1/resumes/{id}/export?format=…[&version=N]}: a version rendered as a file to download. */
public final class ExportRoutes {

  private final ExportService exports;
  private final Duration processingTimeout;

  public ExportRoutes(ExportService exports, Duration processingTimeout) {
    this.exports = exports;
    this.processingTimeout = processingTimeout;
  }

  public void mount(Router router, RequestContract contract) {
    router.get("/api/v1/resumes/:id/export").handler(contract.validate("exportResume")).handler(this::export);
  }

  private void export(RoutingContext ctx) {
    String raw = ctx.request().getParam("format");
    if (raw == null) {
      throw ApiException.Invalid.field("format", "is required: one of " + ExportFormat.parameters());
    }
    ExportFormat format = ExportFormat.of(raw);
    if (format == null) {
      throw ApiException.Invalid.field("format", "must be one of " + ExportFormat.parameters());
    }
    Integer version = ctx.request().getParam("version") == null ? null
        : JsonInput.queryInt(ctx, "version", 1, 1, Integer.MAX_VALUE);
    exports.export(AuthUser.of(ctx).userId(), JsonInput.pathUuid(ctx, "id"), format, version,
            RequestDeadline.of(ctx, processingTimeout))
        .onSuccess(e -> ctx.response()
            .putHeader("Content-Type", e.format().contentType())
            .putHeader("Content-Disposition", ResumeRoutes.disposition(fileName(e)))
            .end(e.bytes()))
        .onFailure(ctx::fail);
  }

  /** {@code <title>-v<N>.<ext>}, the title's characters a file system refuses replaced. */
  static String fileName(ExportService.Export e) {
    StringBuilder name = new StringBuilder();
    String title = e.title() == null || e.title().isBlank() ? "resume" : e.title().strip();
    title.codePoints().limit(120).forEach(c -> name.appendCodePoint(
        c < 0x20 || c == 0x7F || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c));
    return name + "-v" + e.versionNumber() + "." + e.format().extension;
  }
}
