package org.jobdash.resume.export;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jobdash.common.work.Deadline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A PDF in one column with PDFBox, in Liberation Sans (SIL Open Font License 1.1, from the openpdf-fonts-extra jar)
 * embedded as a subset, so that it looks and extracts the same everywhere: real text, never images, lines wrapped
 * at word boundaries, A4 with 2 cm margins. A character the font has no glyph for is drawn as {@code ?}.
 */
final class PdfExport {

  private static final byte[] REGULAR = font("LiberationSans-Regular.ttf");
  private static final byte[] BOLD = font("LiberationSans-Bold.ttf");
  private static final float MARGIN = 56.7f;
  private static final float BODY = 10.5f;
  private static final int CHECK_EVERY_LINES = 64;

  private PdfExport() {}

  private record Style(PDType0Font font, CmapLookup cmap, float size, float before, float indent, String prefix) {}

  static byte[] render(String title, Layout layout, Deadline deadline) {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.getDocumentInformation().setTitle(title);
      TrueTypeFont regularTtf = new TTFParser().parse(new RandomAccessReadBuffer(REGULAR));
      TrueTypeFont boldTtf = new TTFParser().parse(new RandomAccessReadBuffer(BOLD));
      PDType0Font regular = PDType0Font.load(doc, regularTtf, true);
      PDType0Font bold = PDType0Font.load(doc, boldTtf, true);
      CmapLookup regularCmap = regularTtf.getUnicodeCmapLookup();
      CmapLookup boldCmap = boldTtf.getUnicodeCmapLookup();
      Pages pages = new Pages(doc);
      int n = 0;
      for (Layout.Block b : layout.blocks()) {
        Style style = switch (b.kind()) {
          case NAME -> new Style(bold, boldCmap, 18, 0, 0, "");
          case HEADING -> new Style(bold, boldCmap, 12.5f, 10, 0, "");
          case BULLET -> new Style(regular, regularCmap, BODY, 0, 14, "• ");
          case LINE -> new Style(regular, regularCmap, BODY, 0, 0, "");
          case GAP -> null;
        };
        if (style == null) {
          pages.skip(BODY * 0.6f);
          continue;
        }
        String text = drawable(style.prefix() + b.text(), style.cmap());
        pages.skip(style.before());
        boolean first = true;
        for (String line : wrap(text, style, pages.width() - style.indent())) {
          if (++n % CHECK_EVERY_LINES == 0) {
            deadline.check();
          }
          // a bullet's wrapped lines stand under its text, not under the bullet sign
          float indent = style.indent() + (first ? 0 : style.font().getStringWidth(style.prefix()) / 1000 * style.size());
          pages.line(line, style.font(), style.size(), indent);
          first = false;
        }
      }
      pages.close();
      if (doc.getNumberOfPages() == 0) {
        doc.addPage(new PDPage(PDRectangle.A4));
      }
      deadline.check();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the PDF failed", e);
    }
  }

  /** The text with each character the font cannot draw (and every control character) replaced. */
  static String drawable(String text, CmapLookup cmap) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        out.append(' ');
      } else if (Character.isISOControl(c) || cmap.getGlyphId(c) == 0) {
        out.append('?');
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /** Words into lines no wider than {@code width}; a word wider than a line is cut. */
  private static List<String> wrap(String text, Style style, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    float lineWidth = 0;
    float space = width(" ", style);
    for (String word : text.split(" ", -1)) {
      if (word.isEmpty()) {
        continue;
      }
      float w = width(word, style);
      while (w > width) {
        int cut = word.length() - 1;
        while (cut > 1 && width(word.substring(0, cut), style) > width) {
          cut = Math.max(1, cut * 3 / 4);
        }
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
          lineWidth = 0;
        }
        lines.add(word.substring(0, cut));
        word = word.substring(cut);
        w = width(word, style);
      }
      if (line.length() > 0 && lineWidth + space + w > width) {
        lines.add(line.toString());
        line.setLength(0);
        lineWidth = 0;
      }
      if (line.length() > 0) {
        line.append(' ');
        lineWidth += space;
      }
      line.append(word);
      lineWidth += w;
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static float width(String s, Style style) throws IOException {
    return style.font().getStringWidth(s) / 1000 * style.size();
  }

  /** The page being written, and the next when it is full. */
  private static final class Pages {
    private final PDDocument doc;
    private PDPageContentStream stream;
    private float y;

    Pages(PDDocument doc) {
      this.doc = doc;
    }

    float width() {
      return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    void skip(float points) {
      y -= points;
    }

    void line(String text, PDType0Font font, float size, float indent) throws IOException {
      float leading = size * 1.3f;
      if (stream == null || y - leading < MARGIN) {
        close();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        stream = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
      }
      y -= leading;
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(MARGIN + indent, y);
      stream.showText(text);
      stream.endText();
    }

    void close() throws IOException {
      if (stream != null) {
        stream.close();
        stream = null;
      }
    }
  }

  private static byte[] font(String name) {
    try (InputStream in = PdfExport.class.getResourceAsStream("/liberation/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the font liberation/" + name + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
