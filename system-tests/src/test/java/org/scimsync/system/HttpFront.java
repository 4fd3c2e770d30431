package org.scimsync.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP front on loopback, as a gateway or reverse proxy in front of a SCIM server: each request
 * is either refused by the front's rule ({@link #refusal}) or passed to the server behind, and its
 * answer passed back. The fronts of the tests say what they refuse.
 */
abstract class HttpFront implements AutoCloseable {

  private static final List<String> PASSED_HEADERS =
      List.of("Authorization", "Content-Type", "Accept", "User-Agent", "If-Match");

  /** The answer to a refused request. */
  record Refusal(int status, String contentType, String body) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final HttpClient upstream = HttpClient.newHttpClient();
  private final URI behind;
  private final AtomicInteger passed = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  HttpFront(URI behind) throws IOException {
    this.behind = behind;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
  }

  /** Starts answering; the subclasses' factories call it once they are built. */
  final void start() {
    server.start();
  }

  /** The answer to a request the front refuses; null to pass it on. */
  abstract @Nullable Refusal refusal(HttpExchange exchange, byte[] body);

  /** The front's address with the path and query of {@code url}, which must be behind it. */
  final URI front(URI url) {
    return URI.create(
        "http://127.0.0.1:"
            + server.getAddress().getPort()
            + url.getRawPath()
            + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
  }

  /** Requests passed to the server behind. */
  final int passed() {
    return passed.get();
  }

  /** Requests the front refused. */
  final int refused() {
    return refused.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Refusal refusal = refusal(exchange, body);
      if (refusal != null) {
        refused.incrementAndGet();
        answer(
            exchange,
            refusal.status(),
            refusal.contentType(),
            refusal.body().getBytes(StandardCharsets.UTF_8));
        return;
      }
      passed.incrementAndGet();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(behind.resolve(exchange.getRequestURI().toString()));
      for (String header : PASSED_HEADERS) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          request.header(header, value);
        }
      }
      request.method(
          exchange.getRequestMethod(),
          body.length == 0
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      HttpResponse<byte[]> answer;
      try {
        answer = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answer(exchange, 502, "text/plain", "interrupted".getBytes(StandardCharsets.UTF_8));
        return;
      }
      answer(
          exchange,
          answer.statusCode(),
          answer.headers().firstValue("Content-Type").orElse(null),
          answer.body());
    }
  }

  private static void answer(
      HttpExchange exchange, int status, @Nullable String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    boolean empty = body.length == 0 || status == 204;
    exchange.sendResponseHeaders(status, empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
