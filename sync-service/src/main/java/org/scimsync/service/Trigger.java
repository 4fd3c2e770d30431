package org.scimsync.service;

import java.util.Locale;

/** What asked for a run. Its {@link #label()} is what the run history and metrics show. */
public enum Trigger {
  /** The Quartz schedule ({@code schedule.cron}). */
  SCHEDULE,
  /** A signed call to {@code POST /hooks/directory-changed}. */
  WEBHOOK,
  /** The service started and a scheduled slot was missed while it was down. */
  STARTUP,
  /** A person pressed "Run now" or "Run full" on the status page. */
  UI,
  /** The watched directory changed ({@code schedule.watch}). */
  WATCH;

  /** The lower-case name stored as the run's trigger: {@code schedule}, {@code webhook}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
