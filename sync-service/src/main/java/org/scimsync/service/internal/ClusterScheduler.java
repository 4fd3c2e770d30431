package org.scimsync.service.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.scimsync.engine.state.TargetNames;
import org.scimsync.service.ClusterSettings;
import org.scimsync.service.ServiceException;

/**
 * Builds the Quartz scheduler of a cluster: the JDBC job store on the shared PostgreSQL database
 * (tables {@code qrtz_*}, created by the state store's migrations), clustered, one worker thread
 * per instance, job data stored as strings only (never serialised Java objects).
 */
final class ClusterScheduler {

  /** The scheduler name every instance shares: it is what makes them one cluster. */
  static final String NAME = "scim-sync";

  private static final AtomicInteger DATA_SOURCES = new AtomicInteger();

  private ClusterScheduler() {}

  /**
   * The scheduler name of a target's runs: {@value #NAME} for the target {@code default} (the name
   * of every cluster before targets had names), {@code scim-sync.NAME} for the others. Quartz keeps
   * each name's jobs, triggers and members apart in the same tables: each target is a cluster of
   * its own, its runs never waiting for another target's.
   */
  static String nameOf(String target) {
    return TargetNames.DEFAULT.equals(target) ? NAME : NAME + "." + target;
  }

  static Scheduler create(ClusterSettings cluster, String name) {
    String dataSource = "scim-sync-" + DATA_SOURCES.incrementAndGet();
    DBConnectionManager.getInstance()
        .addConnectionProvider(dataSource, new DataSourceProvider(cluster));
    Properties properties = new Properties();
    properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
    properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, cluster.instanceId());
    properties.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
    properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    properties.setProperty(
        StdSchedulerFactory.PROP_THREAD_POOL_CLASS, "org.quartz.simpl.SimpleThreadPool");
    properties.setProperty("org.quartz.threadPool.threadCount", "1");
    properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "false");
    properties.setProperty(
        StdSchedulerFactory.PROP_JOB_STORE_CLASS, ClusterJobStore.class.getName());
    properties.setProperty(
        "org.quartz.jobStore.driverDelegateClass", PostgreSQLDelegate.class.getName());
    properties.setProperty("org.quartz.jobStore.dataSource", dataSource);
    properties.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
    properties.setProperty("org.quartz.jobStore.isClustered", "true");
    properties.setProperty(
        "org.quartz.jobStore.clusterCheckinInterval",
        Long.toString(cluster.checkinInterval().toMillis()));
    properties.setProperty("org.quartz.jobStore.useProperties", "true");
    properties.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
    properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    try {
      Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
      // Quartz keeps schedulers in a JVM-wide repository by name, and every instance of a cluster
      // has the same name: forget it there, so that tests may run two instances in one JVM.
      SchedulerRepository.getInstance().remove(name);
      return scheduler;
    } catch (SchedulerException e) {
      throw new ServiceException(
          ServiceException.Kind.UNAVAILABLE,
          "cannot create the clustered scheduler: " + e.getMessage(),
          e);
    }
  }

  /**
   * The cron trigger is the cluster's, stored once: left alone when it already has this expression
   * (so that a starting instance does not move the next slot), replaced when the configuration
   * changed, removed when there is no schedule any more.
   */
  static void storeSchedule(
      Scheduler scheduler, @Nullable String cron, JobKey job, TriggerKey key, RunOrder order)
      throws SchedulerException {
    org.quartz.Trigger existing = scheduler.getTrigger(key);
    if (cron == null) {
      if (existing != null) {
        scheduler.unscheduleJob(key);
      }
      return;
    }
    if (existing instanceof CronTrigger stored && cron.equals(stored.getCronExpression())) {
      return;
    }
    CronTrigger wanted =
        TriggerBuilder.newTrigger()
            .withIdentity(key)
            .forJob(job)
            .usingJobData(order.toJobData())
            .withSchedule(
                CronScheduleBuilder.cronSchedule(cron)
                    .withMisfireHandlingInstructionFireAndProceed())
            .build();
    if (existing != null) {
      scheduler.rescheduleJob(key, wanted);
      return;
    }
    try {
      scheduler.scheduleJob(wanted);
    } catch (ObjectAlreadyExistsException e) {
      // another instance stored it at the same moment
    }
  }

  /**
   * When this instance last checked in to the cluster, in epoch milliseconds; -1 when it is not
   * registered.
   */
  static long lastCheckin(ClusterSettings cluster, String name) throws SQLException {
    try (Connection connection = cluster.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT last_checkin_time FROM qrtz_scheduler_state"
                    + " WHERE sched_name = ? AND instance_name = ?")) {
      select.setString(1, name);
      select.setString(2, cluster.instanceId());
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getLong(1) : -1;
      }
    }
  }

  /** The instances registered in the cluster. */
  static int members(ClusterSettings cluster, String name) throws SQLException {
    try (Connection connection = cluster.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = ?")) {
      select.setString(1, name);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  /** Quartz's connections: a new session of the data source for each of its transactions. */
  private record DataSourceProvider(ClusterSettings cluster) implements ConnectionProvider {

    @Override
    public Connection getConnection() throws SQLException {
      return cluster.dataSource().getConnection();
    }

    @Override
    public void shutdown() {}

    @Override
    public void initialize() {}
  }
}
