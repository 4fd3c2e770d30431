package org.scimsync.service.internal;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.scimsync.service.ServiceException;
import org.scimsync.service.ServiceTarget;
import org.scimsync.service.SyncMetrics;
import org.scimsync.service.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of service mode on the JDK's built-in server. Requests are handled by a small
 * bounded pool (4 threads, 64 queued); when it is saturated the accepting thread handles the
 * request itself, which slows down accepting instead of dropping connections.
 */
public final class HttpEndpoints implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoints.class);
  private static final int THREADS = 4;
  private static final int QUEUE = 64;
  private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private final InetSocketAddress listen;
  private final HttpServer server;
  private final RunsHandler runs;
  private boolean started;
  private final ThreadPoolExecutor pool;

  /**
   * Registers the endpoints; {@link #start()} binds the address and starts answering.
   *
   * @param webhook the signature verifier, or null to leave the webhook off (404)
   * @param replays the webhook's memory of accepted signatures
   * @param tls the TLS context that makes every endpoint HTTPS; null for plain HTTP
   */
  public HttpEndpoints(
      InetSocketAddress listen,
      @Nullable WebhookSignature webhook,
      Duration debounce,
      RunQueue coordinator,
      ReplayMemory replays,
      List<ServiceTarget> targets,
      SyncMetrics metrics,
      Supplier<List<String>> readinessProblems,
      Clock clock,
      @Nullable SSLContext tls) {
    // The JDK server writes headers and body separately; without TCP_NODELAY each answer waits
    // for the client's delayed ACK (about 40 ms). Read once, when the server class loads.
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
    this.listen = listen;
    try {
      // Unbound until start(): a bound server that never started keeps its port after stop().
      if (tls == null) {
        server = HttpServer.create();
      } else {
        HttpsServer https = HttpsServer.create();
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        server = https;
      }
    } catch (IOException e) {
      throw new ServiceException(
          ServiceException.Kind.UNAVAILABLE, "cannot create the HTTP server: " + e.getMessage(), e);
    }
    AtomicInteger threads = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            task -> {
              Thread thread = new Thread(task, "scim-sync-http-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    pool.allowCoreThreadTimeOut(true);
    server.setExecutor(pool);
    if (webhook != null) {
      server.createContext(
          WebhookHandler.PATH,
          new WebhookHandler(webhook, replays, clock, coordinator, debounce, metrics));
    }
    server.createContext("/healthz", StatusHandlers.health());
    server.createContext(
        "/readyz", StatusHandlers.readiness(readinessProblems, coordinator::details));
    server.createContext("/metrics", StatusHandlers.metrics(metrics));
    runs = new RunsHandler(targets, coordinator);
    server.createContext("/runs", runs);
    server.createContext("/triggers/", runs);
    server.createContext("/", StatusHandlers.notFound());
  }

  /**
   * Answers the run history ({@code /runs}, {@code /runs/{id}}) only to the requests whose {@code
   * Authorization} header {@code authorized} accepts; the others get 401 with {@code challenge} as
   * {@code WWW-Authenticate}. For a service whose status page is behind authentication: the history
   * shows what the page shows. Trigger receipts ({@code /triggers/{id}}) stay open to the webhook's
   * callers. Call before {@link #start()}.
   */
  public synchronized void guardRuns(Predicate<@Nullable String> authorized, String challenge) {
    if (started) {
      throw new IllegalStateException("guard before start()");
    }
    server.removeContext("/runs");
    server.createContext(
        "/runs",
        exchange -> {
          if (authorized.test(exchange.getRequestHeaders().getFirst("Authorization"))) {
            runs.handle(exchange);
            return;
          }
          try (exchange) {
            exchange.getResponseHeaders().set("WWW-Authenticate", challenge);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            byte[] body = "Authentication required.\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
          }
        });
  }

  /** Serves {@code path} and below with {@code handler}; call before {@link #start()}. */
  public synchronized void mount(String path, HttpHandler handler) {
    if (started) {
      throw new IllegalStateException("mount before start()");
    }
    server.createContext(path, handler);
  }

  /** The bound address (the actual port when port 0 was asked for); the configured one before. */
  public synchronized InetSocketAddress address() {
    return started ? server.getAddress() : listen;
  }

  /**
   * Binds the address and starts answering.
   *
   * @throws ServiceException when the address cannot be bound
   */
  public synchronized void start() {
    try {
      server.bind(listen, 0);
    } catch (IOException e) {
      throw new ServiceException(
          ServiceException.Kind.UNAVAILABLE,
          "webhook.listen: cannot listen on " + listen + ": " + e.getMessage(),
          e);
    }
    server.start();
    started = true;
    LOG.info("listening address={}", server.getAddress());
  }

  /**
   * Stops answering at once. It is called after the run has ended and triggers are refused, so an
   * exchange cut short is at most a health or metrics request.
   */
  @Override
  public synchronized void close() {
    if (started) {
      server.stop(0);
    }
    pool.shutdown();
  }
}
