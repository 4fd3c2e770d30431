package org.scimsync.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP answer.
 *
 * @param status the HTTP status
 * @param body the JSON body, or null for none
 * @param headers extra headers
 */
public record Reply(int status, byte @Nullable [] body, Map<String, String> headers) {

  /** Copies the headers. */
  public Reply {
    headers = Map.copyOf(headers);
  }

  static Reply json(int status, byte[] body) {
    return new Reply(status, body, Map.of());
  }

  static Reply empty(int status) {
    return new Reply(status, null, Map.of());
  }

  /** The body as text, for logging and tests. */
  public String bodyText() {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }
}
