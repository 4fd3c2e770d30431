package org.scimsync.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.Policy;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.scimsync.client.ClientStats;
import org.scimsync.client.ConsistencySettings;
import org.scimsync.client.RateLimits;
import org.scimsync.client.RequestListener;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.client.ScimThrottledException;
import org.scimsync.client.ScimTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends SCIM requests: one Failsafe rate limiter per operation (smooth, bounded wait), a retry
 * policy for 429, 5xx and I/O failures (exponential backoff with jitter, {@code Retry-After}
 * honoured), the listener told about every attempt, and final failures turned into typed
 * exceptions. Thread-safe.
 */
public final class ScimHttp implements AutoCloseable {

  /** Longest a caller waits for a rate-limiter permit before the call fails as throttled. */
  static final Duration MAX_PERMIT_WAIT = Duration.ofMinutes(2);

  private static final Logger LOG = LoggerFactory.getLogger(ScimHttp.class);
  private static final MediaType SCIM_JSON = MediaType.valueOf("application/scim+json");
  private static final String ACCEPT = "application/scim+json, application/json";
  private static final byte[] NO_BODY = new byte[0];
  private static final String[] REQUEST_ID_HEADERS = {"x-amzn-RequestId", "X-Request-Id"};
  private static final String[] RAW_HTTP_LOGGERS = {
    "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire"
  };

  private final Client client;
  private final URI baseUrl;
  private final Authorization auth;
  private final List<RequestListener> listeners = new CopyOnWriteArrayList<>();
  private final ObjectMapper json;
  private final Clock clock;
  private final RetryPolicy<HttpReply> retryPolicy;
  private final ConsistencySettings consistency;
  private final ScimErrors errors;
  private final RecentlyCreated recentlyCreated;
  private final Map<ScimApi, RateLimiter<HttpReply>> limiters = new EnumMap<>(ScimApi.class);
  private final AttemptCounters counters = new AttemptCounters();

  /**
   * Creates the transport.
   *
   * @param config the client configuration
   * @param json a JSON reader for error bodies
   * @param clock the clock for HTTP-date {@code Retry-After} values and OAuth 2.0 token lifetimes
   */
  public ScimHttp(ScimClientConfig config, ObjectMapper json, Clock clock) {
    this.client = PooledJerseyClient.create(config);
    this.baseUrl = config.baseUrl();
    if (config.listener() != null) {
      listeners.add(config.listener());
    }
    this.json = Objects.requireNonNull(json, "json");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.auth = Authorization.of(config.auth(), client, json, clock, config.retry());
    this.retryPolicy = RetryPolicies.transientFailures(config.retry(), clock);
    this.consistency = config.consistency();
    this.errors = new ScimErrors(baseUrl, config.proxy());
    this.recentlyCreated =
        new RecentlyCreated(
            consistency.recentWindow(), ConsistencySettings.MAX_REMEMBERED, System::nanoTime);
    warnIfRawHttpIsLogged();
    RateLimits rates = config.rateLimits();
    for (ScimApi api : ScimApi.values()) {
      boolean limited = api.write() ? rates.limitsWrites() : rates.limitsReads();
      if (limited) {
        double perSecond = api.write() ? rates.writesPerSecond() : rates.readsPerSecond();
        Duration interval = Duration.ofNanos(Math.max(1L, (long) (1_000_000_000L / perSecond)));
        limiters.put(
            api,
            RateLimiter.<HttpReply>smoothBuilder(interval)
                .withMaxWaitTime(MAX_PERMIT_WAIT)
                .build());
      }
    }
  }

  /**
   * HttpClient's header and wire loggers print every request header verbatim, the Authorization
   * header included; nothing in the client can mask that, so say it loudly.
   */
  private static void warnIfRawHttpIsLogged() {
    for (String name : RAW_HTTP_LOGGERS) {
      if (LoggerFactory.getLogger(name).isDebugEnabled()) {
        LOG.warn(
            "logger={} is at DEBUG: it writes the SCIM bearer token into the log; set it to INFO",
            name);
      }
    }
  }

  /**
   * Sends a request, retrying transient failures, and returns a 2xx answer.
   *
   * @param api the operation
   * @param method the HTTP method
   * @param pathAndQuery relative to the base URL, already encoded, such as {@code Users?filter=...}
   * @param body the JSON body, if any
   * @return the 2xx answer
   * @throws org.scimsync.client.ScimException typed by the final status; a 404 on a collection (a
   *     path without a resource id) is a {@link ScimTargetNotFoundException}
   */
  public HttpReply send(ScimApi api, String method, String pathAndQuery, @Nullable String body) {
    URI uri = baseUrl.resolve(pathAndQuery);
    AtomicReference<String> sentWith = new AtomicReference<>("");
    HttpReply reply = execute(api, method, pathAndQuery, uri, body, sentWith);
    if (reply.status() == 401 && auth.refused(sentWith.get())) {
      // An OAuth 2.0 token may have been revoked or expired early: one new token, one new try.
      LOG.debug("scim 401 api={}: asking for a new token and trying once more", api.apiName());
      reply = execute(api, method, pathAndQuery, uri, body, sentWith);
    }
    if (reply.status() >= 200 && reply.status() < 300) {
      return reply;
    }
    ErrorBody error = ErrorBody.parse(redact(reply.text()), json);
    String requestId = error.requestId();
    if (requestId == null && reply.requestId() != null) {
      requestId = redact(reply.requestId());
    }
    throw errors.forAnswer(api.apiName(), method, pathAndQuery, reply.status(), error, requestId);
  }

  private HttpReply execute(
      ScimApi api,
      String method,
      String pathAndQuery,
      URI uri,
      @Nullable String body,
      AtomicReference<String> sentWith) {
    try {
      return executor(api, method, pathAndQuery)
          .get(() -> attempt(api, method, uri, body, sentWith));
    } catch (TransportFailure e) {
      Throwable cause = e.getCause();
      String what = cause == null ? "I/O failure" : describe(cause);
      throw new ScimTransportException(api.apiName(), -1, redact(what), null, cause);
    } catch (RateLimitExceededException e) {
      throw new ScimThrottledException(
          api.apiName(),
          -1,
          "no client-side rate-limit permit within " + MAX_PERMIT_WAIT.toSeconds() + " s",
          null,
          e);
    } catch (FailsafeException e) {
      // Only checked exceptions arrive wrapped: an interrupted wait for a permit or a retry.
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new ScimTransportException(
          api.apiName(), -1, "interrupted while waiting to send", null, e.getCause());
    }
  }

  /**
   * Remembers a resource this client has just created, so that a 404 on it within the consistency
   * window is retried (see {@link ConsistencySettings}).
   *
   * @param resourcePath its path relative to the base URL, as later requests use it ({@code
   *     Groups/<encoded id>})
   */
  public void created(String resourcePath) {
    recentlyCreated.add(resourcePath);
  }

  /**
   * Outermost the consistency retries (when they apply), then the retries of transient failures,
   * innermost the rate limiter: every attempt waits for a permit.
   */
  private FailsafeExecutor<HttpReply> executor(ScimApi api, String method, String pathAndQuery) {
    List<Policy<HttpReply>> policies = new ArrayList<>(3);
    boolean resource = ScimErrors.collection(pathAndQuery) == null;
    boolean concurrent = ScimErrors.concurrentModification(method);
    boolean fresh = resource && !method.equals("POST") && recentlyCreated.contains(pathAndQuery);
    if (consistency.enabled() && (concurrent || fresh)) {
      policies.add(
          RetryPolicies.consistency(
              consistency,
              reply -> (reply.status() == 409 && concurrent) || (reply.status() == 404 && fresh),
              api.apiName()));
    }
    policies.add(retryPolicy);
    RateLimiter<HttpReply> limiter = limiters.get(api);
    if (limiter != null) {
      policies.add(limiter);
    }
    return Failsafe.with(policies);
  }

  private HttpReply attempt(
      ScimApi api,
      String method,
      URI uri,
      @Nullable String body,
      AtomicReference<String> sentWith) {
    String authorization = auth.header(api.apiName());
    sentWith.set(authorization);
    long start = System.nanoTime();
    try {
      Invocation.Builder request =
          client
              .target(uri)
              .request()
              .header(HttpHeaders.AUTHORIZATION, authorization)
              .header(HttpHeaders.ACCEPT, ACCEPT)
              .header(HttpHeaders.USER_AGENT, UserAgent.VALUE);
      try (Response response =
          body == null
              ? request.method(method)
              : request.method(method, Entity.entity(body, SCIM_JSON))) {
        // Bytes, not text: JSON is UTF-8 (RFC 8259) and Jackson parses bytes faster than a String;
        // only error bodies are ever decoded.
        byte[] bytes = response.hasEntity() ? response.readEntity(byte[].class) : NO_BODY;
        HttpReply reply =
            new HttpReply(
                response.getStatus(),
                bytes,
                response.getHeaderString("Retry-After"),
                requestId(response));
        finished(api, method, uri, reply.status(), start);
        return reply;
      }
    } catch (ProcessingException e) {
      finished(api, method, uri, -1, start);
      throw new TransportFailure(e.getCause() == null ? e : e.getCause());
    }
  }

  private static @Nullable String requestId(Response response) {
    for (String header : REQUEST_ID_HEADERS) {
      String value = response.getHeaderString(header);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  private void finished(ScimApi api, String method, URI uri, int status, long startNanos) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    counters.record(api, status);
    LOG.debug(
        "scim attempt api={} method={} path={} status={} ms={}",
        api.apiName(),
        method,
        uri.getRawPath(),
        status,
        elapsed.toMillis());
    for (RequestListener listener : listeners) {
      try {
        listener.onResponse(api.apiName(), status, elapsed);
      } catch (RuntimeException e) {
        LOG.warn("request listener failed api={} error={}", api.apiName(), e.toString());
      }
    }
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** Removes the token from text that came from the server, in case it was echoed back. */
  private String redact(String text) {
    return auth.redact(text);
  }

  /**
   * Tells {@code listener} about every attempt from now on, besides the configured listener.
   *
   * @param listener thread-safe, fast, never throwing
   */
  public void addListener(RequestListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Stops telling {@code listener}; nothing happens if it was not added.
   *
   * @param listener a listener given to {@link #addListener}
   */
  public void removeListener(RequestListener listener) {
    listeners.remove(listener);
  }

  /**
   * Attempt counts so far.
   *
   * @return a snapshot
   */
  public ClientStats stats() {
    return counters.snapshot();
  }

  @Override
  public void close() {
    client.close();
  }

  /** An attempt that got no answer; retried, then reported as a transport failure. */
  static final class TransportFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransportFailure(Throwable cause) {
      super(cause);
    }
  }
}
