package org.scimsync.service.internal;

import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.SchedulerStateRecord;

/**
 * Quartz's JDBC job store with a bounded failure detection: an instance that has not checked in for
 * about two check-in intervals is taken for dead. Stock Quartz adds a fixed 7.5 s on top, which
 * would make a take-over with a short interval (1 s in tests, so within 3 s of a death) impossible.
 * A live instance taken for dead (a pause longer than two intervals) cannot run a second run at the
 * same time: the state store's run lock refuses it. Quartz instantiates this class by name.
 */
public final class ClusterJobStore extends JobStoreTX {

  /** Instantiated by Quartz. */
  public ClusterJobStore() {}

  @Override
  protected long calcFailedIfAfter(SchedulerStateRecord record) {
    long sinceOwnCheckin = System.currentTimeMillis() - lastCheckin;
    return record.getCheckinTimestamp()
        + Math.max(record.getCheckinInterval(), sinceOwnCheckin)
        + record.getCheckinInterval() / 2;
  }
}
