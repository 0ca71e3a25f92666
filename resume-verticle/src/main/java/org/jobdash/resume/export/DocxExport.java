package org.jobdash.resume.export;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.jobdash.common.work.Deadline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A DOCX in one column with POI: the name large and bold, headings bold with space above, bullets indented with a
 * bullet sign, every line its own paragraph; Liberation Sans (metric-compatible with Arial) named as the font.
 * No tables, text boxes, headers or columns: nothing a tracker's parser could lose.
 */
final class DocxExport {

  private static final String FONT = "Liberation Sans";
  private static final int CHECK_EVERY_BLOCKS = 128;

  private DocxExport() {}

  static byte[] render(String title, Layout layout, Deadline deadline) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.getProperties().getCoreProperties().setTitle(title);
      int n = 0;
      for (Layout.Block b : layout.blocks()) {
        if (++n % CHECK_EVERY_BLOCKS == 0) {
          deadline.check();
        }
        if (b.kind() == Layout.Kind.GAP) {
          continue;
        }
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingAfter(b.kind() == Layout.Kind.NAME ? 160 : 40);
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(11);
        switch (b.kind()) {
          case NAME -> {
            run.setBold(true);
            run.setFontSize(18);
            p.setAlignment(ParagraphAlignment.LEFT);
          }
          case HEADING -> {
            run.setBold(true);
            run.setFontSize(13);
            p.setSpacingBefore(240);
          }
          case BULLET -> {
            p.setIndentationLeft(360);
            p.setIndentationHanging(240);
          }
          default -> { }
        }
        run.setText(b.kind() == Layout.Kind.BULLET ? "• " + b.text() : b.text());
      }
      deadline.check();
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the DOCX failed", e);
    }
  }
}
