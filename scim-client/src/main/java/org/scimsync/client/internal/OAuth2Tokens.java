package org.scimsync.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.scimsync.client.RetrySettings;
import org.scimsync.client.ScimServerException;
import org.scimsync.client.ScimThrottledException;
import org.scimsync.client.ScimTransportException;
import org.scimsync.client.ScimUnauthorizedException;
import org.scimsync.client.TargetAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens from an OAuth 2.0 token endpoint (client credentials grant, {@code
 * client_secret_basic}): fetched at first use, shared by every thread, fetched again shortly before
 * they expire ({@code expires_in} less a margin of 30 s, at most half the lifetime) and after the
 * target refused one (401). Transient token endpoint failures are retried like SCIM requests; a
 * refused client is a {@link ScimUnauthorizedException} naming the endpoint and the client id,
 * never the secret.
 */
final class OAuth2Tokens implements Authorization {

  static final Duration MAX_MARGIN = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(OAuth2Tokens.class);
  private static final int REMEMBERED_TOKENS = 8;

  private final TargetAuth.OAuth2ClientCredentials settings;
  private final Client client;
  private final ObjectMapper json;
  private final Clock clock;
  private final RetryPolicy<HttpReply> retry;
  private final String clientAuthorization;
  private final Deque<String> issued = new ArrayDeque<>();
  private @Nullable Token current;

  /** A token and when to fetch the next one (never, when the endpoint gave no lifetime). */
  private record Token(String value, @Nullable Instant renewAt) {}

  OAuth2Tokens(
      TargetAuth.OAuth2ClientCredentials settings,
      Client client,
      ObjectMapper json,
      Clock clock,
      RetrySettings retry) {
    this.settings = settings;
    this.client = client;
    this.json = json;
    this.clock = clock;
    this.retry = RetryPolicies.transientFailures(retry, clock);
    // RFC 6749 2.3.1: the id and secret are form-encoded before they are joined and encoded.
    this.clientAuthorization =
        "Basic "
            + Authorization.basic(
                URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8),
                URLEncoder.encode(settings.clientSecret().reveal(), StandardCharsets.UTF_8));
  }

  @Override
  public synchronized String header(String api) {
    Token token = current;
    if (token == null || (token.renewAt() != null && !clock.instant().isBefore(token.renewAt()))) {
      token = fetch(api);
      current = token;
    }
    return "Bearer " + token.value();
  }

  @Override
  public synchronized boolean refused(String header) {
    Token token = current;
    if (token != null && header.equals("Bearer " + token.value())) {
      current = null;
    }
    return true;
  }

  @Override
  public synchronized String redact(String text) {
    String clean =
        text.replace(settings.clientSecret().reveal(), "****")
            .replace(clientAuthorization.substring("Basic ".length()), "****");
    for (String token : issued) {
      clean = clean.replace(token, "****");
    }
    return clean;
  }

  private Token fetch(String api) {
    Instant asked = clock.instant();
    HttpReply reply;
    try {
      reply = Failsafe.with(retry).get(this::post);
    } catch (ScimHttp.TransportFailure e) {
      Throwable cause = e.getCause();
      throw new ScimTransportException(
          api,
          -1,
          "the token endpoint "
              + settings.tokenUrl()
              + " is unreachable: "
              + (cause == null ? "I/O failure" : redact(String.valueOf(cause.getMessage()))),
          null,
          cause);
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new ScimTransportException(
          api, -1, "interrupted while asking for a token", null, e.getCause());
    }
    if (reply.status() < 200 || reply.status() >= 300) {
      throw refusal(api, reply);
    }
    JsonNode answer = parse(api, reply);
    String value = answer.path("access_token").asText("");
    String type = answer.path("token_type").asText("bearer");
    if (value.isBlank() || !type.equalsIgnoreCase("bearer")) {
      throw new ScimServerException(
          api,
          reply.status(),
          "the token endpoint "
              + settings.tokenUrl()
              + " answered without a bearer access_token (token_type "
              + type
              + ")",
          null,
          null);
    }
    remember(value);
    Duration lifetime = lifetime(answer.get("expires_in"));
    Instant renewAt = null;
    if (lifetime != null) {
      Duration margin = lifetime.dividedBy(2);
      if (margin.compareTo(MAX_MARGIN) > 0) {
        margin = MAX_MARGIN;
      }
      renewAt = asked.plus(lifetime).minus(margin);
    }
    LOG.debug(
        "oauth2 token obtained tokenUrl={} clientId={} expiresInSeconds={}",
        settings.tokenUrl(),
        settings.clientId(),
        lifetime == null ? "unknown" : lifetime.toSeconds());
    return new Token(value, renewAt);
  }

  private HttpReply post() {
    Form form = new Form().param("grant_type", "client_credentials");
    if (settings.scope() != null) {
      form.param("scope", settings.scope());
    }
    if (settings.audience() != null) {
      form.param("audience", settings.audience());
    }
    try (Response response =
        client
            .target(settings.tokenUrl())
            .request()
            .header(HttpHeaders.AUTHORIZATION, clientAuthorization)
            .header(HttpHeaders.ACCEPT, "application/json")
            .header(HttpHeaders.USER_AGENT, UserAgent.VALUE)
            .post(Entity.form(form))) {
      byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
      return new HttpReply(response.getStatus(), body, response.getHeaderString("Retry-After"));
    } catch (ProcessingException e) {
      throw new ScimHttp.TransportFailure(e.getCause() == null ? e : e.getCause());
    }
  }

  private RuntimeException refusal(String api, HttpReply reply) {
    String explanation = explanation(reply);
    int status = reply.status();
    if (status == 429) {
      return new ScimThrottledException(
          api, status, "the token endpoint " + settings.tokenUrl() + " " + explanation, null, null);
    }
    if (status >= 500) {
      return new ScimServerException(
          api, status, "the token endpoint " + settings.tokenUrl() + " " + explanation, null, null);
    }
    return new ScimUnauthorizedException(
        api,
        status,
        "the token endpoint "
            + settings.tokenUrl()
            + " refused the client "
            + settings.clientId()
            + ": "
            + explanation,
        null,
        null);
  }

  /** {@code error: error_description} of an RFC 6749 error answer, else the start of the body. */
  private String explanation(HttpReply reply) {
    try {
      JsonNode error = json.readTree(reply.body());
      if (error != null && error.hasNonNull("error")) {
        String description = error.path("error_description").asText("");
        return redact(
            error.get("error").asText() + (description.isBlank() ? "" : ": " + description));
      }
    } catch (IOException | RuntimeException notJson) {
      // fall through: show the start of the text
    }
    ErrorBody body = ErrorBody.parse(redact(reply.text()), json);
    return "HTTP " + reply.status() + (body.detail() == null ? "" : ": " + body.detail());
  }

  private JsonNode parse(String api, HttpReply reply) {
    try {
      JsonNode answer = json.readTree(reply.body());
      if (answer != null && answer.isObject()) {
        return answer;
      }
    } catch (IOException | RuntimeException e) {
      // reported below
    }
    throw new ScimServerException(
        api,
        reply.status(),
        "the token endpoint " + settings.tokenUrl() + " answered with something other than JSON",
        null,
        null);
  }

  /** {@code expires_in} as a number or a numeric string; null when absent or unusable. */
  private static @Nullable Duration lifetime(@Nullable JsonNode expiresIn) {
    if (expiresIn == null) {
      return null;
    }
    long seconds;
    if (expiresIn.isNumber()) {
      seconds = expiresIn.asLong();
    } else if (expiresIn.isTextual() && expiresIn.asText().strip().matches("\\d{1,9}")) {
      seconds = Long.parseLong(expiresIn.asText().strip());
    } else {
      return null;
    }
    return seconds > 0 ? Duration.ofSeconds(seconds) : null;
  }

  private void remember(String token) {
    issued.addFirst(token);
    while (issued.size() > REMEMBERED_TOKENS) {
      issued.removeLast();
    }
  }

  @Override
  public String toString() {
    return "OAuth2Tokens[tokenUrl="
        + settings.tokenUrl()
        + ", clientId="
        + settings.clientId()
        + "]";
  }
}
