package org.scimsync.client;

import org.jspecify.annotations.Nullable;

/**
 * The token or tenant was refused (HTTP 401 or 403, or a 404 on a collection: {@link
 * ScimTargetNotFoundException}): nothing more can succeed, stop the run.
 */
public sealed class ScimUnauthorizedException extends ScimException
    permits ScimTargetNotFoundException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param api the SCIM operation
   * @param status the HTTP status, {@code -1} without an answer
   * @param detail the server's detail, if any
   * @param scimType the server's {@code scimType}, if any
   * @param cause the underlying failure, if any
   */
  public ScimUnauthorizedException(
      String api,
      int status,
      @Nullable String detail,
      @Nullable String scimType,
      @Nullable Throwable cause) {
    this(api, status, detail, scimType, null, cause);
  }

  /**
   * Creates the exception for an answer that carried a request id.
   *
   * @param api the SCIM operation
   * @param status the HTTP status, {@code -1} without an answer
   * @param detail the server's detail, if any
   * @param scimType the server's {@code scimType}, if any
   * @param requestId the target's id of the request, if it sent one
   * @param cause the underlying failure, if any
   */
  public ScimUnauthorizedException(
      String api,
      int status,
      @Nullable String detail,
      @Nullable String scimType,
      @Nullable String requestId,
      @Nullable Throwable cause) {
    super(Kind.AUTH_REFUSED, false, new Failure(api, status, detail, scimType, requestId, cause));
  }

  /**
   * Creates the exception of a subclass, with its own message.
   *
   * @param failure what failed
   * @param message the message
   */
  ScimUnauthorizedException(Failure failure, String message) {
    super(Kind.AUTH_REFUSED, false, failure, message);
  }
}
