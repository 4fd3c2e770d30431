package org.scimsync.cli.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.scimsync.client.TargetCapabilities;
import org.scimsync.client.TargetProfile;
import org.scimsync.common.ConfigChecks;
import org.scimsync.common.ConfigValueException;
import org.scimsync.common.Secret;
import org.scimsync.engine.plan.SyncPolicy;

/**
 * The SCIM service provider to keep in step: {@code target}.
 *
 * @param profile aws-identity-center (default) or generic
 * @param url the SCIM base URL; https, or http only to a loopback address (the emulator)
 * @param token the bearer token (a secret); required unless {@code auth} names another scheme
 * @param rateLimit reads and writes per second; null fields take the profile's defaults
 * @param timeoutSeconds connect and response timeout (default 30)
 * @param trustStore a PKCS#12 trust store for the target's certificate; null for the JVM default
 * @param trustStorePassword the trust store's password (a secret), if it has one
 * @param maxAttempts attempts per request when the target throttles, fails or cannot be reached
 *     (default 6, with exponential backoff)
 * @param proxy the outbound HTTP proxy ({@code http://host:port}); null: {@code HTTPS_PROXY} /
 *     {@code HTTP_PROXY} / {@code NO_PROXY} from the environment, if set
 * @param proxyUser the proxy user, if the proxy asks for credentials
 * @param proxyPassword the proxy password (a secret), with {@code proxyUser}
 * @param auth the authentication scheme, when not the bearer {@code token}
 * @param maxConcurrency the cap on requests in flight (default 64); below it the engine keeps
 *     enough in flight to reach the write rate at the observed round trip (rate × latency)
 * @param capabilities what the target does, overriding what the generic profile discovers and
 *     learns (for a server that describes itself wrongly): names and values as in {@code
 *     docs/targets.md}; empty for none
 * @param maxConsecutiveRefusals a run stops once the target refused this many writes in a row the
 *     same way (411, a 400 of one shape, …) with nothing applied in between (default 20)
 */
public record TargetConfig(
    TargetProfile profile,
    URI url,
    @Nullable Secret token,
    RateLimit rateLimit,
    Integer timeoutSeconds,
    @Nullable Path trustStore,
    @Nullable Secret trustStorePassword,
    Integer maxAttempts,
    @Nullable URI proxy,
    @Nullable String proxyUser,
    @Nullable Secret proxyPassword,
    @Nullable TargetAuthConfig auth,
    Integer maxConcurrency,
    Map<String, String> capabilities,
    Integer maxConsecutiveRefusals) {

  /** Default timeout for connecting and for each response. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 30;

  /** Default of {@link #maxAttempts()}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 6;

  /** Default of {@link #maxConcurrency()}. */
  public static final int DEFAULT_MAX_CONCURRENCY = 64;

  /** Largest {@link #maxConcurrency()}: one worker thread and one connection each. */
  public static final int MAX_MAX_CONCURRENCY = 512;

  public TargetConfig {
    profile = profile == null ? TargetProfile.AWS_IDENTITY_CENTER : profile;
    if (url == null) {
      throw new ConfigValueException("url", "is required: the SCIM base URL");
    }
    checkUrl(url);
    boolean bearer = auth == null || auth.type() == TargetAuthConfig.Type.BEARER;
    if (bearer && (token == null || token.reveal().isBlank())) {
      throw new ConfigValueException(
          "token", "is required: the bearer token, e.g. ${SCIM_TOKEN} or ${file:/path}");
    }
    if (!bearer && token != null) {
      throw new ConfigValueException(
          "token", "is not used with auth type " + auth.type().configName() + " (remove it)");
    }
    if (proxy != null) {
      String proxyScheme = proxy.getScheme() == null ? "" : proxy.getScheme();
      if (!proxyScheme.equalsIgnoreCase("http") || proxy.getHost() == null) {
        throw new ConfigValueException(
            "proxy",
            "must be http://host:port (the proxy itself is reached over http), got '"
                + proxy
                + "'");
      }
      if (proxy.getUserInfo() != null) {
        throw new ConfigValueException(
            "proxy", "must not hold credentials: set proxyUser and proxyPassword");
      }
    }
    ConfigChecks.requireNonBlankIfSet("proxyUser", proxyUser);
    if (proxyUser != null && proxy == null) {
      throw new ConfigValueException("proxyUser", "is set but proxy is not");
    }
    if (proxyPassword != null && proxyUser == null) {
      throw new ConfigValueException("proxyPassword", "is set but proxyUser is not");
    }
    ConfigChecks.requireTrustStoreWithPassword(trustStore, trustStorePassword);
    rateLimit = rateLimit == null ? new RateLimit(null, null) : rateLimit;
    timeoutSeconds =
        ConfigChecks.positiveOrDefault("timeoutSeconds", timeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
    maxAttempts = ConfigChecks.positiveOrDefault("maxAttempts", maxAttempts, DEFAULT_MAX_ATTEMPTS);
    maxConcurrency =
        ConfigChecks.positiveOrDefault("maxConcurrency", maxConcurrency, DEFAULT_MAX_CONCURRENCY);
    if (maxConcurrency > MAX_MAX_CONCURRENCY) {
      throw new ConfigValueException(
          "maxConcurrency", "must be at most " + MAX_MAX_CONCURRENCY + ", got " + maxConcurrency);
    }
    capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
    if (!capabilities.isEmpty() && profile != TargetProfile.GENERIC) {
      throw new ConfigValueException(
          "capabilities",
          "is only used with profile generic (the AWS profile is known, not learned)");
    }
    for (Map.Entry<String, String> capability : capabilities.entrySet()) {
      try {
        TargetCapabilities.parse(Map.of(capability.getKey(), capability.getValue()));
      } catch (IllegalArgumentException e) {
        throw new ConfigValueException("capabilities." + capability.getKey(), e.getMessage());
      }
    }
    maxConsecutiveRefusals =
        ConfigChecks.positiveOrDefault(
            "maxConsecutiveRefusals",
            maxConsecutiveRefusals,
            SyncPolicy.DEFAULT_MAX_CONSECUTIVE_REFUSALS);
  }

  private static void checkUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new ConfigValueException("url", "must be an https:// URL, got '" + url + "'");
    }
    if (scheme.equals("http") && !isLoopback(url.getHost())) {
      throw new ConfigValueException(
          "url",
          "must use https (http is only accepted for a loopback address such as 127.0.0.1), got '"
              + url
              + "'");
    }
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name: never resolved here
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Request rates towards the target: {@code target.rateLimit}.
   *
   * @param readsPerSecond GET requests per second; null for the profile's default (AWS: 40)
   * @param writesPerSecond POST/PUT/PATCH/DELETE per second; null for the default (AWS: 25)
   */
  public record RateLimit(@Nullable Double readsPerSecond, @Nullable Double writesPerSecond) {
    public RateLimit {
      ConfigChecks.positiveIfSet("readsPerSecond", readsPerSecond);
      ConfigChecks.positiveIfSet("writesPerSecond", writesPerSecond);
    }
  }
}
