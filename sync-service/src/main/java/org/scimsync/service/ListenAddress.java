package org.scimsync.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.net.InetSocketAddress;
import org.scimsync.common.ConfigValueException;

/**
 * A {@code host:port} to listen on ({@code [::1]:8088} for IPv6).
 *
 * @param host the host name or address
 * @param port the port, 0 for any free port
 */
public record ListenAddress(String host, int port) {

  /** {@code 127.0.0.1:8088}. */
  public static final ListenAddress DEFAULT = new ListenAddress("127.0.0.1", 8088);

  public ListenAddress {
    if (host == null || host.isBlank()) {
      throw new ConfigValueException(null, "needs a host, as host:port");
    }
    if (port < 0 || port > 65535) {
      throw new ConfigValueException(null, "port must be between 0 and 65535, got " + port);
    }
  }

  /** Parses {@code host:port} or {@code [v6]:port}. */
  @JsonCreator
  public static ListenAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new ConfigValueException(null, "expected host:port, got '" + text + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new ListenAddress(host, Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new ConfigValueException(null, "expected host:port, got '" + text + "'");
    }
  }

  /** An unresolved socket address for binding. */
  public InetSocketAddress toSocketAddress() {
    return new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
