package org.scimsync.service.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.service.RunRequest;
import org.scimsync.service.RunResult;
import org.scimsync.service.ServiceTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run queues of a service's targets — a {@link RunCoordinator} each on this instance, or a
 * {@link ClusteredRuns} each in the cluster, behind {@link TargetQueues} when there are several —
 * and which targets are owed a run at start.
 */
public final class ServiceQueues {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceQueues.class);

  private ServiceQueues() {}

  /** Told when one target's run has ended. */
  @FunctionalInterface
  public interface TargetRunEnded {
    /**
     * @param result how it ended; null when the launcher threw
     */
    void runEnded(ServiceTarget target, RunRequest request, @Nullable RunResult result);
  }

  /** One run queue per target on this instance (just the one for a single target). */
  public static RunQueue local(
      List<ServiceTarget> targets,
      TargetRunEnded ended,
      Clock clock,
      @Nullable Duration fullEvery) {
    Map<String, RunCoordinator> queues = new LinkedHashMap<>();
    for (ServiceTarget target : targets) {
      queues.put(
          target.name(),
          new RunCoordinator(
              target.launcher(),
              (request, result) -> ended.runEnded(target, request, result),
              clock,
              fullEvery,
              lastFullRun(target)));
    }
    return queues.size() == 1 ? queues.values().iterator().next() : new TargetQueues(queues);
  }

  /**
   * One clustered run queue per target: each target is a cluster of its own in the shared tables
   * (see {@link ClusteredRuns}), so its runs never wait for another target's, on any instance.
   * Start each; {@link #of} puts them behind one queue.
   */
  public static List<ClusteredRuns> clustered(
      List<ServiceTarget> targets,
      org.scimsync.service.ClusterSettings cluster,
      @Nullable String cron,
      TargetRunEnded ended,
      Clock clock,
      @Nullable Duration fullEvery) {
    List<ClusteredRuns> queues = new ArrayList<>();
    for (ServiceTarget target : targets) {
      queues.add(
          new ClusteredRuns(
              target.name(),
              cluster,
              cron,
              target.launcher(),
              (request, result) -> ended.runEnded(target, request, result),
              clock,
              fullEvery,
              () -> lastFullRun(target)));
    }
    return List.copyOf(queues);
  }

  /** The clustered queues of {@code targets} (in the same order) behind one queue. */
  public static RunQueue of(List<ServiceTarget> targets, List<ClusteredRuns> queues) {
    if (queues.size() == 1) {
      return queues.get(0);
    }
    Map<String, ClusteredRuns> byName = new LinkedHashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      byName.put(targets.get(i).name(), queues.get(i));
    }
    return new TargetQueues(byName);
  }

  /**
   * The targets owed a run at start: those that never ran, and, with a schedule, those whose last
   * run started before a slot that passed.
   */
  public static List<String> owedAtStart(
      List<ServiceTarget> targets, @Nullable String cron, Clock clock) {
    List<String> owed = new ArrayList<>();
    for (ServiceTarget target : targets) {
      List<RunRecord> last = target.store().recentRuns(1);
      if (last.isEmpty()) {
        LOG.info("no run in the history of target={}; running once at start", target.name());
        owed.add(target.name());
        continue;
      }
      Instant lastStart = last.get(0).start().startedAt();
      if (cron != null
          && CronSchedule.slotMissedSince(CronSchedule.parse(cron), lastStart, clock.instant())) {
        LOG.info(
            "a scheduled run of target={} was missed since lastRun={}; running once at start",
            target.name(),
            lastStart);
        owed.add(target.name());
      }
    }
    return List.copyOf(owed);
  }

  /** When the target's last full run (not a dry run, ended) started; null if never. */
  static @Nullable Instant lastFullRun(ServiceTarget target) {
    return target.store().recentRuns(200).stream()
        .filter(run -> run.start().full() && !run.start().dryRun())
        .filter(run -> run.summary() != null)
        .map(run -> run.start().startedAt())
        .findFirst()
        .orElse(null);
  }
}
