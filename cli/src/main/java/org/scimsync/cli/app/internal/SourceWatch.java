package org.scimsync.cli.app.internal;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.service.DirectoryWatch;
import org.scimsync.sources.DirectorySources;
import org.scimsync.sources.SourceConfig;
import org.scimsync.sources.ldap.changes.LdapWatch;
import org.scimsync.sources.ldap.changes.WatchSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code schedule.watch}: the LDAP source's change stream as the service's directory watch. */
public final class SourceWatch implements DirectoryWatch {

  private static final Logger LOG = LoggerFactory.getLogger(SourceWatch.class);

  private final SourceConfig source;
  private final Duration pollInterval;
  private @Nullable LdapWatch watch;

  /**
   * @param pollInterval how often a directory without a change stream is asked ({@code
   *     schedule.watchPollInterval})
   */
  public SourceWatch(SourceConfig source, Duration pollInterval) {
    this.source = Objects.requireNonNull(source, "source");
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
  }

  @Override
  public synchronized void start(Runnable changed) {
    watch =
        DirectorySources.watch(
            source,
            WatchSettings.withPollInterval(pollInterval),
            burst -> {
              LOG.info(
                  "directory changed changes={} resync={} entries={}",
                  burst.changes(),
                  burst.resync(),
                  burst.entries().size() > 5 ? burst.entries().subList(0, 5) : burst.entries());
              changed.run();
            });
  }

  @Override
  public synchronized void close() {
    if (watch != null) {
      watch.close();
      watch = null;
    }
  }
}
