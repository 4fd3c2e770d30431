package org.scimsync.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, with exactly the headers given: no default {@code
 * User-Agent} (java.net.http always adds one) and a body sent either with {@code Content-Length} or
 * with {@code Transfer-Encoding: chunked}.
 */
final class RawHttp {
  private RawHttp() {}

  /** How a request body is framed. */
  enum Framing {
    CONTENT_LENGTH,
    CHUNKED
  }

  /**
   * An answer.
   *
   * @param status the status code
   * @param headers the headers, names lower-cased
   * @param body the body text
   */
  record Response(int status, Map<String, String> headers, String body) {}

  static Response send(
      URI base, String method, String path, Map<String, String> headers, String body, Framing how) {
    String target = base.getPath() + path;
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
    head.append("Connection: close\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null && how == Framing.CHUNKED) {
      head.append("Transfer-Encoding: chunked\r\n\r\n");
      head.append(Integer.toHexString(bytes.length)).append("\r\n");
    } else {
      head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
    }
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      if (body != null && how == Framing.CHUNKED) {
        out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      out.flush();
      return parse(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response parse(InputStream in) throws IOException {
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    return new Response(status, headers, text.substring(end + 4));
  }
}
