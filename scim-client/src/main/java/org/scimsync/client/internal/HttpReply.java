package org.scimsync.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A raw HTTP answer. Its body stays bytes until something needs text; {@link #toString()} never
 * shows it (an error body may echo the token).
 */
public final class HttpReply {
  private final int status;
  private final byte[] body;
  private final @Nullable String retryAfter;
  private final @Nullable String requestId;

  /**
   * Creates an answer without a request id.
   *
   * @param status the status code
   * @param body the body, empty when there was none; kept, not copied
   * @param retryAfter the {@code Retry-After} header, if any
   */
  public HttpReply(int status, byte[] body, @Nullable String retryAfter) {
    this(status, body, retryAfter, null);
  }

  /**
   * Creates the answer.
   *
   * @param status the status code
   * @param body the body, empty when there was none; kept, not copied
   * @param retryAfter the {@code Retry-After} header, if any
   * @param requestId the target's request id header ({@code x-amzn-RequestId} or {@code
   *     X-Request-Id}), if any
   */
  public HttpReply(
      int status, byte[] body, @Nullable String retryAfter, @Nullable String requestId) {
    this.status = status;
    this.body = Objects.requireNonNull(body, "body");
    this.retryAfter = retryAfter;
    this.requestId = requestId;
  }

  /**
   * The status code.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * The body as received, empty when there was none. Not a copy: read it, never change it.
   *
   * @return the bytes
   */
  public byte[] body() {
    return body;
  }

  /**
   * The body decoded as UTF-8, the encoding of JSON (RFC 8259).
   *
   * @return the text, empty when there was no body
   */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Whether the body is empty or only white space.
   *
   * @return true if there is nothing to read
   */
  public boolean blank() {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /**
   * The {@code Retry-After} header.
   *
   * @return the header, if any
   */
  public @Nullable String retryAfter() {
    return retryAfter;
  }

  /**
   * The target's id of this request, from the {@code x-amzn-RequestId} or {@code X-Request-Id}
   * header.
   *
   * @return the request id, if any
   */
  public @Nullable String requestId() {
    return requestId;
  }

  @Override
  public String toString() {
    return "HttpReply[status=" + status + ", bodyBytes=" + body.length + "]";
  }
}
