package org.jobdash.common.testing.hostile;

import java.nio.charset.StandardCharsets;

/**
 * OpenDocument text and RTF files, real and hostile: a minimal ODT (its mimetype stored first, as suites write it),
 * an ODT whose content inflates to many GiB, an ODT whose content declares a billion-laughs DTD, and RTF nested
 * without end.
 */
public final class OfficeBombs {

  private static final String MIMETYPE = "application/vnd.oasis.opendocument.text";
  private static final String CONTENT_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final String CONTENT_OPEN = "<office:document-content "
      + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\"><office:body>"
      + "<office:text>";
  private static final String CONTENT_CLOSE = "</office:text></office:body></office:document-content>";

  private OfficeBombs() {}

  public static byte[] minimalOdt(String text) {
    StringBuilder body = new StringBuilder(CONTENT_START).append(CONTENT_OPEN);
    for (String line : text.split("\n")) {
      body.append("<text:p>").append(DocxBombs.escape(line)).append("</text:p>");
    }
    return odt(new ZipWriter().stored("mimetype", utf8(MIMETYPE))
        .deflated("content.xml", utf8(body.append(CONTENT_CLOSE).toString())));
  }

  /** content.xml of {@code letters} letters, deflated in one run (a few MiB for many GiB). */
  public static byte[] inflatingOdt(long letters) {
    DeflatedRun run = DeflatedRun.raw(utf8(CONTENT_START + CONTENT_OPEN + "<text:p>"), (byte) 'a', letters,
        utf8("</text:p>" + CONTENT_CLOSE));
    return odt(new ZipWriter().stored("mimetype", utf8(MIMETYPE)).deflated("content.xml", run));
  }

  public static byte[] billionLaughsOdt(int levels, int fanout) {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE office:document-content [\n<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= levels; i++) {
      doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(fanout))
          .append("\">\n");
    }
    doctype.append("]>\n");
    return odt(new ZipWriter().stored("mimetype", utf8(MIMETYPE)).deflated("content.xml",
        utf8(CONTENT_START + doctype + CONTENT_OPEN + "<text:p>&lol" + levels + ";</text:p>" + CONTENT_CLOSE)));
  }

  public static byte[] minimalRtf(String text) {
    StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\pard ");
    for (String line : text.split("\n")) {
      rtf.append(line.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")).append("\\par\n");
    }
    return rtf.append('}').toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** {@code depth} groups opened and never closed. */
  public static byte[] nestedRtf(int depth) {
    return ("{\\rtf1\\ansi " + "{".repeat(depth) + "x").getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] odt(ZipWriter zip) {
    return zip.deflated("META-INF/manifest.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
        + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + MIMETYPE + "\"/>"
        + "</manifest:manifest>")).toBytes();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
