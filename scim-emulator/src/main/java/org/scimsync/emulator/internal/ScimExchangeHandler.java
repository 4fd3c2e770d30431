package org.scimsync.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.scimsync.emulator.EmulatorStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /<tenant>/scim/v2/...}: classifies the request, checks the bearer token, applies
 * the faults (dropped connection, rate limit, 500 before), lets the {@link ScimService} answer,
 * applies the 500-after fault to accepted writes, holds the answer until the latency has passed
 * since the request arrived, and counts it.
 */
public final class ScimExchangeHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ScimExchangeHandler.class);
  private static final int MAX_BODY = 1 << 20;

  private final String tenant;
  private final byte[] expectedAuthorization;
  private final ScimService service;
  private final FaultInjector faults;
  private final RequestStatistics statistics;
  private final String contentType;

  /**
   * Creates the handler.
   *
   * @param tenant the tenant id of the base path
   * @param token the bearer token clients must send
   * @param service the SCIM operations
   * @param faults the fault injector
   * @param statistics the request counters
   * @param aws whether to answer with the AWS content type
   */
  public ScimExchangeHandler(
      String tenant,
      String token,
      ScimService service,
      FaultInjector faults,
      RequestStatistics statistics,
      boolean aws) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.expectedAuthorization =
        ("Bearer " + Objects.requireNonNull(token, "token")).getBytes(StandardCharsets.UTF_8);
    this.service = Objects.requireNonNull(service, "service");
    this.faults = Objects.requireNonNull(faults, "faults");
    this.statistics = Objects.requireNonNull(statistics, "statistics");
    this.contentType = aws ? "application/json" : "application/scim+json";
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      long arrived = System.nanoTime();
      long latencyNanos = TimeUnit.MILLISECONDS.toNanos(faults.latencyMillis());
      byte[] body = readBody(exchange.getRequestBody());
      List<String> segments;
      Map<String, String> query;
      try {
        segments = segments(exchange.getRequestURI().getRawPath());
        query = query(exchange.getRequestURI().getRawQuery());
      } catch (IllegalArgumentException e) {
        ScimRoute unknown = new ScimRoute("Unknown", "", null);
        Reply reply = service.error(400, "The request URI is not correctly encoded.");
        awaitLatency(arrived, latencyNanos);
        send(exchange, unknown, reply);
        return;
      }
      boolean scimPath =
          segments.size() >= 3 && segments.get(1).equals("scim") && segments.get(2).equals("v2");
      ScimRoute route =
          scimPath
              ? ScimRoute.classify(
                  exchange.getRequestMethod(), segments.subList(3, segments.size()))
              : new ScimRoute("Unknown", "", null);
      Reply reply;
      if (!scimPath || !segments.get(0).equals(tenant) || !authorized(exchange)) {
        reply = service.error(401, "The bearer token or tenant is not valid.");
      } else if (faults.dropConnection()) {
        statistics.record(route.api(), 0);
        LOG.debug("fault=dropConnection api={}", route.api());
        awaitLatency(arrived, latencyNanos);
        return; // closing an exchange before any response closes its connection
      } else {
        reply = answer(route, query, body);
      }
      awaitLatency(arrived, latencyNanos);
      send(exchange, route, reply);
    }
  }

  /** The answer of an authorized request: rate limit, 500 before, the request, 500 after. */
  private Reply answer(ScimRoute route, Map<String, String> query, byte[] body) {
    long waitNanos = faults.throttle(route.api());
    if (waitNanos > 0) {
      return throttled(waitNanos);
    }
    if (faults.error500Before()) {
      return service.error(500, "An internal error occurred. Try again.");
    }
    Reply reply;
    try {
      reply = service.handle(route, query, body);
    } catch (RuntimeException e) {
      LOG.error("unexpected failure api={} path={}", route.api(), route.resource(), e);
      reply = service.error(500, "An internal error occurred.");
    }
    boolean accepted = reply.status() >= 200 && reply.status() < 300;
    if (accepted && EmulatorStats.WRITE_APIS.contains(route.api()) && faults.error500After()) {
      LOG.debug("fault=error500After api={} status={}", route.api(), reply.status());
      reply = service.error(500, "An internal error occurred. Try again.");
    }
    return reply;
  }

  private Reply throttled(long waitNanos) {
    Reply reply = service.error(429, "Rate exceeded");
    if (!faults.settings().retryAfterHeader()) {
      return reply;
    }
    Map<String, String> headers = new HashMap<>(reply.headers());
    headers.put(
        "Retry-After", Long.toString(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L)));
    return new Reply(429, reply.body(), headers);
  }

  private boolean authorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    return header != null
        && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
  }

  private void send(HttpExchange exchange, ScimRoute route, Reply reply) throws IOException {
    statistics.record(route.api(), reply.status());
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    if (reply.body() == null) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (reply.status() == 201 && route.id() == null && reply.body() != null) {
      String id = service.idOf(reply.body());
      if (id != null) {
        exchange
            .getResponseHeaders()
            .set("Location", exchange.getRequestURI().getPath() + "/" + id);
      }
    }
    exchange.sendResponseHeaders(reply.status(), reply.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(reply.body());
    }
  }

  static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    in.transferTo(OutputStream.nullOutputStream());
    return body.length > MAX_BODY ? new byte[0] : body;
  }

  static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String part : rawPath.split("/")) {
      if (!part.isEmpty()) {
        segments.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return segments;
  }

  static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.putIfAbsent(name, value);
    }
    return params;
  }

  /**
   * Holds the answer until {@code latencyNanos} after the request arrived: like a remote service's
   * response time, the latency includes the emulator's own work rather than adding to it.
   */
  private static void awaitLatency(long arrived, long latencyNanos) {
    long remaining = latencyNanos - (System.nanoTime() - arrived);
    if (remaining <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(remaining);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
