package org.scimsync.client;

import org.jspecify.annotations.Nullable;

/**
 * A PATCH or DELETE still answered 409 after the consistency retries (see {@link
 * ConsistencySettings}): the resource is being changed by someone else, or the change collides with
 * another resource's unique attribute. Never the "duplicate, adopt it" conflict of a create ({@link
 * ScimConflictException}); a later run may succeed.
 */
public final class ScimConcurrentModificationException extends ScimException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param api the SCIM operation
   * @param status the HTTP status, {@code -1} without an answer
   * @param detail the server's detail, if any
   * @param scimType the server's {@code scimType}, if any
   * @param requestId the target's id of the request, if it sent one
   * @param cause the underlying failure, if any
   */
  public ScimConcurrentModificationException(
      String api,
      int status,
      @Nullable String detail,
      @Nullable String scimType,
      @Nullable String requestId,
      @Nullable Throwable cause) {
    super(
        Kind.CHANGE_REJECTED,
        true,
        new Failure(api, status, detail, scimType, requestId, cause),
        message(api, status, detail, requestId));
  }

  private static String message(
      String api, int status, @Nullable String detail, @Nullable String requestId) {
    StringBuilder text =
        new StringBuilder(api)
            .append(" failed: HTTP ")
            .append(status)
            .append(" after the retries: the resource is being changed concurrently, or the")
            .append(" change collides with another resource's unique attribute");
    if (detail != null) {
      text.append(": ").append(detail);
    }
    if (requestId != null) {
      text.append(" (request id ").append(requestId).append(')');
    }
    return text.toString();
  }
}
