package org.scimsync.client;

import org.jspecify.annotations.Nullable;

/** The target rejected the request as invalid (HTTP 400); {@link #detail()} says why. */
public final class ScimBadRequestException extends ScimException {

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
  public ScimBadRequestException(
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
  public ScimBadRequestException(
      String api,
      int status,
      @Nullable String detail,
      @Nullable String scimType,
      @Nullable String requestId,
      @Nullable Throwable cause) {
    super(
        Kind.CHANGE_REJECTED, false, new Failure(api, status, detail, scimType, requestId, cause));
  }
}
