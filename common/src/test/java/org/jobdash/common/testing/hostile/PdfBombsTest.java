package org.jobdash.common.testing.hostile;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.InflaterInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class PdfBombsTest {

  private static final long GIB = 1L << 30;

  @Test
  void theFlateBombsStreamInflatesToExactlyTheSizeItWasMadeFor() throws IOException {
    byte[] pdf = PdfBombs.flateBomb(GIB);

    assertThat(pdf.length).isLessThan(1_500_000);
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    Matcher m = Pattern.compile("<< /Length (\\d+) /Filter /FlateDecode >>\nstream\n").matcher(text);
    assertThat(m.find()).isTrue();
    int length = Integer.parseInt(m.group(1));
    assertThat(text.substring(m.end() + length)).startsWith("\nendstream");

    CountingSink sink = new CountingSink();
    try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(pdf, m.end(), length))) {
      sink.drain(in);
    }
    assertThat(sink.count).isEqualTo(GIB);
    assertThat(sink.first).startsWith("BT /F1 11 Tf");
  }

  @Test
  void everyCrossReferenceEntryPointsAtItsObject() {
    for (byte[] pdf : new byte[][] {PdfBombs.minimal("Priya Sharma\nRegistered nurse (ICU)"), PdfBombs.pages(20_000),
        PdfBombs.flateBomb(1 << 20)}) {
      String text = new String(pdf, StandardCharsets.ISO_8859_1);
      assertThat(text).startsWith("%PDF-1.7\n").endsWith("%%EOF\n");
      int xref = Integer.parseInt(text.substring(text.lastIndexOf("startxref\n") + 10, text.lastIndexOf("\n%%EOF")));
      assertThat(text.substring(xref)).startsWith("xref\n0 ");
      String[] lines = text.substring(xref).split("\n");
      int count = Integer.parseInt(lines[1].split(" ")[1]);
      for (int object = 1; object < count; object++) {
        int offset = Integer.parseInt(lines[2 + object].substring(0, 10));
        assertThat(text.startsWith(object + " 0 obj\n", offset)).as("object %d at %d", object, offset).isTrue();
      }
    }
  }

  @Test
  void theManyPagesDocumentHasThatManyPagesInItsTree() {
    String text = new String(PdfBombs.pages(20_000), StandardCharsets.ISO_8859_1);

    assertThat(text).contains("/Count 20000 >>");
    assertThat(Pattern.compile("/Type /Page /Parent").matcher(text).results().count()).isEqualTo(20_000);
  }

  @Test
  void theMinimalDocumentShowsItsTextEscaped() {
    String text = new String(PdfBombs.minimal("Nurse (ICU)\\Leeds"), StandardCharsets.ISO_8859_1);

    assertThat(text).contains("(Nurse \\(ICU\\)\\\\Leeds) Tj");
  }

  /** Counts what is written to it and keeps only the first bytes. */
  static final class CountingSink extends OutputStream {
    long count;
    String first = "";

    /** Reads {@code in} to its end through a large buffer (an inflater's output is cheap; the copies are not). */
    void drain(InputStream in) throws IOException {
      byte[] buffer = new byte[1 << 20];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        write(buffer, 0, n);
      }
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (count == 0) {
        first = new String(b, off, Math.min(len, 64), StandardCharsets.ISO_8859_1);
      }
      count += len;
    }
  }
}
