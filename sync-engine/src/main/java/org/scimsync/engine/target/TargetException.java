package org.scimsync.engine.target;

import org.jspecify.annotations.Nullable;

/**
 * The target refused or failed a request. The {@link Kind} decides what the engine does: a conflict
 * on create is resolved by adoption, an unauthorized answer stops the run, the others fail the one
 * change. Retries of transient failures happen below this port, in the client.
 */
public class TargetException extends RuntimeException {

  /** The failure classes of a SCIM target. */
  public enum Kind {
    /** 409: a duplicate (userName, externalId, displayName). */
    CONFLICT,
    /** 404: the object does not exist (any more). */
    NOT_FOUND,
    /** 400, 412 and other terminal refusals of this one request. */
    BAD_REQUEST,
    /** 401, 403: the token or tenant is refused; nothing more can succeed. */
    UNAUTHORIZED,
    /** Unreachable, or 5xx/429 after the client's retries ran out. */
    UNAVAILABLE
  }

  private static final long serialVersionUID = 1L;

  private final Kind kind;
  private final @Nullable Integer httpStatus;
  private final @Nullable String serverDetail;

  public TargetException(Kind kind, @Nullable Integer httpStatus, String message) {
    this(kind, httpStatus, message, null);
  }

  public TargetException(
      Kind kind, @Nullable Integer httpStatus, String message, @Nullable Throwable cause) {
    this(kind, httpStatus, message, null, cause);
  }

  /**
   * A failure with the server's own words.
   *
   * @param serverDetail what the server said (the {@code detail} of its error body), if anything:
   *     the same refusal of different objects has the same detail, which the run uses to notice a
   *     target that refuses everything
   */
  public TargetException(
      Kind kind,
      @Nullable Integer httpStatus,
      String message,
      @Nullable String serverDetail,
      @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.serverDetail = serverDetail;
  }

  /** The failure class. */
  public Kind kind() {
    return kind;
  }

  /** The HTTP status, when the target answered. */
  public @Nullable Integer httpStatus() {
    return httpStatus;
  }

  /** What the server said about the failure, if it said anything. */
  public @Nullable String serverDetail() {
    return serverDetail;
  }
}
