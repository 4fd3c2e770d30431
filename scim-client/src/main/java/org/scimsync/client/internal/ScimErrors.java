package org.scimsync.client.internal;

import org.jspecify.annotations.Nullable;
import org.scimsync.client.ScimBadRequestException;
import org.scimsync.client.ScimConflictException;
import org.scimsync.client.ScimException;
import org.scimsync.client.ScimNotFoundException;
import org.scimsync.client.ScimPreconditionFailedException;
import org.scimsync.client.ScimServerException;
import org.scimsync.client.ScimThrottledException;
import org.scimsync.client.ScimUnauthorizedException;

/** Turns a final non-2xx answer into the typed exception for its class of failure. */
final class ScimErrors {

  private ScimErrors() {}

  /**
   * The exception for a final answer.
   *
   * @param api the operation name
   * @param status the HTTP status
   * @param body the parsed error body
   * @param id the target's request id, if any
   */
  static ScimException forStatus(String api, int status, ErrorBody body, @Nullable String id) {
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
