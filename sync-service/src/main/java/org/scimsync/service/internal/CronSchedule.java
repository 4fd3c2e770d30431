package org.scimsync.service.internal;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.scimsync.service.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz schedule of {@code schedule.cron}: an in-memory job store and one worker thread whose
 * job only hands a trigger to the coordinator. A fire time missed while the JVM was suspended or
 * busy fires once as soon as possible ("fire once now"), never once per missed slot; slots missed
 * while the process was down are caught up by {@link #slotMissedSince(Instant, Instant)} at start.
 */
public final class CronSchedule implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CronSchedule.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final CronExpression expression;
  private final Runnable onFire;
  private final Scheduler scheduler;
  private final CronTrigger trigger;

  /**
   * @param cron a Quartz cron expression (seconds first), from {@code schedule.cron}
   * @param onFire called on the Quartz thread at every fire time; must return quickly
   * @throws ServiceException when the expression is invalid (names {@code schedule.cron})
   */
  public CronSchedule(String cron, Runnable onFire) {
    this.expression = parse(cron);
    this.onFire = Objects.requireNonNull(onFire, "onFire");
    this.trigger =
        TriggerBuilder.newTrigger()
            .withIdentity("schedule.cron")
            .withSchedule(
                CronScheduleBuilder.cronSchedule(expression)
                    .withMisfireHandlingInstructionFireAndProceed())
            .build();
    Properties properties = new Properties();
    // Each instance needs its own name: Quartz keeps schedulers in a JVM-wide repository by name.
    properties.setProperty(
        StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "scim-sync-" + INSTANCES.incrementAndGet());
    properties.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
    properties.setProperty(
        StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
    properties.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
    properties.setProperty(
        StdSchedulerFactory.PROP_THREAD_POOL_CLASS, "org.quartz.simpl.SimpleThreadPool");
    properties.setProperty("org.quartz.threadPool.threadCount", "1");
    properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    try {
      this.scheduler = new StdSchedulerFactory(properties).getScheduler();
      scheduler.setJobFactory((bundle, owner) -> new FireJob(this.onFire));
    } catch (SchedulerException e) {
      throw new ServiceException(
          ServiceException.Kind.UNAVAILABLE, "cannot create the scheduler: " + e.getMessage(), e);
    }
  }

  /**
   * Validates a Quartz cron expression.
   *
   * @throws ServiceException naming {@code schedule.cron} when it is invalid
   */
  public static CronExpression parse(String cron) {
    try {
      return new CronExpression(cron);
    } catch (ParseException e) {
      throw new ServiceException(
          ServiceException.Kind.INVALID_CONFIGURATION,
          "schedule.cron: invalid Quartz cron expression '"
              + cron
              + "': "
              + e.getMessage()
              + " (Quartz expressions start with seconds, e.g. \"0 */15 * * * ?\")",
          e);
    }
  }

  /** Starts firing. */
  public void start() {
    JobDetail job = JobBuilder.newJob(FireJob.class).withIdentity("sync").build();
    try {
      scheduler.scheduleJob(job, trigger);
      scheduler.start();
    } catch (SchedulerException e) {
      throw new ServiceException(
          ServiceException.Kind.UNAVAILABLE, "cannot start the scheduler: " + e.getMessage(), e);
    }
    LOG.info(
        "schedule started cron=\"{}\" next={}",
        expression.getCronExpression(),
        trigger.getNextFireTime());
  }

  /** The misfire instruction of the cron trigger (for tests and diagnostics). */
  public int misfireInstruction() {
    return trigger.getMisfireInstruction();
  }

  /**
   * True when a fire time fell after {@code lastRun} and not after {@code now}: the service was
   * down at a scheduled slot and owes one run (one, however many slots were missed).
   */
  public boolean slotMissedSince(Instant lastRun, Instant now) {
    return slotMissedSince(expression, lastRun, now);
  }

  /** As {@link #slotMissedSince(Instant, Instant)}, for any expression. */
  public static boolean slotMissedSince(CronExpression expression, Instant lastRun, Instant now) {
    Date next = expression.getNextValidTimeAfter(Date.from(lastRun));
    return next != null && !next.toInstant().isAfter(now);
  }

  /** The first fire time after {@code now}; null when the expression never fires again. */
  public @Nullable Instant nextFireAfter(Instant now) {
    Date next = expression.getNextValidTimeAfter(Date.from(now));
    return next == null ? null : next.toInstant();
  }

  /** Stops firing; a job in progress (a hand-over taking microseconds) is not waited for. */
  @Override
  public void close() {
    try {
      scheduler.shutdown(false);
    } catch (SchedulerException e) {
      LOG.warn("scheduler did not shut down cleanly: {}", e.getMessage());
    }
  }

  /** The Quartz job: hands a trigger to the coordinator. */
  @DisallowConcurrentExecution
  public static final class FireJob implements Job {
    private final Runnable onFire;

    FireJob(Runnable onFire) {
      this.onFire = onFire;
    }

    @Override
    public void execute(JobExecutionContext context) {
      onFire.run();
    }
  }
}
