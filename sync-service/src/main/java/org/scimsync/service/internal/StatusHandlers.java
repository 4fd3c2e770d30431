package org.scimsync.service.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.scimsync.service.SyncMetrics;

/** {@code GET /healthz}, {@code GET /readyz} and {@code GET /metrics}. */
final class StatusHandlers {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private StatusHandlers() {}

  /** 200 while the process can answer at all. */
  static HttpHandler health() {
    return exchange -> {
      try (exchange) {
        if (isRead(exchange, "/healthz")) {
          Answers.json(exchange, 200, Map.of("status", "alive"));
        }
      }
    };
  }

  /**
   * 200 when no problem is found, 503 with the problems otherwise; with the details (whether the
   * instance is part of its cluster) either way.
   */
  static HttpHandler readiness(
      Supplier<List<String>> problems, Supplier<Map<String, Object>> details) {
    Objects.requireNonNull(problems, "problems");
    Objects.requireNonNull(details, "details");
    return exchange -> {
      try (exchange) {
        if (isRead(exchange, "/readyz")) {
          List<String> found = problems.get();
          Map<String, Object> answer = new LinkedHashMap<>();
          answer.put("ready", found.isEmpty());
          answer.put("problems", found);
          answer.putAll(details.get());
          Answers.json(exchange, found.isEmpty() ? 200 : 503, answer);
        }
      }
    };
  }

  /** The Prometheus text exposition. */
  static HttpHandler metrics(SyncMetrics metrics) {
    Objects.requireNonNull(metrics, "metrics");
    return exchange -> {
      try (exchange) {
        if (isRead(exchange, "/metrics")) {
          Answers.text(exchange, 200, PROMETHEUS_TEXT, metrics.scrape());
        }
      }
    };
  }

  /** 404 for every path no other handler serves. */
  static HttpHandler notFound() {
    return exchange -> {
      try (exchange) {
        Answers.error(exchange, 404, "no such resource: " + exchange.getRequestURI().getPath());
      }
    };
  }

  /**
   * True when the request is a GET or HEAD of exactly this path; otherwise answers 404 or 405 and
   * returns false.
   */
  static boolean isRead(HttpExchange exchange, String path) throws IOException {
    if (!path.equals(exchange.getRequestURI().getPath())) {
      Answers.error(exchange, 404, "no such resource: " + exchange.getRequestURI().getPath());
      return false;
    }
    String method = exchange.getRequestMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      Answers.methodNotAllowed(exchange, "GET, HEAD");
      return false;
    }
    return true;
  }
}
