package org.jobdash.resume.export;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.common.work.Deadline;
import org.jobdash.resume.jsonresume.TextJsonResume;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Exports: the version is read, then rendered on the résumé file worker under the request's deadline (a PDF or
 * DOCX of a long résumé is real work). JSON Resume gives back the document a version was imported from, exactly;
 * for any other version it is read from the text ({@link TextJsonResume}).
 */
public final class ExportService {

  /** A rendered export: its bytes, its format, and the title its file name comes from. */
  public record Export(Buffer bytes, ExportFormat format, String title, int versionNumber) {}

  private final ExportRepository exports;
  private final BoundedWorker files;

  public ExportService(ExportRepository exports, BoundedWorker files) {
    this.exports = exports;
    this.files = files;
  }

  public Future<Export> export(UUID userId, UUID resumeId, ExportFormat format, Integer version, Deadline deadline) {
    return exports.version(resumeId, userId, version).compose(found -> {
      ExportRepository.Source source = found.orElseThrow(() -> new ApiException.NotFound("No such résumé"));
      if (source.versionNumber() == null) {
        return Future.failedFuture(new ApiException.NotFound("No such version"));
      }
      return files.submit(deadline, d -> new Export(Buffer.buffer(render(source, format, d)), format, source.title(),
          source.versionNumber()));
    });
  }

  static byte[] render(ExportRepository.Source source, ExportFormat format, Deadline deadline) {
    String text = source.content() == null ? "" : source.content();
    return switch (format) {
      case TEXT -> text.getBytes(StandardCharsets.UTF_8);
      case MARKDOWN -> MarkdownExport.render(Layout.of(text, deadline), deadline).getBytes(StandardCharsets.UTF_8);
      case DOCX -> DocxExport.render(source.title(), Layout.of(text, deadline), deadline);
      case PDF -> PdfExport.render(source.title(), Layout.of(text, deadline), deadline);
      case JSON_RESUME -> {
        JsonObject doc = source.jsonResume() != null ? source.jsonResume() : TextJsonResume.parse(text, deadline);
        yield doc.encodePrettily().getBytes(StandardCharsets.UTF_8);
      }
    };
  }
}
