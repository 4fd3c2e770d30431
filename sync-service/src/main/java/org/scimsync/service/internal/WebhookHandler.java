package org.scimsync.service.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.service.ServiceException;
import org.scimsync.service.SyncMetrics;
import org.scimsync.service.Trigger;
import org.scimsync.service.TriggerReceipt;
import org.scimsync.service.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/directory-changed}: checks the signature, the timestamp's freshness and
 * replays, reads an optional {@code {"users": [...]}} body, and submits a webhook trigger. Every
 * refusal of authentication answers the same 401 so that the answer tells an attacker nothing; the
 * reason goes to the log.
 */
final class WebhookHandler implements HttpHandler {

  /** Where the webhook listens. */
  static final String PATH = "/hooks/directory-changed";

  /** The largest body accepted (1 MiB). */
  static final int MAX_BODY_BYTES = 1 << 20;

  /** How much of an oversized body is read and thrown away before the 413 is sent. */
  static final long DRAIN_BYTES = 4L << 20;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
  private static final String UNAUTHORIZED = "missing or invalid signature";

  private final WebhookSignature signature;
  private final ReplayMemory replays;
  private final Clock clock;
  private final RunQueue coordinator;
  private final Duration debounce;
  private final SyncMetrics metrics;

  WebhookHandler(
      WebhookSignature signature,
      ReplayMemory replays,
      Clock clock,
      RunQueue coordinator,
      Duration debounce,
      SyncMetrics metrics) {
    this.signature = Objects.requireNonNull(signature, "signature");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
    this.debounce = Objects.requireNonNull(debounce, "debounce");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.replays = Objects.requireNonNull(replays, "replays");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!PATH.equals(exchange.getRequestURI().getPath())) {
        Answers.error(exchange, 404, "no such resource: " + exchange.getRequestURI().getPath());
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        Answers.methodNotAllowed(exchange, "POST");
        return;
      }
      if (!coordinator.accepting()) {
        refuse(exchange, 503, "unavailable", "shutting down", "the service is shutting down");
        return;
      }
      String presented = exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER);
      Long timestamp =
          parseTimestamp(exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER));
      if (presented == null || timestamp == null) {
        refuse(
            exchange, 401, "unauthorized", "signature or timestamp header missing", UNAUTHORIZED);
        return;
      }
      byte[] body = readBounded(exchange);
      if (body == null) {
        refuse(exchange, 413, "too_large", "body too large", "the body must not exceed 1 MiB");
        return;
      }
      long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
      if (skew > WebhookSignature.TOLERANCE.toSeconds()) {
        refuse(
            exchange,
            401,
            "unauthorized",
            "timestamp outside the window skewSeconds=" + skew,
            UNAUTHORIZED);
        return;
      }
      if (!signature.verify(presented, timestamp, body)) {
        refuse(exchange, 401, "unauthorized", "signature mismatch", UNAUTHORIZED);
        return;
      }
      ReplayMemory.Admission admission;
      try {
        admission = replays.admit(presented.trim().toLowerCase(Locale.ROOT), timestamp);
      } catch (ServiceException e) {
        refuse(exchange, 503, "unavailable", e.getMessage(), "the service is unavailable");
        return;
      }
      switch (admission) {
        case REPLAYED -> {
          refuse(exchange, 401, "unauthorized", "replayed request", UNAUTHORIZED);
          return;
        }
        case FULL -> {
          exchange.getResponseHeaders().set("Retry-After", "60");
          refuse(exchange, 429, "too_many", "replay cache full", "too many requests; retry later");
          return;
        }
        case FRESH -> {
          // go on
        }
      }
      Set<String> users;
      try {
        users = parseUsers(body);
      } catch (MalformedBody e) {
        refuse(exchange, 400, "bad_request", e.getMessage(), e.getMessage());
        return;
      }
      Optional<TriggerReceipt> receipt;
      try {
        receipt = coordinator.submit(Trigger.WEBHOOK, false, users, debounce);
      } catch (ServiceException e) {
        refuse(exchange, 503, "unavailable", e.getMessage(), "the service is unavailable");
        return;
      }
      if (receipt.isEmpty()) {
        refuse(exchange, 503, "unavailable", "shutting down", "the service is shutting down");
        return;
      }
      metrics.recordWebhook("accepted");
      metrics.recordTrigger(Trigger.WEBHOOK, receipt.get().merged());
      LOG.info(
          "webhook accepted trigger={} merged={} users={}",
          receipt.get().triggerId(),
          receipt.get().merged(),
          users.isEmpty() ? "all" : users.size());
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("triggerId", receipt.get().triggerId());
      answer.put("merged", receipt.get().merged());
      answer.put("status", "/triggers/" + receipt.get().triggerId());
      Answers.json(exchange, 202, answer);
    }
  }

  private void refuse(
      HttpExchange exchange, int status, String outcome, String reason, String answer)
      throws IOException {
    metrics.recordWebhook(outcome);
    LOG.warn(
        "webhook refused status={} reason=\"{}\" remote={}",
        status,
        reason,
        exchange.getRemoteAddress().getAddress().getHostAddress());
    Answers.error(exchange, status, answer);
  }

  private static @Nullable Long parseTimestamp(@Nullable String header) {
    if (header == null) {
      return null;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The body, or null when it exceeds {@link #MAX_BODY_BYTES}. An oversized body is read and
   * discarded up to {@link #DRAIN_BYTES} so that the sender gets the 413 on a clean connection;
   * beyond that the connection is cut.
   */
  private static byte @Nullable [] readBounded(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      String declared = exchange.getRequestHeaders().getFirst("Content-Length");
      if (declared != null && declaredLength(declared) > MAX_BODY_BYTES) {
        discard(in);
        return null;
      }
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        discard(in);
        return null;
      }
      return body;
    }
  }

  private static long declaredLength(String header) {
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1; // the server itself refuses a malformed Content-Length
    }
  }

  private static void discard(InputStream in) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    long left = DRAIN_BYTES;
    int read;
    while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
      left -= read;
    }
  }

  /** The user keys of {@code {"users": [...]}}; empty for an empty body or no {@code users}. */
  static Set<String> parseUsers(byte[] body) throws MalformedBody {
    if (new String(body, StandardCharsets.UTF_8).isBlank()) {
      return Set.of();
    }
    JsonNode root;
    try {
      root = Answers.JSON.readTree(body);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new MalformedBody("malformed JSON body" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MalformedBody("unreadable body: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MalformedBody("the body must be a JSON object such as {\"users\": [\"key\"]}");
    }
    JsonNode users = root.get("users");
    if (users == null || users.isNull()) {
      return Set.of();
    }
    if (!users.isArray()) {
      throw new MalformedBody("\"users\" must be an array of user keys");
    }
    Set<String> keys = new LinkedHashSet<>();
    for (JsonNode user : users) {
      if (!user.isTextual() || user.asText().isBlank()) {
        throw new MalformedBody("\"users\" must hold non-empty strings (source user keys)");
      }
      keys.add(user.asText());
    }
    return keys;
  }

  /** The body is not what the webhook accepts; the message says why. */
  static final class MalformedBody extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedBody(String message) {
      super(message);
    }
  }
}
