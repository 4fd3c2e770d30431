package org.scimsync.client;

import org.jspecify.annotations.Nullable;

/**
 * No answer after the retries: connection refused or reset, timeout, TLS failure (status {@code
 * -1}).
 */
public final class ScimTransportException extends ScimException {

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
  public ScimTransportException(
      String api,
      int status,
      @Nullable String detail,
      @Nullable String scimType,
      @Nullable Throwable cause) {
    super(Kind.TARGET_UNAVAILABLE, true, new Failure(api, status, detail, scimType, cause));
  }
}
