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
   * @param requestIdHeader the request id the answer's headers carried, if any; the body's {@code
   *     exceptionRequestId} wins
   */
  static ScimException forStatus(
      String api, int status, ErrorBody body, @Nullable String requestIdHeader) {
    @Nullable String detail = body.detail();
    @Nullable String type = body.scimType();
    @Nullable String id = body.requestId() != null ? body.requestId() : requestIdHeader;
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

  /** Whether an answer with this status is worth another attempt. */
  static boolean retryable(int status) {
    return status == 429 || (status >= 500 && status != 501 && status != 505);
  }
}
