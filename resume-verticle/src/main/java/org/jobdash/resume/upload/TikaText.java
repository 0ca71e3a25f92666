package org.jobdash.resume.upload;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.jobdash.common.http.ApiException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * The text of a document read by one of Tika's parsers (OpenDocument, RTF) within the file's {@link ReadBudget}:
 * the bytes it reads look at the deadline, the text it gives is capped at the character limit as it arrives (the
 * parser is stopped there), embedded documents are never parsed, and only the XHTML body is kept, a line per block.
 */
final class TikaText {

  private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr",
      "td", "th", "dt", "dd", "blockquote", "pre", "table", "ul", "ol");

  private TikaText() {}

  /** Stops the parser once the text passes the limit. */
  private static final class TooLong extends SAXException {
    TooLong() {
      super("the text is longer than the limit");
    }
  }

  private static final class Refused extends SAXException {
    Refused(Exception cause) {
      super(cause);
    }
  }

  static String read(Parser parser, byte[] bytes, ReadBudget budget, int maxChars, String kind) {
    Collector text = new Collector(maxChars, budget);
    ParseContext context = new ParseContext();
    context.set(EmbeddedDocumentExtractor.class, new EmbeddedDocumentExtractor() {
      @Override
      public boolean shouldParseEmbedded(Metadata metadata) {
        return false;
      }

      @Override
      public void parseEmbedded(InputStream stream, org.xml.sax.ContentHandler handler, Metadata metadata,
                                boolean outputHtml) {
        // embedded documents (OLE objects in RTF, pictures) are never read
      }
    });
    try (InputStream in = new Timed(new ByteArrayInputStream(bytes), budget)) {
      parser.parse(in, text, new Metadata(), context);
    } catch (TooLong e) {
      throw UploadProblems.textTooLong("more than " + maxChars, maxChars);
    } catch (EncryptedDocumentException e) {
      budget.rethrow();
      throw UploadProblems.encrypted(kind);
    } catch (Exception e) {
      budget.rethrow();
      if (e instanceof ApiException api) {
        throw api;
      }
      if (e.getCause() instanceof EncryptedDocumentException) {
        throw UploadProblems.encrypted(kind);
      }
      throw UploadProblems.corrupt(kind);
    }
    budget.rethrow();
    return text.toString();
  }

  /** The XHTML body's characters, a new line after each block; charged against the limit and the clock. */
  private static final class Collector extends DefaultHandler {
    private final StringBuilder out = new StringBuilder();
    private final int maxChars;
    private final ReadBudget budget;
    private int bodyDepth;

    Collector(int maxChars, ReadBudget budget) {
      this.maxChars = maxChars;
      this.budget = budget;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      if ("body".equals(localName) || bodyDepth > 0) {
        bodyDepth++;
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      if (bodyDepth > 0) {
        bodyDepth--;
        if (BLOCKS.contains(localName) && !endsLine()) {
          append("\n", 0, 1);
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (bodyDepth > 0) {
        String s = new String(ch, start, length);
        // the line breaks a parser writes after each block, where the block's end has written one already
        if (endsLine() && s.isBlank()) {
          return;
        }
        append(s, 0, length);
      }
    }

    private boolean endsLine() {
      return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
      characters(ch, start, length);
    }

    private void append(String s, int from, int length) throws SAXException {
      try {
        budget.checkTime();
      } catch (IOException e) {
        throw new Refused(e);
      }
      if (out.length() + length > maxChars) {
        throw new TooLong();
      }
      out.append(s, from, from + length);
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }

  /** A stream that looks at the budget's clock on every read, so a parser busy on markup stops at the deadline. */
  private static final class Timed extends FilterInputStream {
    private final ReadBudget budget;

    Timed(InputStream in, ReadBudget budget) {
      super(in);
      this.budget = budget;
    }

    @Override
    public int read() throws IOException {
      budget.checkTime();
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      budget.checkTime();
      return super.read(b, off, len);
    }
  }
}
