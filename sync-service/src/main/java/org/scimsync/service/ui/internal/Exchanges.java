package org.scimsync.service.ui.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** How the page reads a request's form and query, and writes an answer. */
public final class Exchanges {

  private static final int MAX_FORM_BYTES = 4_096;

  private Exchanges() {}

  /** Sends a body (none for HEAD) with this status and content type. */
  public static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Answers 303 See Other to {@code location}. */
  public static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(303, -1);
  }

  /** The fields of a posted form (its first {@value #MAX_FORM_BYTES} bytes). */
  public static Map<String, String> postedForm(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_FORM_BYTES);
      return form(new String(body, StandardCharsets.UTF_8));
    }
  }

  /** The fields of a URL-encoded form or query; the first of repeated names wins. */
  public static Map<String, String> form(@Nullable String encoded) {
    Map<String, String> fields = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return fields;
    }
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        fields.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a malformed escape: the field is ignored
      }
    }
    return fields;
  }

  /** A small non-negative number, or 0 when {@code text} is not one. */
  public static int number(@Nullable String text) {
    if (text == null || !text.matches("\\d{1,9}")) {
      return 0;
    }
    return Integer.parseInt(text);
  }

  /** A resource of the page, such as its stylesheet. */
  public static byte[] resource(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + name, e);
    }
  }
}
