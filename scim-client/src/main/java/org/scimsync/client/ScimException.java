package org.scimsync.client;

import org.jspecify.annotations.Nullable;

/**
 * A SCIM call failed. Subclasses name the class of failure; an HTTP status without a subclass (for
 * example 405 or 422) is reported as a plain {@code ScimException}. The message holds the
 * operation, the status, the server's detail and the target's request id (which the target's
 * support asks for), never the bearer token.
 */
public sealed class ScimException extends RuntimeException
    permits ScimBadRequestException,
        ScimUnauthorizedException,
        ScimNotFoundException,
        ScimConflictException,
        ScimConcurrentModificationException,
        ScimPreconditionFailedException,
        ScimThrottledException,
        ScimServerException,
        ScimTransportException,
        ScimUnsupportedException {

  /** The class of failure, which decides what the caller does. */
  public enum Kind {
    /** The target refused this one change (400, 404, 409, 412, other 4xx). */
    CHANGE_REJECTED,
    /** The profile forbids the operation; nothing was sent. */
    UNSUPPORTED,
    /**
     * The token, the tenant or the proxy credentials were refused (401, 403, 407), or the target
     * has no such collection (404 on {@code /Users}, {@code /Groups}: a wrong tenant id): nothing
     * more can succeed.
     */
    AUTH_REFUSED,
    /** The target stayed throttled, failing or unreachable after the retries. */
    TARGET_UNAVAILABLE
  }

  private static final long serialVersionUID = 1L;

  private final Kind kind;
  private final boolean retryable;
  private final String api;
  private final int status;
  private final @Nullable String detail;
  private final @Nullable String scimType;
  private final @Nullable String requestId;

  /**
   * Creates the exception.
   *
   * @param api the SCIM operation, such as {@code CreateUser}
   * @param status the HTTP status, {@code -1} when no answer was received
   * @param detail the server's detail message, if any
   * @param scimType the server's {@code scimType}, if any
   * @param cause the underlying failure, if any
   */
  public ScimException(
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
   * @param api the SCIM operation, such as {@code CreateUser}
   * @param status the HTTP status, {@code -1} when no answer was received
   * @param detail the server's detail message, if any
   * @param scimType the server's {@code scimType}, if any
   * @param requestId the target's id of the request, if it sent one
   * @param cause the underlying failure, if any
   */
  public ScimException(
      String api,
      int status,
      @Nullable String detail,
      @Nullable String scimType,
      @Nullable String requestId,
      @Nullable Throwable cause) {
    this(Kind.CHANGE_REJECTED, false, new Failure(api, status, detail, scimType, requestId, cause));
  }

  /**
   * Creates the exception of a subclass, with its kind.
   *
   * @param kind the class of failure
   * @param retryable whether a later attempt might succeed
   * @param failure what failed
   */
  ScimException(Kind kind, boolean retryable, Failure failure) {
    this(kind, retryable, failure, message(failure));
  }

  /**
   * Creates the exception of a subclass, with its kind and its own message.
   *
   * @param kind the class of failure
   * @param retryable whether a later attempt might succeed
   * @param failure what failed
   * @param message the message; never holding a secret
   */
  ScimException(Kind kind, boolean retryable, Failure failure, String message) {
    super(message, failure.cause());
    this.kind = kind;
    this.retryable = retryable;
    this.api = failure.api();
    this.status = failure.status();
    this.detail = failure.detail();
    this.scimType = failure.scimType();
    this.requestId = failure.requestId();
  }

  private static String message(Failure failure) {
    StringBuilder text = new StringBuilder(failure.api()).append(" failed");
    if (failure.status() >= 0) {
      text.append(": HTTP ").append(failure.status());
    }
    if (failure.scimType() != null) {
      text.append(" scimType=").append(failure.scimType());
    }
    if (failure.detail() != null) {
      text.append(": ").append(failure.detail());
    }
    if (failure.requestId() != null) {
      text.append(" (request id ").append(failure.requestId()).append(')');
    }
    return text.toString();
  }

  /**
   * The SCIM operation that failed.
   *
   * @return for example {@code PatchGroup}
   */
  public String api() {
    return api;
  }

  /**
   * The HTTP status of the last answer.
   *
   * @return the status, or {@code -1} when there was no answer (I/O failure, refused locally)
   */
  public int status() {
    return status;
  }

  /**
   * The server's explanation.
   *
   * @return the {@code detail} of the error body (or the start of a non-JSON body), if any
   */
  public @Nullable String detail() {
    return detail;
  }

  /**
   * The RFC 7644 {@code scimType} of the error body (AWS sends none).
   *
   * @return for example {@code uniqueness}, if any
   */
  public @Nullable String scimType() {
    return scimType;
  }

  /**
   * The target's id of the failed request: {@code exceptionRequestId} of an AWS error body, else
   * the {@code x-amzn-RequestId} or {@code X-Request-Id} response header. Support desks ask for it.
   *
   * @return the request id, if the target sent one
   */
  public @Nullable String requestId() {
    return requestId;
  }

  /**
   * Whether the same call might succeed later (throttling, server errors, I/O).
   *
   * @return true for transient failures, after the client's own retries were used up
   */
  public boolean retryable() {
    return retryable;
  }

  /**
   * The class of failure.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /** What failed, as handed from a subclass constructor. */
  record Failure(
      String api,
      int status,
      @Nullable String detail,
      @Nullable String scimType,
      @Nullable String requestId,
      @Nullable Throwable cause) {

    Failure(
        String api,
        int status,
        @Nullable String detail,
        @Nullable String scimType,
        @Nullable Throwable cause) {
      this(api, status, detail, scimType, null, cause);
    }
  }
}
