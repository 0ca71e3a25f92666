package org.jobdash.resume.upload;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.DecodeResult;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * Puts a limit on what PDFBox decodes. PDFBox 3 decodes every filtered stream (page contents, fonts, object and
 * cross-reference streams) whole into memory, with no limit and no way to set one, through the filters of its
 * {@link FilterFactory}; a stream cache setting does not cover it. This wraps each of those filters once, so that
 * while a thread reads an upload {@link #under} a {@link ReadBudget}, every decoded byte is charged to that budget
 * as it is written: a FlateDecode bomb stops at the limit. Threads without a budget decode as before. PDFBox lets
 * nobody register filters, so the wrapping replaces the values of FilterFactory's private map when this class is
 * initialised; if an upgrade of PDFBox changes that map, the initialisation fails (an Error, when the service starts:
 * see {@link FileInspector#warmUp}) instead of leaving uploads unguarded.
 */
final class PdfFilterGuard {

  /** A piece of PDF work that may throw what PDFBox throws. */
  interface Work<T> {
    T run() throws IOException;
  }

  private static final ThreadLocal<ReadBudget> BUDGET = new ThreadLocal<>();

  static {
    filters().replaceAll((name, filter) -> new Guarded(filter));
  }

  private PdfFilterGuard() {}

  /** True when every filter PDFBox knows is wrapped. */
  static boolean installed() {
    return filters().values().stream().allMatch(Guarded.class::isInstance);
  }

  /** Runs {@code work} with every byte PDFBox decodes on this thread charged to {@code budget}. */
  static <T> T under(ReadBudget budget, Work<T> work) throws IOException {
    BUDGET.set(budget);
    try {
      return work.run();
    } finally {
      BUDGET.remove();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<COSName, Filter> filters() {
    try {
      Field field = FilterFactory.class.getDeclaredField("filters");
      field.setAccessible(true);
      return (Map<COSName, Filter>) field.get(FilterFactory.INSTANCE);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("this PDFBox version keeps its filters elsewhere: the PDF decode limit cannot "
          + "be installed", e);
    }
  }

  /** A PDFBox filter whose decoded output is charged to the budget of the decoding thread, if it has one. */
  private static final class Guarded extends Filter {
    private final Filter filter;

    Guarded(Filter filter) {
      this.filter = filter;
    }

    @Override
    public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index)
        throws IOException {
      return filter.decode(encoded, charged(decoded), parameters, index);
    }

    @Override
    public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index,
                               DecodeOptions options) throws IOException {
      return filter.decode(encoded, charged(decoded), parameters, index, options);
    }

    @Override
    protected void encode(InputStream input, OutputStream encoded, COSDictionary parameters) throws IOException {
      filter.encode(input, encoded, parameters, 0);
    }

    private static OutputStream charged(OutputStream decoded) {
      ReadBudget budget = BUDGET.get();
      return budget == null ? decoded : new Charged(decoded, budget);
    }
  }

  private static final class Charged extends FilterOutputStream {
    private final ReadBudget budget;

    Charged(OutputStream out, ReadBudget budget) {
      super(out);
      this.budget = budget;
    }

    @Override
    public void write(int b) throws IOException {
      budget.charge(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      budget.charge(len);
      out.write(b, off, len);
    }
  }
}
