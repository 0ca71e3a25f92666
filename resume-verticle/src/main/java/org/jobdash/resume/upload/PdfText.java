package org.jobdash.resume.upload;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jobdash.common.http.ApiException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;

/**
 * The text of a PDF, read within limits: at most {@code maxPages} pages, every decoded byte charged to the
 * {@link ReadBudget} (see {@link PdfFilterGuard}), a memory-only stream cache of the same size, the text taken page
 * by page and stopped once it is longer than a résumé may be, the deadline looked at between pages and operators.
 */
final class PdfText {

  private static final int CHECK_EVERY_OPERATORS = 1024;
  /**
   * The most glyphs one page may draw. The stripper keeps a page's glyphs until the page ends (to sort them), so
   * this bounds its memory; a dense page of small print has some twenty thousand.
   */
  static final int MAX_PAGE_GLYPHS = 100_000;
  /**
   * The stripper stops at this many times the text limit: normalising the text afterwards removes blanks and empty
   * lines, and the caller checks the final length.
   */
  private static final int RAW_TEXT_SLACK = 2;

  private PdfText() {}

  static String read(byte[] bytes, int maxPages, int maxChars, ReadBudget budget) {
    try {
      return PdfFilterGuard.under(budget, () -> extract(bytes, maxPages, maxChars, budget));
    } catch (InvalidPasswordException e) {
      throw UploadProblems.encrypted("PDF");
    } catch (IOException | RuntimeException e) {
      budget.rethrow();
      throw e instanceof ApiException api ? api : UploadProblems.corrupt("PDF");
    }
  }

  private static String extract(byte[] bytes, int maxPages, int maxChars, ReadBudget budget) throws IOException {
    try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "", null, null,
        MemoryUsageSetting.setupMainMemoryOnly(budget.maxDecodedBytes()).streamCache)) {
      if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
        throw UploadProblems.encrypted("PDF");
      }
      int pages = document.getNumberOfPages();
      if (pages <= 0) {
        throw UploadProblems.corrupt("PDF");
      }
      if (pages > maxPages) {
        throw UploadProblems.tooManyPages(Integer.toString(pages), maxPages);
      }
      CappedText text = new CappedText((int) Math.min(Integer.MAX_VALUE, (long) RAW_TEXT_SLACK * maxChars), maxChars,
          budget);
      BoundedStripper stripper = new BoundedStripper(maxPages, maxChars, budget);
      stripper.setSortByPosition(true);
      stripper.writeText(document, text);
      budget.rethrow();
      return text.toString();
    }
  }

  /**
   * The stripper with the limits: pages counted as they are read (a page tree can lie about its count), glyphs
   * counted per page and in all (the text comes out only at the end of each page), the deadline looked at.
   */
  private static final class BoundedStripper extends PDFTextStripper {
    private final int maxPages;
    private final int maxChars;
    private final long maxGlyphs;
    private final ReadBudget budget;
    private int pages;
    private int operators;
    private int pageGlyphs;
    private long glyphs;

    BoundedStripper(int maxPages, int maxChars, ReadBudget budget) {
      this.maxPages = maxPages;
      this.maxChars = maxChars;
      this.maxGlyphs = (long) RAW_TEXT_SLACK * maxChars;
      this.budget = budget;
    }

    @Override
    public void processPage(PDPage page) throws IOException {
      if (++pages > maxPages) {
        throw budget.refuse(UploadProblems.tooManyPages("more than " + maxPages, maxPages));
      }
      budget.checkTime();
      pageGlyphs = 0;
      // PDFBox parses a page's FlateDecode contents as an unlimited stream that bypasses the filters: decode them
      // once through the guarded filters first, so that a bomb is charged (and stopped) before it is parsed
      for (Iterator<PDStream> streams = page.getContentStreams(); streams.hasNext(); ) {
        try (InputStream contents = streams.next().createInputStream()) {
          contents.transferTo(OutputStream.nullOutputStream());
        }
      }
      super.processPage(page);
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
      if (++operators % CHECK_EVERY_OPERATORS == 0) {
        budget.checkTime();
      }
      super.processOperator(operator, operands);
    }

    @Override
    protected void processTextPosition(TextPosition text) {
      if (++pageGlyphs > MAX_PAGE_GLYPHS) {
        throw new UncheckedIOException(budget.refuse(UploadProblems.pageTooDense(pages, MAX_PAGE_GLYPHS)));
      }
      if (++glyphs > maxGlyphs) {
        throw new UncheckedIOException(budget.refuse(UploadProblems.textTooLong("more than " + maxChars,
            maxChars)));
      }
      super.processTextPosition(text);
    }
  }

  /** Collects the text and stops the stripper once it passes {@code cap} characters. */
  private static final class CappedText extends Writer {
    private final StringBuilder text = new StringBuilder();
    private final int cap;
    private final int maxChars;
    private final ReadBudget budget;

    CappedText(int cap, int maxChars, ReadBudget budget) {
      this.cap = cap;
      this.maxChars = maxChars;
      this.budget = budget;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
      room(len);
      text.append(chars, off, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      room(len);
      text.append(s, off, off + len);
    }

    private void room(int len) throws ReadBudget.Refused {
      if (text.length() + (long) len > cap) {
        throw budget.refuse(UploadProblems.textTooLong("more than " + maxChars, maxChars));
      }
    }

    @Override
    public void flush() {
      // the text stays in memory
    }

    @Override
    public void close() {
      // nothing to release
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
