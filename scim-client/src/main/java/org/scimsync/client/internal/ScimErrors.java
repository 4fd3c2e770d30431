package org.scimsync.client.internal;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.scimsync.client.ProxySettings;
import org.scimsync.client.ScimBadRequestException;
import org.scimsync.client.ScimConcurrentModificationException;
import org.scimsync.client.ScimConflictException;
import org.scimsync.client.ScimException;
import org.scimsync.client.ScimNotFoundException;
import org.scimsync.client.ScimPreconditionFailedException;
import org.scimsync.client.ScimServerException;
import org.scimsync.client.ScimTargetNotFoundException;
import org.scimsync.client.ScimThrottledException;
import org.scimsync.client.ScimUnauthorizedException;

/** Turns a final non-2xx answer into the typed exception for its class of failure. */
final class ScimErrors {

  private final URI baseUrl;
  private final @Nullable ProxySettings proxy;

  /**
   * Creates the mapping for one client.
   *
   * @param baseUrl the configured base URL, named when a collection is not found
   * @param proxy the proxy, named when it refuses the client
   */
  ScimErrors(URI baseUrl, @Nullable ProxySettings proxy) {
    this.baseUrl = baseUrl;
    this.proxy = proxy;
  }

  /**
   * The exception for a final non-2xx answer: a 407 is the proxy refusing the client; a 404 on a
   * collection is a wrong tenant, never a vanished object; a 409 on PATCH or DELETE is a concurrent
   * modification, never a duplicate to adopt; other statuses by {@link #forStatus}.
   *
   * @param api the operation name
   * @param method the HTTP method
   * @param pathAndQuery the request path relative to the base URL
   * @param status the HTTP status
   * @param body the parsed (and redacted) error body
   * @param requestId the target's request id, if any
   * @return the exception to throw
   */
  ScimException forAnswer(
      String api,
      String method,
      String pathAndQuery,
      int status,
      ErrorBody body,
      @Nullable String requestId) {
    if (status == 407) {
      // The proxy's own page says nothing useful, and may quote what it was sent.
      return new ScimUnauthorizedException(api, 407, proxyRefusal(), null, requestId, null);
    }
    String collection = collection(pathAndQuery);
    if (status == 404 && collection != null) {
      return new ScimTargetNotFoundException(
          api, baseUrl, collection, body.detail(), body.scimType(), requestId);
    }
    if (status == 409 && concurrentModification(method)) {
      return new ScimConcurrentModificationException(
          api, 409, body.detail(), body.scimType(), requestId, null);
    }
    return forStatus(api, status, body, requestId);
  }

  private String proxyRefusal() {
    if (proxy == null) {
      return "an HTTP proxy on the way asks for credentials (407 Proxy Authentication Required)";
    }
    return proxy.user() == null
        ? "the proxy "
            + proxy.uri()
            + " asks for credentials (407 Proxy Authentication Required): set the proxy user and"
            + " password"
        : "the proxy "
            + proxy.uri()
            + " refused the proxy credentials (407 Proxy Authentication Required): check the proxy"
            + " user and password";
  }

  /** A 409 on these is the resource changing under us, not a duplicate to adopt. */
  static boolean concurrentModification(String method) {
    return method.equals("PATCH") || method.equals("DELETE");
  }

  /**
   * The exception for a final answer.
   *
   * @param api the operation name
   * @param status the HTTP status
   * @param body the parsed error body
   * @param id the target's request id, if any
   */
  private static ScimException forStatus(
      String api, int status, ErrorBody body, @Nullable String id) {
    @Nullable String detail = body.detail();
    @Nullable String type = body.scimType();
    return switch (status) {
      case 400 -> new ScimBadRequestException(api, status, detail, type, id, null);
      case 401, 403 -> new ScimUnauthorizedException(api, status, detail, type, id, null);
      case 404 -> new ScimNotFoundException(api, status, detail, type, id, null);
      case 409 -> new ScimConflictException(api, status, detail, type, id, null);
      case 412 -> new ScimPreconditionFailedException(api, status, detail, type, id, null);
      case 429 -> new ScimThrottledException(api, status, detail, type, id, null);
      default ->
          status >= 500
              ? new ScimServerException(api, status, detail, type, id, null)
              : new ScimException(api, status, detail, type, id, null);
    };
  }

  /**
   * The collection a request path names, if it names no single resource: {@code Users} for {@code
   * Users?filter=...}, {@code ServiceProviderConfig}; null for {@code Users/abc} (ids are
   * percent-encoded, so a {@code /} always separates the id).
   *
   * @param pathAndQuery the request path relative to the base URL
   * @return the collection, or null for a single resource
   */
  static @Nullable String collection(String pathAndQuery) {
    int query = pathAndQuery.indexOf('?');
    String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    return path.isEmpty() || path.contains("/") ? null : path;
  }

  /** Whether an answer with this status is worth another attempt. */
  static boolean retryable(int status) {
    return status == 429 || (status >= 500 && status != 501 && status != 505);
  }
}
