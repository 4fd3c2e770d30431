package org.scimsync.sources.ldap.changes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces change notices into bursts: a burst is reported when no notice came for {@code quiet},
 * or {@code maxDelay} after its first notice, whichever is first; one report per burst, so a storm
 * of changes (a bulk import) gives a report every {@code maxDelay} at most. Thread-safe.
 */
final class ChangeBatcher {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeBatcher.class);

  private final Duration quiet;
  private final Duration maxDelay;
  private final Consumer<DirectoryChanged> listener;
  private final ScheduledExecutorService timer;
  private final List<String> entries = new ArrayList<>();
  private int changes;
  private boolean resync;
  private long firstNanos;
  private @Nullable ScheduledFuture<?> due;

  ChangeBatcher(
      Duration quiet,
      Duration maxDelay,
      Consumer<DirectoryChanged> listener,
      ScheduledExecutorService timer) {
    this.quiet = quiet;
    this.maxDelay = maxDelay;
    this.listener = listener;
    this.timer = timer;
  }

  /** A change notice naming an entry (null: a deletion known by entryUUID only). */
  synchronized void changed(@Nullable String dn) {
    if (dn != null && entries.size() < DirectoryChanged.MAX_ENTRIES) {
      entries.add(dn);
    }
    notice();
  }

  /** The watch cannot tell what changed: whatever did, a full read finds it. */
  synchronized void resync() {
    resync = true;
    notice();
  }

  private void notice() {
    long now = System.nanoTime();
    if (changes == 0) {
      firstNanos = now;
    }
    changes++;
    if (due != null) {
      due.cancel(false);
    }
    long latest = firstNanos + maxDelay.toNanos();
    long at = Math.min(now + quiet.toNanos(), latest);
    due = timer.schedule(this::report, Math.max(0, at - now), TimeUnit.NANOSECONDS);
  }

  private void report() {
    DirectoryChanged burst;
    synchronized (this) {
      if (changes == 0) {
        return;
      }
      burst = new DirectoryChanged(changes, entries, resync);
      entries.clear();
      changes = 0;
      resync = false;
      due = null;
    }
    try {
      listener.accept(burst);
    } catch (RuntimeException e) {
      LOG.error("the listener of a directory watch failed on changes={}", burst.changes(), e);
    }
  }
}
