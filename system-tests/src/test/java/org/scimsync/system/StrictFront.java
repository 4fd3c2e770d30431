package org.scimsync.system;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A strict HTTP front, as API gateways and some reverse proxies are: a request whose body comes
 * with {@code Transfer-Encoding: chunked} is refused with 411 Length Required; every other request
 * is passed to the server behind, on loopback, and its answer passed back.
 */
final class StrictFront extends HttpFront {

  private StrictFront(URI behind) throws IOException {
    super(behind);
  }

  /** Starts a front for the server at {@code behind} (scheme, host and port). */
  static StrictFront before(URI behind) throws IOException {
    StrictFront front = new StrictFront(behind);
    front.start();
    return front;
  }

  @Override
  @Nullable Refusal refusal(HttpExchange exchange, byte[] body) {
    String encoding = exchange.getRequestHeaders().getFirst("Transfer-Encoding");
    return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")
        ? new Refusal(411, "text/plain", "Length Required")
        : null;
  }
}
