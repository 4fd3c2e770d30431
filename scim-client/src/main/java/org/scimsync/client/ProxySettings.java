package org.scimsync.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.Secret;

/**
 * An outbound HTTP proxy: {@code https} targets are reached through a {@code CONNECT} tunnel, so
 * TLS runs end to end between the client and the target (certificate and host name verified as
 * without a proxy, against the configured trust store); plain {@code http} targets are forwarded.
 * The proxy answers Basic authentication challenges with {@code user} and {@code password}, which
 * are sent to the proxy only. {@link #toString()} shows the password as {@code ****}; no message of
 * this class or of the client shows it.
 *
 * @param uri the proxy, {@code http://host:port} (port 80 when absent)
 * @param user the proxy user, if the proxy asks for credentials
 * @param password the proxy password, with a user
 * @param noProxy hosts reached directly, in {@code NO_PROXY} syntax (see {@link #bypasses})
 */
public record ProxySettings(
    URI uri, @Nullable String user, @Nullable Secret password, List<String> noProxy) {

  /** Validates the settings and normalises the URI and the {@code noProxy} entries. */
  public ProxySettings {
    Objects.requireNonNull(uri, "uri");
    uri = checkUri(uri, "target.proxy.url");
    if (user != null && user.isBlank()) {
      user = null;
    }
    if (password != null && user == null) {
      throw new IllegalArgumentException("target.proxy.password is set but no target.proxy.user");
    }
    noProxy = List.copyOf(normalise(Objects.requireNonNull(noProxy, "noProxy")));
  }

  /**
   * A proxy without credentials and without exceptions.
   *
   * @param uri {@code http://host:port}
   * @return the settings
   */
  public static ProxySettings of(URI uri) {
    return new ProxySettings(uri, null, null, List.of());
  }

  /**
   * The proxy the standard environment variables set for a target scheme, as curl reads them:
   * {@code https_proxy} or {@code HTTPS_PROXY} for {@code https} targets, {@code http_proxy} or
   * {@code HTTP_PROXY} for {@code http} targets (the lower-case name wins when both are set; an
   * empty value counts as unset). The value is {@code http://[user[:password]@]host[:port]}, the
   * scheme optional, user and password percent-encoded; {@code NO_PROXY} or {@code no_proxy}
   * becomes {@link #noProxy()}. A pure function of its arguments.
   *
   * @param env the environment, such as {@code System.getenv()}
   * @param targetScheme {@code https} or {@code http}
   * @return the proxy, empty when none is set
   * @throws IllegalArgumentException naming the variable (never its password) when it is not a
   *     usable proxy URL
   */
  public static Optional<ProxySettings> fromEnvironment(
      Map<String, String> env, String targetScheme) {
    String scheme = targetScheme.toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("no proxy variable for the scheme " + targetScheme);
    }
    String name = scheme + "_proxy";
    String variable = firstSet(env, name, name.toUpperCase(Locale.ROOT));
    if (variable == null) {
      return Optional.empty();
    }
    String raw = env.get(variable).strip();
    URI parsed;
    try {
      parsed = new URI(raw.contains("://") ? raw : "http://" + raw);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(variable + " is not a proxy URL (http://host:port)");
    }
    String user = null;
    Secret password = null;
    String userInfo = parsed.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      String secret = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
      password = secret.isEmpty() ? null : Secret.of(secret);
    }
    URI proxy;
    try {
      proxy =
          new URI(
              parsed.getScheme(),
              null,
              parsed.getHost(),
              parsed.getPort(),
              parsed.getPath(),
              null,
              null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(variable + " is not a proxy URL (http://host:port)");
    }
    String noProxyVariable = firstSet(env, "no_proxy", "NO_PROXY");
    String noProxy = noProxyVariable == null ? "" : env.get(noProxyVariable);
    checkUri(proxy, variable);
    return Optional.of(new ProxySettings(proxy, user, password, List.of(noProxy.split("[,\\s]+"))));
  }

  /**
   * Whether a host is reached directly, by {@link #noProxy()} as curl reads {@code NO_PROXY}:
   * {@code *} matches every host; {@code example.com}, {@code .example.com} and {@code
   * *.example.com} match {@code example.com} and every name under it; an IP address matches itself
   * (no ranges); {@code host:port} matches that port only. Names compare ignoring case and a
   * trailing dot; IPv6 addresses may be written with or without brackets.
   *
   * @param host the target host name or address
   * @param port the target port
   * @return true if the proxy is not used for this host
   */
  public boolean bypasses(String host, int port) {
    String name = bare(host);
    for (String entry : noProxy) {
      if (entry.equals("*")) {
        return true;
      }
      String entryHost = entry;
      int entryPort = -1;
      int colon = portSeparator(entry);
      if (colon > 0) {
        entryHost = entry.substring(0, colon);
        entryPort = Integer.parseInt(entry.substring(colon + 1));
      }
      entryHost = bare(entryHost);
      if (entryPort >= 0 && entryPort != port) {
        continue;
      }
      if (name.equals(entryHost) || name.endsWith("." + entryHost)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The proxy host.
   *
   * @return the host of {@link #uri()}
   */
  public String host() {
    return uri.getHost();
  }

  /**
   * The proxy port.
   *
   * @return the port of {@link #uri()}, 80 when it names none
   */
  public int port() {
    return uri.getPort() < 0 ? 80 : uri.getPort();
  }

  private static URI checkUri(URI uri, String what) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http")) {
      throw new IllegalArgumentException(
          what + " must be an http:// proxy URL (got scheme '" + scheme + "')");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException(what + " must name a host: http://host:port");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          what + " must not carry credentials: set the proxy user and password instead");
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(what + " must be http://host:port, without a path");
    }
    return URI.create("http://" + uri.getRawAuthority());
  }

  private static @Nullable String firstSet(Map<String, String> env, String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return name;
      }
    }
    return null;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static List<String> normalise(List<String> entries) {
    List<String> clean = new ArrayList<>();
    for (String entry : entries) {
      String value = entry.strip().toLowerCase(Locale.ROOT);
      if (value.startsWith("*.")) {
        value = value.substring(2);
      } else if (value.startsWith(".")) {
        value = value.substring(1);
      }
      if (value.isEmpty()) {
        continue;
      }
      checkPort(value);
      clean.add(value);
    }
    return clean;
  }

  private static void checkPort(String entry) {
    int colon = portSeparator(entry);
    if (colon > 0 && !entry.substring(colon + 1).matches("\\d{1,5}")) {
      throw new IllegalArgumentException(
          "NO_PROXY entry '" + entry + "' has a port that is not a number");
    }
  }

  /** The colon before a port ({@code host:443}, {@code [::1]:443}), or -1 ({@code ::1}). */
  private static int portSeparator(String entry) {
    int colon = entry.lastIndexOf(':');
    boolean bracketed = entry.startsWith("[");
    boolean hasPort =
        colon > 0 && (bracketed ? entry.indexOf(']') < colon : entry.indexOf(':') == colon);
    return hasPort ? colon : -1;
  }

  /** Lower case, without IPv6 brackets or a trailing dot. */
  private static String bare(String host) {
    String name = host.strip().toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}
