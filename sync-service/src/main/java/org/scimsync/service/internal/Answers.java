package org.scimsync.service.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes HTTP answers: JSON documents, plain text, and JSON errors. */
final class Answers {

  static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Answers() {}

  /** Sends a JSON document. */
  static void json(HttpExchange exchange, int status, Object document) throws IOException {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IOException("cannot write the JSON answer", e);
    }
    send(exchange, status, "application/json", body);
  }

  /** Sends {@code {"error": message}}. */
  static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, Map.of("error", message));
  }

  /** Sends plain text (or another text type). */
  static void text(HttpExchange exchange, int status, String contentType, String text)
      throws IOException {
    send(exchange, status, contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers 405 naming the allowed methods. */
  static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
    exchange.getResponseHeaders().set("Allow", allowed);
    error(exchange, 405, "method not allowed; use " + allowed);
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
