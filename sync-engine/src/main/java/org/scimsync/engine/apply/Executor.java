package org.scimsync.engine.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.cache.WriteClearance;
import org.scimsync.engine.concurrent.ConcurrencyLimit;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.state.ChangeOutcome.Result;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.ResponseWatcher;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetException;
import org.scimsync.engine.target.TargetPacing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a plan. Users, groups and memberships each have their own bounded lane of workers, so
 * that every write API of the target is busy at once; a group is created as soon as its members
 * exist, a membership change runs once its group and added users exist, and deletes and disables
 * run after everything else. Each change is journaled before it is sent and after it ends.
 */
public final class Executor {

  /** Why changes were skipped, and the run's message, when the stop signal was raised. */
  public static final String STOPPED_BY_SHUTDOWN = "stopped by shutdown";

  private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

  /**
   * How many of the largest groups to create first (see {@link #userLaneOrder}); three, from a
   * simulation of the benchmark's directories, which shortened the tail after the last user at
   * every quota and latency tried (5,000 and 50,000 users; 25, 100 and 250 writes/s; 3 to 150 ms).
   */
  static final int LARGEST_GROUPS_FIRST = 3;

  private final ScimTarget target;
  private final StateStore store;
  private final Clock clock;
  private final int parallelism;
  private final int maxConsecutiveRefusals;

  public Executor(ScimTarget target, StateStore store, Clock clock, int parallelism) {
    this(target, store, clock, parallelism, RefusalStreak.DEFAULT_LIMIT);
  }

  /**
   * An executor that stops the run once the target refused {@code maxConsecutiveRefusals} writes in
   * a row the same way with nothing applied in between (see {@link RefusalStreak}).
   */
  public Executor(
      ScimTarget target,
      StateStore store,
      Clock clock,
      int parallelism,
      int maxConsecutiveRefusals) {
    this.target = Objects.requireNonNull(target, "target");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
    if (maxConsecutiveRefusals < 1) {
      throw new IllegalArgumentException("maxConsecutiveRefusals must be at least 1");
    }
    this.parallelism = parallelism;
    this.maxConsecutiveRefusals = maxConsecutiveRefusals;
  }

  /**
   * Applies the changes of a plan.
   *
   * @param clearance the run's clearance to write (the steady state was forgotten)
   * @param runId the run in the state store's history
   * @param changes the planned changes, in plan order
   * @param stored the stored state the plan was computed against
   * @param destructiveAllowed false when the deletion guard withholds deletes, disables and
   *     membership removals
   */
  public ExecutionResult execute(
      WriteClearance clearance,
      long runId,
      List<Change> changes,
      StoredState stored,
      boolean destructiveAllowed) {
    return execute(
        clearance, runId, changes, stored, destructiveAllowed, () -> false, ProgressListener.NONE);
  }

  /**
   * Applies the changes of a plan, stopping early on request.
   *
   * @param clearance the run's clearance to write (the steady state was forgotten)
   * @param runId the run in the state store's history
   * @param changes the planned changes, in plan order
   * @param stored the stored state the plan was computed against
   * @param destructiveAllowed false when the deletion guard withholds deletes, disables and
   *     membership removals
   * @param stopRequested polled before each change: once true, no further change starts (each is
   *     skipped), the changes in flight finish and are journaled
   * @param progress told of each change as it ends
   */
  public ExecutionResult execute(
      WriteClearance clearance,
      long runId,
      List<Change> changes,
      StoredState stored,
      boolean destructiveAllowed,
      BooleanSupplier stopRequested,
      ProgressListener progress) {
    Objects.requireNonNull(clearance, "clearance");
    Objects.requireNonNull(stopRequested, "stopRequested");
    Objects.requireNonNull(progress, "progress");
    LinkBook links = new LinkBook(store, stored, clock);
    ChangeApplier applier = new ChangeApplier(target, store, links);
    ChangeResult[] results = new ChangeResult[changes.size()];
    AtomicReference<String> stop = new AtomicReference<>();
    AtomicInteger unavailable = new AtomicInteger();
    RunControl control =
        new RunControl(
            runId,
            applier,
            stop,
            unavailable,
            new RefusalStreak(maxConsecutiveRefusals),
            stopRequested,
            progress);
    ExecutorService users = lane("users");
    ExecutorService groups = lane("groups");
    ExecutorService members = lane("members");
    ResponseWatcher.Subscription watching = target.watchResponses(AdaptiveLane::onResponse);
    try {
      Map<String, CompletableFuture<Void>> userReady = new HashMap<>();
      Map<String, CompletableFuture<Void>> groupReady = new HashMap<>();
      List<CompletableFuture<Void>> constructive = new ArrayList<>();
      List<Integer> destructive = new ArrayList<>();
      for (int i : userLaneOrder(changes)) {
        Change change = changes.get(i);
        int index = i;
        CompletableFuture<Void> done =
            CompletableFuture.runAsync(
                () -> results[index] = control.attempt(change, destructiveAllowed), users);
        userReady.put(change.sourceKey(), done);
        constructive.add(done);
      }
      for (int i = 0; i < changes.size(); i++) {
        Change change = changes.get(i);
        int index = i;
        Runnable task = () -> results[index] = control.attempt(change, destructiveAllowed);
        if (change.destructive()) {
          destructive.add(i);
        } else if (change.objectKind() == ObjectKind.USER) {
          continue; // submitted above
        } else if (change instanceof Change.CreateGroup create) {
          CompletableFuture<Void> done =
              after(dependencies(userReady, create.memberKeys(), null)).thenRunAsync(task, groups);
          groupReady.put(change.sourceKey(), done);
          constructive.add(done);
        } else if (change instanceof Change.UpdateMembers update) {
          CompletableFuture<Void> group = groupReady.get(change.sourceKey());
          constructive.add(
              after(dependencies(userReady, update.addKeys(), group)).thenRunAsync(task, members));
        } else {
          CompletableFuture<Void> done = CompletableFuture.runAsync(task, groups);
          groupReady.put(change.sourceKey(), done);
          constructive.add(done);
        }
      }
      after(constructive).join();
      List<CompletableFuture<Void>> removals = new ArrayList<>();
      for (int index : destructive) {
        Change change = changes.get(index);
        if (!destructiveAllowed) {
          results[index] =
              new ChangeResult(
                  change, Result.SKIPPED, null, null, "withheld by the deletion guard");
          progress.onChangeFinished(results[index]);
          continue;
        }
        ExecutorService lane = change instanceof Change.DeleteGroup ? groups : users;
        removals.add(
            CompletableFuture.runAsync(() -> results[index] = control.attempt(change, true), lane));
      }
      after(removals).join();
    } finally {
      watching.close();
      users.shutdownNow();
      groups.shutdownNow();
      members.shutdownNow();
    }
    return new ExecutionResult(
        List.of(results), stop.get(), unavailable.get(), control.shutdown(), control.stopKind());
  }

  /** What every change of one execution shares: the stop flags and the progress listener. */
  private final class RunControl {
    private final long runId;
    private final ChangeApplier applier;
    private final AtomicReference<String> stop;
    private final AtomicInteger unavailable;
    private final RefusalStreak refusals;
    private final BooleanSupplier stopRequested;
    private final ProgressListener progress;
    private final AtomicReference<ExecutionResult.StopKind> stopKind = new AtomicReference<>();
    private volatile boolean shutdown;

    RunControl(
        long runId,
        ChangeApplier applier,
        AtomicReference<String> stop,
        AtomicInteger unavailable,
        RefusalStreak refusals,
        BooleanSupplier stopRequested,
        ProgressListener progress) {
      this.runId = runId;
      this.applier = applier;
      this.stop = stop;
      this.unavailable = unavailable;
      this.refusals = refusals;
      this.stopRequested = stopRequested;
      this.progress = progress;
    }

    boolean shutdown() {
      return shutdown;
    }

    ExecutionResult.@Nullable StopKind stopKind() {
      return stopKind.get();
    }

    /** Stops the run for this reason, unless it was stopped already. */
    void stop(ExecutionResult.StopKind kind, String reason) {
      synchronized (stopKind) {
        if (stop.compareAndSet(null, reason)) {
          stopKind.set(kind);
        }
      }
    }

    ChangeResult attempt(Change change, boolean removalsAllowed) {
      ChangeResult result = attemptOnce(change, removalsAllowed);
      progress.onChangeFinished(result);
      return result;
    }

    private ChangeResult attemptOnce(Change change, boolean removalsAllowed) {
      String stopReason = stop.get();
      if (stopReason != null) {
        return new ChangeResult(change, Result.SKIPPED, null, null, "run stopped: " + stopReason);
      }
      if (shutdown || stopRequested.getAsBoolean()) {
        shutdown = true;
        return new ChangeResult(change, Result.SKIPPED, null, null, STOPPED_BY_SHUTDOWN);
      }
      return Executor.this.attempt(runId, change, applier, this, removalsAllowed);
    }
  }

  private ChangeResult attempt(
      long runId,
      Change change,
      ChangeApplier applier,
      RunControl control,
      boolean removalsAllowed) {
    long journalId = store.journalBegin(runId, JournalEntries.of(change));
    ChangeResult result;
    try {
      result = applier.apply(change, removalsAllowed);
      if (result.result() == Result.APPLIED) {
        control.refusals.applied();
      }
    } catch (TargetException e) {
      if (e.kind() == TargetException.Kind.UNAVAILABLE) {
        control.unavailable.incrementAndGet();
      }
      boolean forbidden = Integer.valueOf(403).equals(e.httpStatus());
      if (e.kind() == TargetException.Kind.UNAUTHORIZED && !forbidden) {
        // 401, or a 404 on a collection (a wrong tenant id): nothing more can succeed.
        control.stop(
            ExecutionResult.StopKind.CREDENTIALS_REFUSED,
            "the target refused access ("
                + e.getMessage()
                + "); likely cause: the token or client secret is wrong or expired, or target.url"
                + " names the wrong tenant");
      } else {
        // A 403 may concern one object (a protected account): only a streak stops the run.
        String everything = control.refusals.refused(change.changeName(), e);
        if (everything != null) {
          control.stop(
              forbidden
                  ? ExecutionResult.StopKind.CREDENTIALS_REFUSED
                  : ExecutionResult.StopKind.EVERYTHING_REFUSED,
              everything);
        }
      }
      LOG.warn(
          "change failed run={} change={} key={} status={} error={}",
          runId,
          change.changeName(),
          change.sourceKey(),
          e.httpStatus(),
          e.getMessage());
      result = new ChangeResult(change, Result.FAILED, e.httpStatus(), null, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn(
          "change failed run={} change={} key={}",
          runId,
          change.changeName(),
          change.sourceKey(),
          e);
      result = new ChangeResult(change, Result.FAILED, null, null, String.valueOf(e.getMessage()));
    }
    store.journalEnd(journalId, result.toOutcome());
    return result;
  }

  /**
   * The order in which the user lane takes the non-destructive user changes: the members of the few
   * largest groups to create first, then those of the smallest groups, so that groups become
   * complete, and can be created, steadily while users are still being created, instead of all at
   * the end; then the other users in plan order.
   */
  static List<Integer> userLaneOrder(List<Change> changes) {
    Map<String, Integer> userIndex = new HashMap<>();
    List<Change.CreateGroup> creates = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      if (change.objectKind() == ObjectKind.USER && !change.destructive()) {
        userIndex.put(change.sourceKey(), i);
      } else if (change instanceof Change.CreateGroup create) {
        creates.add(create);
      }
    }
    creates.sort(Comparator.comparingInt(c -> c.memberKeys().size()));
    // The largest groups go first: after its last member exists, a group of N members takes one
    // request per 100 members after the first 100, one after the other, so the largest would
    // otherwise end the run that many round trips after the last user (5 s at 150 ms for 3,340
    // members). With their members first, those chains run while the other users are created.
    int largest = Math.min(LARGEST_GROUPS_FIRST, creates.size());
    List<Change.CreateGroup> first =
        new ArrayList<>(creates.subList(creates.size() - largest, creates.size()));
    Collections.reverse(first);
    creates = new ArrayList<>(creates.subList(0, creates.size() - largest));
    creates.addAll(0, first);
    LinkedHashSet<Integer> order = new LinkedHashSet<>();
    for (Change.CreateGroup create : creates) {
      for (String member : create.memberKeys()) {
        Integer index = userIndex.get(member);
        if (index != null) {
          order.add(index);
        }
      }
    }
    new TreeSet<>(userIndex.values()).forEach(order::add);
    return List.copyOf(order);
  }

  private static List<CompletableFuture<Void>> dependencies(
      Map<String, CompletableFuture<Void>> ready,
      List<String> keys,
      @Nullable CompletableFuture<Void> also) {
    List<CompletableFuture<Void>> deps = new ArrayList<>();
    for (String key : keys) {
      CompletableFuture<Void> dep = ready.get(key);
      if (dep != null) {
        deps.add(dep);
      }
    }
    if (also != null) {
      deps.add(also);
    }
    return deps;
  }

  private static CompletableFuture<Void> after(List<CompletableFuture<Void>> futures) {
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
  }

  /**
   * A lane whose workers follow the target's pacing: the fixed parallelism until round trips are
   * known, then enough requests in flight for the target's write rate (Little's law), under its
   * cap, halved on throttling. A target that tells no pacing keeps the fixed parallelism.
   */
  private ExecutorService lane(String name) {
    TargetPacing pacing = target.pacing();
    int cap = Math.max(1, pacing.maxConcurrency() > 0 ? pacing.maxConcurrency() : parallelism);
    return new AdaptiveLane(
        name, new ConcurrencyLimit(pacing.writesPerSecond(), parallelism, cap, System::nanoTime));
  }
}
