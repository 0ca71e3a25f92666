package org.jobdash.common.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Word documents (OOXML packages) that must be refused without exhausting the reader: a part that inflates to
 * gigabytes, a billion-laughs entity bomb, an external entity, and ZIP headers whose sizes lie. {@link #minimal}
 * is the well-formed document they are all built like.
 */
public final class DocxBombs {

  private static final String CONTENT_TYPES = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/word/document.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";
  private static final String RELATIONSHIPS = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" \
      Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
      Target="word/document.xml"/></Relationships>""";
  private static final String DOCUMENT_START = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  private static final String DOCUMENT_OPEN = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
      + "wordprocessingml/2006/main\"><w:body>";
  private static final String DOCUMENT_CLOSE = "</w:body></w:document>";
  private static final String BODY_START = DOCUMENT_OPEN + "<w:p><w:r><w:t>";
  private static final String BODY_END = "</w:t></w:r></w:p>" + DOCUMENT_CLOSE;

  private DocxBombs() {}

  /** A well-formed document of one paragraph per line of {@code text}. */
  public static byte[] minimal(String text) {
    StringBuilder body = new StringBuilder(DOCUMENT_START).append(DOCUMENT_OPEN);
    for (String line : text.split("\n")) {
      body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(escape(line)).append("</w:t></w:r></w:p>");
    }
    body.append(DOCUMENT_CLOSE);
    return docx(utf8(body.toString()));
  }

  /** {@code word/document.xml} holds one text run of {@code letters} letters: it inflates to about that much. */
  public static byte[] inflating(long letters) {
    DeflatedRun run = DeflatedRun.raw(utf8(DOCUMENT_START + BODY_START), (byte) 'a', letters, utf8(BODY_END));
    return pack(zip -> zip.deflated("word/document.xml", run));
  }

  /** {@code levels} nested entities each referring {@code fanout} times to the one below: fanout^levels "lol"s. */
  public static byte[] billionLaughs(int levels, int fanout) {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE w:document [\n<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= levels; i++) {
      doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(fanout))
          .append("\">\n");
    }
    doctype.append("]>\n");
    return docx(utf8(DOCUMENT_START + doctype + BODY_START + "&lol" + levels + ";" + BODY_END));
  }

  /** The text refers to an external entity: the server's {@code /etc/passwd}. */
  public static byte[] externalEntity() {
    return docx(utf8(DOCUMENT_START + "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        + BODY_START + "&xxe;" + BODY_END));
  }

  /**
   * {@code word/document.xml} inflates to {@code letters} letters while both its headers claim {@code claimed}
   * bytes (fewer than the truth: a reader that trusts them overruns its buffer; more: it allocates for nothing).
   */
  public static byte[] lyingSizes(long letters, long claimed) {
    DeflatedRun run = DeflatedRun.raw(utf8(DOCUMENT_START + BODY_START), (byte) 'a', letters, utf8(BODY_END));
    return pack(zip -> zip.deflated("word/document.xml", run).declaring(run.compressed().length, claimed));
  }

  private static byte[] docx(byte[] document) {
    return pack(zip -> zip.deflated("word/document.xml", document));
  }

  /** The content types first (how type detectors recognise a package), the relationships, then the document. */
  private static byte[] pack(UnaryOperator<ZipWriter> document) {
    return document.apply(new ZipWriter().deflated("[Content_Types].xml", utf8(CONTENT_TYPES))
        .deflated("_rels/.rels", utf8(RELATIONSHIPS))).toBytes();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
