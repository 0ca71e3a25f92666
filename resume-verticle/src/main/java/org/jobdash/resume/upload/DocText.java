package org.jobdash.resume.upload;

import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.hwpf.model.FileInformationBlock;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.jobdash.common.http.ApiException;

import java.io.IOException;
import java.io.InputStream;

/**
 * The text of a legacy Word (.doc, Word 97-2003) file with POI's HWPF. Its piece table maps the text onto the
 * file's bytes, and pieces may overlap: a small file could declare gigabytes of text, which HWPF would copy out
 * while it opens the document. So the piece table is read first (plain code over the table stream) and the text
 * it declares is held to the character limit before HWPF sees the file.
 */
final class DocText {

  private static final int PCDT = 2;
  private static final int PRC = 1;

  private DocText() {}

  /** @param fs the OLE2 container, known to hold a {@code WordDocument} stream */
  static String read(POIFSFileSystem fs, ReadBudget budget, int maxChars) {
    try {
      DirectoryNode root = fs.getRoot();
      byte[] main = stream(root, "WordDocument", budget);
      FileInformationBlock fib = new FileInformationBlock(main);
      if (fib.getFibBase().isFEncrypted()) {
        throw UploadProblems.encrypted("DOC");
      }
      String tableName = fib.getFibBase().isFWhichTblStm() ? "1Table" : "0Table";
      if (!root.hasEntry(tableName)) {
        throw UploadProblems.corrupt("DOC");
      }
      byte[] table = stream(root, tableName, budget);
      // the FIB's variable part (where the CLX is) is read against both streams, as HWPF itself does
      fib.fillVariableFields(main, table);
      long declared = declaredChars(table, fib.getFcClx(), fib.getLcbClx());
      if (declared > maxChars) {
        throw UploadProblems.textTooLong(Long.toString(declared), maxChars);
      }
      budget.charge(declared * 2);
      try (HWPFDocument document = new HWPFDocument(root); WordExtractor extractor = new WordExtractor(document)) {
        String text = extractor.getText();
        budget.rethrow();
        return text;
      }
    } catch (ApiException e) {
      throw e;
    } catch (Exception e) {
      budget.rethrow();
      throw UploadProblems.corrupt("DOC");
    }
  }

  private static byte[] stream(DirectoryNode root, String name, ReadBudget budget) throws IOException {
    DocumentEntry entry = (DocumentEntry) root.getEntry(name);
    budget.charge(entry.getSize());
    try (InputStream in = new DocumentInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  /**
   * The characters the piece table declares: the CLX at {@code offset} is a run of property records (type 1) and
   * one piece table (type 2) whose character positions must rise; their span is the text HWPF would copy.
   */
  static long declaredChars(byte[] table, int offset, int length) {
    long end = (long) offset + length;
    if (offset < 0 || length <= 0 || end > table.length) {
      throw UploadProblems.corrupt("DOC");
    }
    int p = offset;
    while (p < end) {
      int type = table[p] & 0xFF;
      if (type == PRC && p + 3 <= end) {
        p += 3 + u16(table, p + 1);
      } else if (type == PCDT && p + 5 <= end) {
        long lcb = u32(table, p + 1);
        int start = p + 5;
        if (lcb < 16 || start + lcb > end || (lcb - 4) % 12 != 0) {
          throw UploadProblems.corrupt("DOC");
        }
        int pieces = (int) ((lcb - 4) / 12);
        long previous = -1;
        long first = 0;
        long total = 0;
        for (int i = 0; i <= pieces; i++) {
          long cp = u32(table, start + 4 * i);
          if (cp <= previous) {
            throw UploadProblems.corrupt("DOC");
          }
          if (i == 0) {
            first = cp;
          }
          total = cp - first;
          previous = cp;
        }
        return total;
      } else {
        break;
      }
    }
    throw UploadProblems.corrupt("DOC");
  }

  private static int u16(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] b, int p) {
    return ((b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24);
  }
}
