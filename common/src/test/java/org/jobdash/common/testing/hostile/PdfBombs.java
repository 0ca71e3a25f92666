package org.jobdash.common.testing.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * PDF files written object by object (catalog, page tree, one Helvetica font, content streams, a correct
 * cross-reference table): a minimal text document, one whose page content is a FlateDecode stream that inflates
 * to gigabytes, and one of tens of thousands of pages.
 */
public final class PdfBombs {

  private static final String FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  private static final int CATALOG = 1;
  private static final int PAGES = 2;
  private static final int FONT_OBJECT = 3;
  private static final int CONTENT = 4;
  private static final int FIRST_PAGE = 5;

  private PdfBombs() {}

  /** One page showing {@code text}, a line per line. */
  public static byte[] minimal(String text) {
    StringBuilder content = new StringBuilder("BT /F1 11 Tf 14 TL 50 740 Td\n");
    for (String line : text.split("\n")) {
      content.append('(').append(literal(line)).append(") Tj T*\n");
    }
    content.append("ET\n");
    byte[] stream = content.toString().getBytes(StandardCharsets.ISO_8859_1);
    return document(1, "<< /Length " + stream.length + " >>", stream);
  }

  /**
   * One page whose content stream is FlateDecode-compressed and inflates to exactly {@code inflatedBytes} bytes: a
   * line of text, then spaces (PDF whitespace). The file is about a thousandth of that.
   */
  public static byte[] flateBomb(long inflatedBytes) {
    byte[] head = "BT /F1 11 Tf 50 740 Td (Inflate me) Tj ET\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] tail = "\n".getBytes(StandardCharsets.ISO_8859_1);
    if (inflatedBytes < head.length + tail.length) {
      throw new IllegalArgumentException("at least " + (head.length + tail.length) + " bytes");
    }
    DeflatedRun run = DeflatedRun.zlib(head, (byte) ' ', inflatedBytes - head.length - tail.length, tail);
    return document(1, "<< /Length " + run.compressed().length + " /Filter /FlateDecode >>", run.compressed());
  }

  /** {@code pages} pages sharing one small content stream. */
  public static byte[] pages(int pages) {
    byte[] stream = "BT /F1 11 Tf 50 740 Td (Page) Tj ET\n".getBytes(StandardCharsets.ISO_8859_1);
    return document(pages, "<< /Length " + stream.length + " >>", stream);
  }

  private static byte[] document(int pageCount, String contentDictionary, byte[] content) {
    Writer w = new Writer();
    w.object(CATALOG, "<< /Type /Catalog /Pages " + PAGES + " 0 R >>");
    StringBuilder kids = new StringBuilder("[");
    for (int i = 0; i < pageCount; i++) {
      kids.append(i == 0 ? "" : " ").append(FIRST_PAGE + i).append(" 0 R");
    }
    w.object(PAGES, "<< /Type /Pages /Kids " + kids.append(']') + " /Count " + pageCount + " >>");
    w.object(FONT_OBJECT, FONT);
    w.stream(CONTENT, contentDictionary, content);
    for (int i = 0; i < pageCount; i++) {
      w.object(FIRST_PAGE + i, "<< /Type /Page /Parent " + PAGES + " 0 R /MediaBox [0 0 612 792] /Resources << /Font"
          + " << /F1 " + FONT_OBJECT + " 0 R >> >> /Contents " + CONTENT + " 0 R >>");
    }
    return w.finish(CATALOG);
  }

  /** A PDF string literal's body: backslash, parentheses escaped; other characters outside Latin-1 dropped. */
  private static String literal(String line) {
    StringBuilder b = new StringBuilder();
    for (char c : line.toCharArray()) {
      if (c == '\\' || c == '(' || c == ')') {
        b.append('\\').append(c);
      } else if (c >= 0x20 && c <= 0xFF) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Objects numbered 1…n written in order, then the cross-reference table and trailer. */
  private static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Integer> offsets = new ArrayList<>();

    Writer() {
      ascii("%PDF-1.7\n");
      out.writeBytes(new byte[] {'%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
    }

    void object(int number, String body) {
      begin(number);
      ascii(body + "\nendobj\n");
    }

    void stream(int number, String dictionary, byte[] data) {
      begin(number);
      ascii(dictionary + "\nstream\n");
      out.writeBytes(data);
      ascii("\nendstream\nendobj\n");
    }

    private void begin(int number) {
      if (number != offsets.size() + 1) {
        throw new IllegalStateException("objects are written in order; expected " + (offsets.size() + 1));
      }
      offsets.add(out.size());
      ascii(number + " 0 obj\n");
    }

    byte[] finish(int root) {
      int xref = out.size();
      StringBuilder b = new StringBuilder("xref\n0 ").append(offsets.size() + 1).append("\n0000000000 65535 f \n");
      for (int offset : offsets) {
        b.append(String.format("%010d 00000 n \n", offset));
      }
      b.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root ").append(root)
          .append(" 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
      ascii(b.toString());
      return out.toByteArray();
    }

    private void ascii(String s) {
      out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
  }
}
