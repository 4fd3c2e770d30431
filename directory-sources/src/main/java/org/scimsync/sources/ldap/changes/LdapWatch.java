package org.scimsync.sources.ldap.changes;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.scimsync.sources.ldap.LdapConnector;
import org.scimsync.sources.ldap.LdapFlavor;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows an LDAP directory's changes and tells a listener "the directory changed", once per burst
 * ({@link WatchSettings#quiet()}, {@link WatchSettings#maxDelay()}). OpenLDAP with {@code
 * syncprov}: a persistent RFC 4533 search (refreshAndPersist), changes as they happen. Active
 * Directory, and OpenLDAP without {@code syncprov}: polls {@code uSNChanged} or {@code entryCSN}
 * every {@link WatchSettings#pollInterval()}. A dropped connection is reconnected with exponential
 * backoff (Failsafe: {@link WatchSettings#firstRetry()} doubling up to {@link
 * WatchSettings#maxRetry()}; at once after a session that lasted longer than that) until the server
 * answers; what changed meanwhile is reported then (a resync when the watch cannot tell). The
 * listener runs on the watch's timer thread and should only hand the news on.
 */
public final class LdapWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LdapWatch.class);

  private final LdapSourceConfig config;
  private final WatchSettings settings;
  private final LdapConnector connector;
  private final ChangeBatcher batcher;
  private final ScheduledExecutorService timer;
  private final Thread thread;
  private volatile boolean closed;
  private volatile boolean connected;
  private volatile long sessions;
  private volatile WatchSession session;

  private LdapWatch(
      LdapSourceConfig config, WatchSettings settings, Consumer<DirectoryChanged> listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.connector = new LdapConnector(config);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread t = new Thread(runnable, "ldap-watch-timer");
              t.setDaemon(true);
              return t;
            });
    this.batcher =
        new ChangeBatcher(
            settings.quiet(), settings.maxDelay(), Objects.requireNonNull(listener), timer);
    this.session = new ChangePoll(config, connector, batcher, settings.pollInterval());
    this.thread = new Thread(this::watch, "ldap-watch");
    this.thread.setDaemon(true);
  }

  /**
   * Starts watching in a thread of its own; returns at once (the first connection may still be
   * under way, or failing and retried).
   */
  public static LdapWatch start(
      LdapSourceConfig config, WatchSettings settings, Consumer<DirectoryChanged> listener) {
    LdapWatch watch = new LdapWatch(config, settings, listener);
    watch.thread.start();
    return watch;
  }

  /** Whether the watch is connected and watching now. */
  public boolean connected() {
    return connected;
  }

  /** How many times the watch started watching (1 + reconnections). */
  public long sessions() {
    return sessions;
  }

  private void watch() {
    RetryPolicy<Object> retry =
        RetryPolicy.builder()
            .handle(Exception.class)
            .withBackoff(settings.firstRetry(), settings.maxRetry())
            .withJitter(0.1)
            .withMaxRetries(-1)
            .abortIf((result, failure) -> closed)
            .onRetry(
                event ->
                    LOG.warn(
                        "source={} watch reconnecting (attempt {}) after: {}",
                        connector.server(),
                        event.getAttemptCount(),
                        event.getLastException() == null
                            ? "?"
                            : event.getLastException().getMessage()))
            .build();
    while (!closed) {
      try {
        Failsafe.with(retry).run(this::session);
      } catch (FailsafeException e) {
        if (!closed) {
          LOG.error("source={} watch stopped: {}", connector.server(), e.getMessage(), e);
          return;
        }
      } catch (RuntimeException e) {
        if (!closed) {
          LOG.warn("source={} watch failed: {}", connector.server(), e.getMessage());
        }
      }
    }
  }

  /** One session: chooses how to watch, connects, watches until the connection drops. */
  private void session() throws Exception {
    if (closed) {
      return;
    }
    WatchSession next =
        config.flavor() != LdapFlavor.ACTIVE_DIRECTORY
                && ContentSyncStream.offeredBy(connector, config)
            ? (session instanceof ContentSyncStream stream
                ? stream
                : new ContentSyncStream(config, connector, batcher))
            : (session instanceof ChangePoll poll
                ? poll
                : new ChangePoll(config, connector, batcher, settings.pollInterval()));
    session = next;
    if (closed) {
      return;
    }
    long[] startedAt = {0};
    try {
      next.run(
          () -> {
            connected = true;
            sessions++;
            startedAt[0] = System.nanoTime();
          });
    } finally {
      connected = false;
    }
    if (!closed
        && startedAt[0] != 0
        && System.nanoTime() - startedAt[0] < settings.maxRetry().toNanos()) {
      // a session that ended soon after it began: reconnect with growing waits, never in a loop
      throw new SessionEnded();
    }
    // a session that lasted: the next connection is tried at once, with fresh waits after it
  }

  /** A session ended soon after it began. */
  private static final class SessionEnded extends Exception {
    private static final long serialVersionUID = 1L;

    SessionEnded() {
      super("the change stream ended", null, false, false);
    }
  }

  /** Stops watching: closes the connection and waits for the watch thread. */
  @Override
  public void close() {
    closed = true;
    session.stop();
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    timer.shutdownNow();
  }
}
