package org.scimsync.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.Secret;

/**
 * Everything the client needs, validated once. Build it with {@link #builder(URI, Secret,
 * TargetProfile)} (a bearer token) or {@link #builder(URI, TargetAuth, TargetProfile)}. Plain
 * {@code http} is accepted only for loopback hosts ({@code localhost}, {@code 127.0.0.0/8}, {@code
 * ::1}) unless {@code allowPlainHttp} is set, for the base URL and an OAuth 2.0 token URL alike;
 * TLS certificate and host name verification are always on, against {@code trustStore} when given,
 * else the JVM default trust store. {@link #toString()} shows secrets as {@code ****}.
 *
 * @param baseUrl the SCIM base URL, such as {@code
 *     https://scim.eu-west-1.amazonaws.com/<tenant>/scim/v2/}
 * @param auth how the client authenticates to the target
 * @param profile the target profile
 * @param rateLimits client-side rates per API operation
 * @param connectTimeout TCP/TLS connect timeout per attempt
 * @param readTimeout socket read timeout per attempt
 * @param trustStore a trust store (PKCS12 or JKS) replacing the JVM default, if any
 * @param trustStorePassword the trust store password, if it has one
 * @param allowPlainHttp allow {@code http} to non-loopback hosts (never needed in production)
 * @param proxy the outbound HTTP proxy, if any (see {@link Builder#proxyFromEnvironment})
 * @param retry retry settings for transient failures
 * @param consistency retries of a 404 on a just-created resource and of a 409 on PATCH/DELETE
 * @param listener observer of every HTTP attempt, if any
 * @param maxConcurrency the most requests in flight at once: the size of the connection pool
 *     (callers beyond it wait for a connection); the engine sizes its workers below it
 * @param capabilities what the configuration says of the target's capabilities ({@code
 *     target.capabilities}), overriding what the generic profile discovers and learns
 */
public record ScimClientConfig(
    URI baseUrl,
    TargetAuth auth,
    TargetProfile profile,
    RateLimits rateLimits,
    Duration connectTimeout,
    Duration readTimeout,
    @Nullable Path trustStore,
    @Nullable Secret trustStorePassword,
    boolean allowPlainHttp,
    @Nullable ProxySettings proxy,
    RetrySettings retry,
    ConsistencySettings consistency,
    @Nullable RequestListener listener,
    int maxConcurrency,
    TargetCapabilities capabilities) {

  /** The default cap on requests in flight ({@code target.maxConcurrency}). */
  public static final int DEFAULT_MAX_CONCURRENCY = 64;

  private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** Validates the configuration and normalises the base URL to end with {@code /}. */
  public ScimClientConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(consistency, "consistency");
    Objects.requireNonNull(capabilities, "capabilities");
    baseUrl = checkUrl(baseUrl, allowPlainHttp, "target.baseUrl");
    if (auth instanceof TargetAuth.OAuth2ClientCredentials oauth) {
      checkUrl(oauth.tokenUrl(), allowPlainHttp, "target.auth.tokenUrl");
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("target.connectTimeout must be positive");
    }
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("target.readTimeout must be positive");
    }
    if (trustStorePassword != null && trustStore == null) {
      throw new IllegalArgumentException("target.trustStorePassword is set but no trustStore");
    }
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("target.maxConcurrency must be at least 1");
    }
  }

  /** A configuration with the default cap on requests in flight and no configured capabilities. */
  public ScimClientConfig(
      URI baseUrl,
      TargetAuth auth,
      TargetProfile profile,
      RateLimits rateLimits,
      Duration connectTimeout,
      Duration readTimeout,
      @Nullable Path trustStore,
      @Nullable Secret trustStorePassword,
      boolean allowPlainHttp,
      @Nullable ProxySettings proxy,
      RetrySettings retry,
      ConsistencySettings consistency,
      @Nullable RequestListener listener) {
    this(
        baseUrl,
        auth,
        profile,
        rateLimits,
        connectTimeout,
        readTimeout,
        trustStore,
        trustStorePassword,
        allowPlainHttp,
        proxy,
        retry,
        consistency,
        listener,
        DEFAULT_MAX_CONCURRENCY,
        TargetCapabilities.NONE);
  }

  private static URI checkUrl(URI url, boolean allowPlainHttp, String key) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException(key + " must be an absolute URL with a host");
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null || url.getUserInfo() != null) {
      throw new IllegalArgumentException(key + " must not carry a query, fragment or user info");
    }
    if (scheme.equals("http")) {
      if (!allowPlainHttp && !isLoopback(host)) {
        throw new IllegalArgumentException(
            key
                + " uses plain http to the non-loopback host "
                + host
                + "; use https (plain http is only allowed to loopback addresses)");
      }
    } else if (!scheme.equals("https")) {
      throw new IllegalArgumentException(key + " must use https (got '" + scheme + "')");
    }
    String text = url.toString();
    return text.endsWith("/") ? url : URI.create(text + "/");
  }

  /**
   * Whether a host name or address literal is a loopback address. Names other than {@code
   * localhost} are not resolved (no DNS lookup) and count as non-loopback.
   *
   * @param host a host name or IP literal (IPv6 with or without brackets)
   * @return true for {@code localhost}, {@code 127.0.0.0/8} and {@code ::1}
   */
  static boolean isLoopback(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!IPV4_LITERAL.matcher(bare).matches() && !bare.contains(":")) {
      return false;
    }
    try {
      // A literal: getByName parses it without a DNS lookup.
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Starts a configuration with defaults: the profile's rate limits, connect timeout 10 s, read
   * timeout 30 s, the JVM trust store, https only (loopback http allowed), no proxy, {@link
   * RetrySettings#DEFAULT}, {@link ConsistencySettings#DEFAULT}, no listener.
   *
   * @param baseUrl the SCIM base URL
   * @param token the bearer token
   * @param profile the target profile
   * @return a builder
   */
  public static Builder builder(URI baseUrl, Secret token, TargetProfile profile) {
    return new Builder(baseUrl, new TargetAuth.Bearer(token), profile);
  }

  /**
   * Starts a configuration with any authentication, and the defaults of {@link #builder(URI,
   * Secret, TargetProfile)}.
   *
   * @param baseUrl the SCIM base URL
   * @param auth bearer token, basic credentials or OAuth 2.0 client credentials
   * @param profile the target profile
   * @return a builder
   */
  public static Builder builder(URI baseUrl, TargetAuth auth, TargetProfile profile) {
    return new Builder(baseUrl, auth, profile);
  }

  /** Builds a {@link ScimClientConfig}; every setter is optional. */
  public static final class Builder {
    private final URI baseUrl;
    private final TargetAuth auth;
    private final TargetProfile profile;
    private RateLimits rateLimits;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private @Nullable Path trustStore;
    private @Nullable Secret trustStorePassword;
    private boolean allowPlainHttp;
    private @Nullable ProxySettings proxy;
    private RetrySettings retry = RetrySettings.DEFAULT;
    private ConsistencySettings consistency = ConsistencySettings.DEFAULT;
    private @Nullable RequestListener listener;
    private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
    private TargetCapabilities capabilities = TargetCapabilities.NONE;

    private Builder(URI baseUrl, TargetAuth auth, TargetProfile profile) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      this.auth = Objects.requireNonNull(auth, "auth");
      this.profile = Objects.requireNonNull(profile, "profile");
      this.rateLimits = profile.defaultRateLimits();
    }

    /**
     * Sets the per-operation rate limits.
     *
     * @param value the limits
     * @return this builder
     */
    public Builder rateLimits(RateLimits value) {
      this.rateLimits = Objects.requireNonNull(value, "rateLimits");
      return this;
    }

    /**
     * Sets the connect timeout.
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = Objects.requireNonNull(value, "connectTimeout");
      return this;
    }

    /**
     * Sets the read timeout.
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder readTimeout(Duration value) {
      this.readTimeout = Objects.requireNonNull(value, "readTimeout");
      return this;
    }

    /**
     * Uses a trust store instead of the JVM default.
     *
     * @param path the trust store file (PKCS12 or JKS)
     * @param password its password, if it has one
     * @return this builder
     */
    public Builder trustStore(Path path, @Nullable Secret password) {
      this.trustStore = Objects.requireNonNull(path, "trustStore");
      this.trustStorePassword = password;
      return this;
    }

    /**
     * Allows plain http to non-loopback hosts. Never needed in production.
     *
     * @param value whether to allow it
     * @return this builder
     */
    public Builder allowPlainHttp(boolean value) {
      this.allowPlainHttp = value;
      return this;
    }

    /**
     * Sends every request through an HTTP proxy (except to the hosts its {@code noProxy} names).
     *
     * @param value the proxy, or null for direct connections
     * @return this builder
     */
    public Builder proxy(@Nullable ProxySettings value) {
      this.proxy = value;
      return this;
    }

    /**
     * Uses the proxy of the standard environment variables ({@code HTTPS_PROXY}, {@code
     * HTTP_PROXY}, {@code NO_PROXY}, see {@link ProxySettings#fromEnvironment}) for the base URL's
     * scheme, unless a proxy is set already. Call it after {@link #proxy} when a configured proxy
     * should win.
     *
     * @param env the environment, such as {@code System.getenv()}
     * @return this builder
     * @throws IllegalArgumentException naming the variable when its value is not a proxy URL
     */
    public Builder proxyFromEnvironment(Map<String, String> env) {
      String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme();
      if (proxy == null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
        this.proxy = ProxySettings.fromEnvironment(env, scheme).orElse(null);
      }
      return this;
    }

    /**
     * Sets the retry settings.
     *
     * @param value the settings
     * @return this builder
     */
    public Builder retry(RetrySettings value) {
      this.retry = Objects.requireNonNull(value, "retry");
      return this;
    }

    /**
     * Sets the retries of a 404 on a just-created resource and of a 409 on PATCH or DELETE.
     *
     * @param value the settings; {@link ConsistencySettings#NONE} for none
     * @return this builder
     */
    public Builder consistency(ConsistencySettings value) {
      this.consistency = Objects.requireNonNull(value, "consistency");
      return this;
    }

    /**
     * Sets the observer of every HTTP attempt.
     *
     * @param value the listener, or null for none
     * @return this builder
     */
    public Builder listener(@Nullable RequestListener value) {
      this.listener = value;
      return this;
    }

    /**
     * Sets the cap on requests in flight (default {@value
     * ScimClientConfig#DEFAULT_MAX_CONCURRENCY}).
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder maxConcurrency(int value) {
      this.maxConcurrency = value;
      return this;
    }

    /**
     * Sets what the configuration says of the target's capabilities, overriding discovery.
     *
     * @param value the capabilities; {@link TargetCapabilities#NONE} for none
     * @return this builder
     */
    public Builder capabilities(TargetCapabilities value) {
      this.capabilities = Objects.requireNonNull(value, "capabilities");
      return this;
    }

    /**
     * Validates and builds the configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException naming the offending setting
     */
    public ScimClientConfig build() {
      return new ScimClientConfig(
          baseUrl,
          auth,
          profile,
          rateLimits,
          connectTimeout,
          readTimeout,
          trustStore,
          trustStorePassword,
          allowPlainHttp,
          proxy,
          retry,
          consistency,
          listener,
          maxConcurrency,
          capabilities);
    }
  }
}
