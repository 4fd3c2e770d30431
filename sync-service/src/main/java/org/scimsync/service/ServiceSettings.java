package org.scimsync.service;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code schedule:} and {@code webhook:} settings of service mode, plus its timings.
 *
 * @param listen where the HTTP endpoints listen ({@code webhook.listen}, default 127.0.0.1:8088)
 * @param cron the Quartz cron expression ({@code schedule.cron}); null for no schedule
 * @param fullEvery a run is full when this long has passed since the last full run ({@code
 *     schedule.fullEvery}); null leaves the decision to the engine
 * @param debounce how long webhook triggers are collected into one run
 * @param shutdownGrace how long {@code close()} waits for the run in progress to stop
 * @param catchUpOnStart run once at start when a scheduled slot was missed while the service was
 *     down (or nothing was ever run)
 */
public record ServiceSettings(
    InetSocketAddress listen,
    @Nullable String cron,
    @Nullable Duration fullEvery,
    Duration debounce,
    Duration shutdownGrace,
    boolean catchUpOnStart) {

  /** The default listen address: loopback only. */
  public static final String DEFAULT_LISTEN = "127.0.0.1:8088";

  /** The default debounce window for webhook triggers. */
  public static final Duration DEFAULT_DEBOUNCE = Duration.ofSeconds(5);

  /** The default time {@code close()} waits for the run in progress. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);

  public ServiceSettings {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(debounce, "debounce");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    if (debounce.isNegative() || shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("debounce and shutdownGrace must not be negative");
    }
    if (fullEvery != null && (fullEvery.isZero() || fullEvery.isNegative())) {
      throw new ServiceException(
          ServiceException.Kind.INVALID_CONFIGURATION, "schedule.fullEvery must be positive", null);
    }
  }

  /** The settings of the {@code schedule} and {@code webhook} sections. */
  public static ServiceSettings of(ScheduleConfig schedule, WebhookConfig webhook) {
    return new ServiceSettings(
        webhook.listen().toSocketAddress(),
        schedule.cron(),
        schedule.fullEvery(),
        webhook.debounce(),
        schedule.shutdownGrace(),
        schedule.catchUpOnStart());
  }

  /** Settings with the defaults and this schedule. */
  public static ServiceSettings of(@Nullable String cron, @Nullable Duration fullEvery) {
    return new ServiceSettings(
        parseListen(DEFAULT_LISTEN),
        cron,
        fullEvery,
        DEFAULT_DEBOUNCE,
        DEFAULT_SHUTDOWN_GRACE,
        true);
  }

  /** A copy listening elsewhere. */
  public ServiceSettings withListen(InetSocketAddress address) {
    return new ServiceSettings(address, cron, fullEvery, debounce, shutdownGrace, catchUpOnStart);
  }

  /** A copy with another debounce window. */
  public ServiceSettings withDebounce(Duration window) {
    return new ServiceSettings(listen, cron, fullEvery, window, shutdownGrace, catchUpOnStart);
  }

  /** A copy with or without the catch-up run at start. */
  public ServiceSettings withCatchUpOnStart(boolean enabled) {
    return new ServiceSettings(listen, cron, fullEvery, debounce, shutdownGrace, enabled);
  }

  /**
   * Parses {@code webhook.listen}: {@code host:port}, {@code [ipv6]:port} or {@code :port} (every
   * interface). Port 0 picks a free port.
   *
   * @throws ServiceException naming {@code webhook.listen} when it is malformed
   */
  public static InetSocketAddress parseListen(String value) {
    String text = value.trim();
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw invalidListen(value, "expected host:port");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw invalidListen(value, "the port is not a number");
    }
    if (port < 0 || port > 65_535) {
      throw invalidListen(value, "the port must be between 0 and 65535");
    }
    InetSocketAddress address =
        host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw invalidListen(value, "unknown host '" + host + "'");
    }
    return address;
  }

  private static ServiceException invalidListen(String value, String reason) {
    return new ServiceException(
        ServiceException.Kind.INVALID_CONFIGURATION,
        "webhook.listen: '" + value + "': " + reason,
        null);
  }
}
