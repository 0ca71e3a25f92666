package org.jobdash.common.testing;

import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests an HTTP client would refuse or tidy up (raw backslashes, bytes
 * trickled one at a time, a body that never comes): the bytes go exactly as written. Blocking; tests only.
 */
public final class RawHttp {

  /** A parsed answer; {@code headers} keys are lower case. */
  public record Response(int status, Map<String, String> headers, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }

  private RawHttp() {}

  /** Sends {@code request} as ISO-8859-1 bytes on a new connection to 127.0.0.1 and reads the first answer. */
  public static Response exchange(int port, String request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code GET path} with {@code Connection: close}. */
  public static Response get(int port, String path) {
    return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  }

  /** Reads one answer: status line, headers, then a {@code Content-Length} body (or up to the end). */
  public static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      throw new IOException("the connection closed before any answer");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
    }
    byte[] body;
    if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else {
      body = in.readAllBytes();
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String s = out.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      out.write(b);
    }
    return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes {@code text} one byte every {@code every} on {@code socket} until the server closes the connection
   * (a write fails or a read sees the end) or the text runs out; returns how long the connection lasted from
   * {@code openedAt} (a {@link System#nanoTime()}), or null if the server never closed it.
   */
  public static Duration trickleUntilClosed(Socket socket, long openedAt, String text, Duration every)
      throws IOException, InterruptedException {
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    socket.setSoTimeout((int) Math.max(1, every.toMillis()));
    for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
      try {
        out.write(b);
        out.flush();
        if (in.read() == -1) {
          return Duration.ofNanos(System.nanoTime() - openedAt);
        }
      } catch (SocketTimeoutException stillOpen) {
        continue;
      } catch (SocketException closed) {
        return Duration.ofNanos(System.nanoTime() - openedAt);
      }
    }
    return null;
  }

  /** Waits up to {@code within} for the server to close {@code socket}; how long it lasted from {@code openedAt}. */
  public static Duration awaitClosed(Socket socket, long openedAt, Duration within) throws IOException {
    socket.setSoTimeout((int) within.toMillis());
    try {
      while (socket.getInputStream().read() != -1) {
        // an answer the test did not ask about: keep reading until the end
      }
    } catch (SocketTimeoutException e) {
      return null;
    } catch (SocketException reset) {
      // a reset is a close too
    }
    return Duration.ofNanos(System.nanoTime() - openedAt);
  }
}
