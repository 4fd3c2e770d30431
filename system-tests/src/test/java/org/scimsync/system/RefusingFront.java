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

/**
 * A front that passes every request to the server behind except a POST whose body contains a
 * marker, which it refuses with a SCIM 400 error of its own words: a target that refuses one user.
 */
final class RefusingFront implements AutoCloseable {

  /** The target's words for the refused request. */
  static final String DETAIL = "User rejected by policy: account is on the legal-hold list";

  private static final List<String> PASSED_HEADERS =
      List.of("Authorization", "Content-Type", "Accept", "User-Agent", "If-Match");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final HttpClient upstream = HttpClient.newHttpClient();
  private final URI behind;
  private final String marker;

  private RefusingFront(URI behind, String marker) throws IOException {
    this.behind = behind;
    this.marker = marker;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** Starts a front for the server at {@code behind} refusing POST bodies containing marker. */
  static RefusingFront before(URI behind, String marker) throws IOException {
    return new RefusingFront(behind, marker);
  }

  /** The front's address with the path of {@code url}, which must be behind it. */
  URI front(URI url) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + url.getRawPath());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if ("POST".equals(exchange.getRequestMethod())
          && new String(body, StandardCharsets.UTF_8).contains(marker)) {
        String error =
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                + "\"status\":\"400\",\"scimType\":\"invalidValue\",\"detail\":\""
                + DETAIL
                + "\"}";
        answer(exchange, 400, "application/scim+json", error.getBytes(StandardCharsets.UTF_8));
        return;
      }
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
