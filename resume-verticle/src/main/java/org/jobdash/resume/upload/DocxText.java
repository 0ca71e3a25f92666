package org.jobdash.resume.upload;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jobdash.common.http.ApiException;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The text of a DOCX, read within limits: first the ZIP's central directory is checked against its declared sizes
 * (nothing inflated: an honest bomb is refused at once, and a ZIP without a Word document is told apart), then POI
 * reads the package through {@link GuardedZipInput}, which bounds what really inflates.
 */
final class DocxText {

  static final String MAIN_PART = "word/document.xml";

  private DocxText() {}

  /** @throws ApiException.UnsupportedType when the ZIP is not a Word document */
  static String read(byte[] bytes, ReadBudget budget, String supported) {
    List<ZipDirectory.Entry> entries = directory(bytes, "DOCX");
    checkDeclaredSizes(entries, budget.maxDecodedBytes(), "DOCX");
    if (entries.stream().noneMatch(e -> MAIN_PART.equals(e.name()))) {
      throw new ApiException.UnsupportedType("The file is a ZIP archive but not a Word document; upload " + supported);
    }
    try (OPCPackage pkg = OPCPackage.open(new ZipInputStreamZipEntrySource(new ZipArchiveThresholdInputStream(
             new GuardedZipInput(new ByteArrayInputStream(bytes), budget))));
         XWPFDocument document = new XWPFDocument(pkg);
         XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
      String text = extractor.getText();
      budget.rethrow();
      return text;
    } catch (Exception e) {
      budget.rethrow();
      throw e instanceof ApiException api ? api : UploadProblems.corrupt("DOCX");
    }
  }

  /** The directory of a ZIP-packaged document ({@code kind}: DOCX, ODT), its entries counted against POI's limit. */
  static List<ZipDirectory.Entry> directory(byte[] bytes, String kind) {
    try {
      List<ZipDirectory.Entry> entries = ZipDirectory.read(bytes, ZipSecureFile.getMaxFileCount());
      if (entries.isEmpty()) {
        throw UploadProblems.corrupt(kind);
      }
      return entries;
    } catch (ZipDirectory.Unreadable e) {
      throw UploadProblems.corrupt(kind);
    } catch (ZipDirectory.TooManyEntries e) {
      throw UploadProblems.decompressionBomb("The archive lists " + e.getMessage() + " entries; at most "
          + ZipSecureFile.getMaxFileCount() + " are accepted");
    }
  }

  /** The sizes the directory declares, against the same limits the read enforces on what really inflates. */
  static void checkDeclaredSizes(List<ZipDirectory.Entry> entries, long maxDecodedBytes, String kind) {
    long total = 0;
    for (ZipDirectory.Entry e : entries) {
      if (e.size() < 0 || e.compressedSize() < 0) {
        throw UploadProblems.corrupt(kind);
      }
      if (e.size() > ZipSecureFile.getGraceEntrySize()
          && (double) e.compressedSize() / e.size() < ZipSecureFile.getMinInflateRatio()) {
        throw UploadProblems.decompressionBomb("The entry " + e.name() + " declares that it inflates more than "
            + Math.round(1 / ZipSecureFile.getMinInflateRatio()) + " times");
      }
      total += e.size();
      if (total > maxDecodedBytes) {
        throw UploadProblems.decompressionBomb("Its entries declare more than " + maxDecodedBytes
            + " bytes inflated");
      }
    }
  }
}
