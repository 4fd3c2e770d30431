package org.scimsync.emulator.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.scimsync.emulator.EmulatorStats;
import org.scimsync.emulator.FaultSettings;
import org.scimsync.emulator.ServerQuirks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /<tenant>/scim/v2/...}: classifies the request; applies the strict front's {@link
 * ServerQuirks} (chunked bodies, PATCH without {@code User-Agent}); checks the tenant (AWS: 404
 * {@value #UNKNOWN_TENANT}) and the bearer token; applies the faults (dropped connection, rate
 * limit, 500 before, consistency window, concurrent modification); lets the {@link ScimService}
 * answer; applies the 500-after fault to accepted writes; holds the answer until the latency has
 * passed since the request arrived, and counts it. AWS profile: every answer carries {@code
 * x-amzn-RequestId}.
 */
public final class ScimExchangeHandler implements HttpHandler {
  /** The detail AWS answers with 404 for a tenant id it does not know (idp-scim-sync #42). */
  public static final String UNKNOWN_TENANT = "TENANT does not exist.";

  private static final Logger LOG = LoggerFactory.getLogger(ScimExchangeHandler.class);
  private static final int MAX_BODY = 1 << 20;
  private static final Set<String> HIDDEN_WHILE_NEW =
      Set.of("GetUser", "PutUser", "PatchUser", "GetGroup", "PutGroup", "PatchGroup");

  private final String tenant;
  private final byte[] expectedAuthorization;
  private final ScimService service;
  private final FaultInjector faults;
  private final Supplier<ServerQuirks> quirks;
  private final RequestStatistics statistics;
  private final boolean aws;
  private final String contentType;

  /**
   * Creates the handler.
   *
   * @param tenant the tenant id of the base path
   * @param token the bearer token clients must send
   * @param service the SCIM operations
   * @param faults the fault injector
   * @param quirks the current server quirks
   * @param statistics the request counters
   * @param aws whether to follow the AWS profile (content type, tenant 404, request ids)
   */
  public ScimExchangeHandler(
      String tenant,
      String token,
      ScimService service,
      FaultInjector faults,
      Supplier<ServerQuirks> quirks,
      RequestStatistics statistics,
      boolean aws) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.expectedAuthorization =
        ("Bearer " + Objects.requireNonNull(token, "token")).getBytes(StandardCharsets.UTF_8);
    this.service = Objects.requireNonNull(service, "service");
    this.faults = Objects.requireNonNull(faults, "faults");
    this.quirks = Objects.requireNonNull(quirks, "quirks");
    this.statistics = Objects.requireNonNull(statistics, "statistics");
    this.aws = aws;
    this.contentType = aws ? "application/json" : "application/scim+json";
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      long arrived = System.nanoTime();
      long latencyNanos = TimeUnit.MILLISECONDS.toNanos(faults.latencyMillis());
      byte[] body = readBody(exchange.getRequestBody());
      RequestTarget target;
      try {
        target = RequestTarget.of(exchange.getRequestURI());
      } catch (IllegalArgumentException e) {
        ScimRoute unknown = new ScimRoute("Unknown", "", null);
        Reply reply = service.error(400, "The request URI is not correctly encoded.");
        awaitLatency(arrived, latencyNanos);
        send(exchange, unknown, reply);
        return;
      }
      ScimRoute route = target.route(exchange.getRequestMethod());
      Reply reply = refusedAtTheFront(exchange, target);
      if (reply == null && faults.dropConnection()) {
        statistics.record(route.api(), 0);
        LOG.debug("fault=dropConnection api={}", route.api());
        awaitLatency(arrived, latencyNanos);
        return; // closing an exchange before any response closes its connection
      }
      if (reply == null) {
        reply = answer(route, target.query(), body, exchange.getRequestURI().getPath());
      }
      awaitLatency(arrived, latencyNanos);
      send(exchange, route, reply);
    }
  }

  /** The refusal of the strict front, the tenant or the token, or null to go on. */
  private @Nullable Reply refusedAtTheFront(HttpExchange exchange, RequestTarget target) {
    ServerQuirks current = quirks.get();
    Headers headers = exchange.getRequestHeaders();
    if (current.chunkedBodiesRefused() && chunked(headers)) {
      return service.error(411, "A request body must be sent with Content-Length, not chunked.");
    }
    if (current.patchNeedsUserAgent()
        && exchange.getRequestMethod().equalsIgnoreCase("PATCH")
        && isBlank(headers.getFirst("User-Agent"))) {
      return service.error(403, "A PATCH request without a User-Agent header is blocked.");
    }
    if (aws && !target.tenantIs(tenant)) {
      return service.error(404, UNKNOWN_TENANT);
    }
    if (!target.scimPath() || !target.tenantIs(tenant) || !authorized(exchange)) {
      return service.error(401, "The bearer token or tenant is not valid.");
    }
    return null;
  }

  private static boolean chunked(Headers headers) {
    List<String> codings = headers.get("Transfer-Encoding");
    return codings != null
        && codings.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"));
  }

  private static boolean isBlank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  /**
   * The answer of an authorized request: rate limit, 500 before, consistency window, concurrent
   * modification, the request, 500 after.
   */
  private Reply answer(ScimRoute route, Map<String, String> query, byte[] body, String path) {
    long waitNanos = faults.throttle(route.api());
    if (waitNanos > 0) {
      return throttled(waitNanos);
    }
    if (faults.error500Before()) {
      return service.error(500, "An internal error occurred. Try again.");
    }
    String id = route.id();
    if (id != null && HIDDEN_WHILE_NEW.contains(route.api()) && faults.invisible(id)) {
      LOG.debug("fault=consistencyWindow api={}", route.api());
      String kind = route.resource().equals("Users") ? "User " : "Group ";
      return service.error(404, kind + id + " not found.");
    }
    if (route.api().startsWith("Patch") && faults.concurrentModification()) {
      LOG.debug("fault=concurrentModification api={}", route.api());
      return service.error(409, FaultSettings.CONCURRENT_MODIFICATION);
    }
    Reply reply;
    try {
      reply = service.handle(route, query, body);
    } catch (RuntimeException e) {
      LOG.error("unexpected failure api={} path={}", route.api(), route.resource(), e);
      reply = service.error(500, "An internal error occurred.");
    }
    if (reply.status() == 201 && id == null && reply.body() != null) {
      reply = located(reply, path);
    }
    boolean accepted = reply.status() >= 200 && reply.status() < 300;
    if (accepted && EmulatorStats.WRITE_APIS.contains(route.api()) && faults.error500After()) {
      LOG.debug("fault=error500After api={} status={}", route.api(), reply.status());
      reply = service.error(500, "An internal error occurred. Try again.");
    }
    return reply;
  }

  /** A creation answer with its {@code Location}; the creation starts its consistency window. */
  private Reply located(Reply created, String path) {
    String id = service.idOf(Objects.requireNonNull(created.body()));
    if (id == null) {
      return created;
    }
    faults.created(id);
    Map<String, String> headers = new HashMap<>(created.headers());
    headers.put("Location", (path.endsWith("/") ? path : path + "/") + id);
    return new Reply(created.status(), created.body(), headers);
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
    Headers headers = exchange.getResponseHeaders();
    reply.headers().forEach(headers::set);
    if (aws && !reply.headers().containsKey(RequestIds.HEADER)) {
      headers.set(RequestIds.HEADER, RequestIds.next());
    }
    if (reply.body() == null) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    headers.set("Content-Type", contentType);
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
