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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A strict HTTP front, as API gateways and some reverse proxies are: a request whose body comes
 * with {@code Transfer-Encoding: chunked} is refused with 411 Length Required; every other request
 * is passed to the server behind, on loopback, and its answer passed back.
 */
final class StrictFront implements AutoCloseable {

  private static final List<String> PASSED_HEADERS =
      List.of("Authorization", "Content-Type", "Accept", "User-Agent", "If-Match");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final HttpClient upstream = HttpClient.newHttpClient();
  private final URI behind;
  private final AtomicInteger passed = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  private StrictFront(URI behind) throws IOException {
    this.behind = behind;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** Starts a front for the server at {@code behind} (scheme, host and port). */
  static StrictFront before(URI behind) throws IOException {
    return new StrictFront(behind);
  }

  /** The front's address with the path of {@code url}, which must be behind it. */
  URI front(URI url) {
    return URI.create(
        "http://127.0.0.1:"
            + server.getAddress().getPort()
            + url.getRawPath()
            + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
  }

  /** Requests passed to the server behind. */
  int passed() {
    return passed.get();
  }

  /** Requests refused for a chunked body. */
  int refused() {
    return refused.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String encoding = exchange.getRequestHeaders().getFirst("Transfer-Encoding");
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
        refused.incrementAndGet();
        answer(exchange, 411, "text/plain", "Length Required".getBytes());
        return;
      }
      passed.incrementAndGet();
      URI target = behind.resolve(exchange.getRequestURI().toString());
      HttpRequest.Builder request = HttpRequest.newBuilder(target);
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
        answer(exchange, 502, "text/plain", "interrupted".getBytes());
        return;
      }
      answer(
          exchange,
          answer.statusCode(),
          answer.headers().firstValue("Content-Type").orElse(null),
          answer.body());
    }
  }

  private static void answer(HttpExchange exchange, int status, String contentType, byte[] body)
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
