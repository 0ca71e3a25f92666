package org.jobdash.common.testing.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@code multipart/form-data} body written as given: field values and file names go out raw (a NUL, a
 * 5,000-character name), only a double quote or a line break in a name is percent-encoded so that the part header
 * stays one header.
 */
public final class Multipart {

  private static final String BOUNDARY = "jobdash-hostile-7f3a9c";

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  public Multipart field(String name, String value) {
    write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"\r\n\r\n");
    body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    write("\r\n");
    return this;
  }

  public Multipart file(String name, String fileName, String contentType, byte[] content) {
    write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"; filename=\"");
    body.writeBytes(quoted(fileName).getBytes(StandardCharsets.UTF_8));
    write("\"\r\nContent-Type: " + contentType + "\r\n\r\n");
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  /** The {@code Content-Type} header value. */
  public String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  /** The body, closed by the final boundary. */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 64);
    out.writeBytes(body.toByteArray());
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static String quoted(String s) {
    return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }

  private void write(String s) {
    body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
