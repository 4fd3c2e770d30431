package org.scimsync.service;

import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Service mode on a shared PostgreSQL database: the schedule and the webhook's runs in Quartz's
 * clustered JDBC job store, so that each scheduled run fires on one instance, a webhook accepted by
 * any instance runs once, and the runs of an instance that died are taken over by another.
 *
 * @param dataSource sessions to the database of the state store (its schema holds Quartz's tables
 *     and the webhook's shared memory, created by the state store's migrations)
 * @param instanceId this instance's name in the cluster, unique among the live instances (the host
 *     name and the process id, for example)
 * @param checkinInterval how often each instance tells the others it is alive; an instance silent
 *     for about two intervals is taken for dead, and another instance recovers its run at its next
 *     check-in (within about three intervals of the death)
 */
public record ClusterSettings(DataSource dataSource, String instanceId, Duration checkinInterval) {

  /** The default check-in interval: a dead instance's run is taken over within about 30 s. */
  public static final Duration DEFAULT_CHECKIN_INTERVAL = Duration.ofSeconds(10);

  public ClusterSettings {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(checkinInterval, "checkinInterval");
    if (instanceId.isBlank() || instanceId.length() > 200) {
      throw new IllegalArgumentException("instanceId must have 1 to 200 characters");
    }
    if (checkinInterval.toMillis() < 100) {
      throw new IllegalArgumentException("checkinInterval must be at least 100 ms");
    }
  }

  /** An instance id for this process: {@code <host>-<pid>}. */
  public static String thisInstance() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
