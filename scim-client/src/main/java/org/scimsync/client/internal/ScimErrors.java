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

  static ScimException forStatus(String api, int status, ErrorBody body) {
    @Nullable String detail = body.detail();
    @Nullable String scimType = body.scimType();
    return switch (status) {
      case 400 -> new ScimBadRequestException(api, status, detail, scimType, null);
      case 401, 403 -> new ScimUnauthorizedException(api, status, detail, scimType, null);
      case 404 -> new ScimNotFoundException(api, status, detail, scimType, null);
      case 409 -> new ScimConflictException(api, status, detail, scimType, null);
      case 412 -> new ScimPreconditionFailedException(api, status, detail, scimType, null);
      case 429 -> new ScimThrottledException(api, status, detail, scimType, null);
      default ->
          status >= 500
              ? new ScimServerException(api, status, detail, scimType, null)
              : new ScimException(api, status, detail, scimType, null);
    };
  }

  /** Whether an answer with this status is worth another attempt. */
  static boolean retryable(int status) {
    return status == 429 || (status >= 500 && status != 501 && status != 505);
  }
}
