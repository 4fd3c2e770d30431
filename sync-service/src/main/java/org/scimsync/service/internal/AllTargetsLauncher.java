package org.scimsync.service.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.scimsync.service.RunLauncher;
import org.scimsync.service.RunRequest;
import org.scimsync.service.RunResult;
import org.scimsync.service.ServiceTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher of a clustered service with several targets: the instance that takes a trigger runs
 * every target's run for it at once, each on a thread of its own (sharing one read of the directory
 * through the targets' launchers), and reports each target's end on its own. A target that fails or
 * stops never stops another; the next trigger waits for the slowest, as the cluster runs one
 * trigger at a time.
 */
public final class AllTargetsLauncher implements RunLauncher {

  /** Told when one target's run has ended, on that target's thread. */
  @FunctionalInterface
  public interface TargetRunEnded {
    /**
     * @param result how it ended; null when the launcher threw
     */
    void runEnded(ServiceTarget target, RunRequest request, @Nullable RunResult result);
  }

  private static final Logger LOG = LoggerFactory.getLogger(AllTargetsLauncher.class);

  private final List<ServiceTarget> targets;
  private final TargetRunEnded listener;

  public AllTargetsLauncher(List<ServiceTarget> targets, TargetRunEnded listener) {
    this.targets = List.copyOf(targets);
    this.listener = listener;
  }

  /** Runs every target; returns the result that ended worst, or throws when every launcher did. */
  @Override
  public RunResult launch(RunRequest request) {
    ExecutorService threads = Executors.newFixedThreadPool(targets.size());
    try {
      List<CompletableFuture<@Nullable RunResult>> runs = new ArrayList<>();
      for (ServiceTarget target : targets) {
        runs.add(CompletableFuture.supplyAsync(() -> launch(target, request), threads));
      }
      RunResult worst = null;
      for (CompletableFuture<@Nullable RunResult> run : runs) {
        RunResult result = run.join();
        if (result != null && (worst == null || result.exitCode() > worst.exitCode())) {
          worst = result;
        }
      }
      if (worst == null) {
        throw new IllegalStateException("no target's run could be started or recorded");
      }
      return worst;
    } finally {
      threads.shutdownNow();
    }
  }

  private @Nullable RunResult launch(ServiceTarget target, RunRequest request) {
    RunResult result = null;
    try {
      result = target.launcher().launch(request);
    } catch (RuntimeException e) {
      // This thread is the top of the target's run: report here and let the others finish.
      LOG.error("run of target={} failed before it could be recorded", target.name(), e);
    }
    listener.runEnded(target, request, result);
    return result;
  }
}
