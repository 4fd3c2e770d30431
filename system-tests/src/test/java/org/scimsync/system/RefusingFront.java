package org.scimsync.system;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A front that passes every request to the server behind except a POST whose body contains a
 * marker, which it refuses with a SCIM 400 error of its own words: a target that refuses one user.
 */
final class RefusingFront extends HttpFront {

  /** The target's words for the refused request. */
  static final String DETAIL = "User rejected by policy: account is on the legal-hold list";

  private final String marker;

  private RefusingFront(URI behind, String marker) throws IOException {
    super(behind);
    this.marker = marker;
  }

  /** Starts a front for the server at {@code behind} refusing POST bodies containing marker. */
  static RefusingFront before(URI behind, String marker) throws IOException {
    RefusingFront front = new RefusingFront(behind, marker);
    front.start();
    return front;
  }

  @Override
  @Nullable Refusal refusal(HttpExchange exchange, byte[] body) {
    if (!"POST".equals(exchange.getRequestMethod())
        || !new String(body, StandardCharsets.UTF_8).contains(marker)) {
      return null;
    }
    return new Refusal(
        400,
        "application/scim+json",
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
            + "\"status\":\"400\",\"scimType\":\"invalidValue\",\"detail\":\""
            + DETAIL
            + "\"}");
  }
}
