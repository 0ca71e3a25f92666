package org.jobdash.resume.upload;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.jobdash.common.http.ApiException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * The text of an OpenDocument text (.odt), with the DOCX guards: the ZIP's directory checked against its declared
 * sizes, then every entry inflated once through {@link GuardedZipInput} (each byte charged to the budget, the
 * inflate ratio and entry count bounded, any DTD in an XML part refused) before Tika's parser reads the same bytes,
 * which can therefore inflate no more than was just measured.
 */
final class OdtText {

  static final String CONTENT = "content.xml";

  private OdtText() {}

  static String read(byte[] bytes, ReadBudget budget, int maxChars, String supported) {
    List<ZipDirectory.Entry> entries = DocxText.directory(bytes, "ODT");
    DocxText.checkDeclaredSizes(entries, budget.maxDecodedBytes(), "ODT");
    if (entries.stream().noneMatch(e -> CONTENT.equals(e.name()))) {
      throw new ApiException.UnsupportedType("The file is an OpenDocument package but not a text document; upload "
          + supported);
    }
    inflateOnce(bytes, budget);
    return TikaText.read(new OpenDocumentParser(), bytes, budget, maxChars, "ODT");
  }

  private static void inflateOnce(byte[] bytes, ReadBudget budget) {
    byte[] sink = new byte[8192];
    try (GuardedZipInput zip = new GuardedZipInput(new ByteArrayInputStream(bytes), budget)) {
      for (ZipArchiveEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        while (zip.read(sink, 0, sink.length) >= 0) {
          // every byte is charged to the budget as it comes out
        }
      }
    } catch (IOException e) {
      budget.rethrow();
      throw UploadProblems.corrupt("ODT");
    }
    budget.rethrow();
  }
}
