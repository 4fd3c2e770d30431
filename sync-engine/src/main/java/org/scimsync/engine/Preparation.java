package org.scimsync.engine;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.concurrent.Await;
import org.scimsync.engine.concurrent.RunStoppedException;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.observe.TargetListing;
import org.scimsync.engine.observe.TargetObserver;
import org.scimsync.engine.plan.DesiredState;
import org.scimsync.engine.plan.DesiredStateBuilder;
import org.scimsync.engine.plan.ObservedState;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.plan.Planner;
import org.scimsync.engine.plan.ResourceMapper;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.safety.SafetyGuards;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.state.MappingMemo;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reads one plan needs, run at the same time: the directory is read and mapped on a thread of
 * its own and, in a full run, the target is listed on two more (a chain of pages that takes as long
 * as it takes), while the caller loads the state store. Failures are reported as a sequential run
 * would: a source failure first (the listing is then cancelled), then a target failure. Close it on
 * every path: closing cancels whatever is still running and releases the threads.
 */
final class Preparation implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Preparation.class);

  private final DirectorySource source;
  private final ScimTarget target;
  private final StateStore store;
  private final SyncPolicy policy;
  private final SyncOptions options;
  private final ExecutorService sourceThread;
  private final Future<DesiredStateBuilder.Built> desired;
  private @Nullable TargetListing listing;
  private final @Nullable String rulesFingerprint;
  private final CompletableFuture<Optional<MappingMemo>> memo = new CompletableFuture<>();
  private DesiredStateBuilder.@Nullable Built built;
  private volatile @Nullable String sourceVersion;
  private int failedLookups;

  private Preparation(
      DirectorySource source,
      ResourceMapper mapper,
      ScimTarget target,
      StateStore store,
      SyncPolicy policy,
      SyncOptions options) {
    this.source = source;
    this.target = target;
    this.store = store;
    this.policy = policy;
    this.options = options;
    this.sourceThread =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "scim-sync-source");
              thread.setDaemon(true);
              return thread;
            });
    // The snapshot is referenced only inside this task and by the users taken from the mapping
    // memo (whose resources are mapped when needed), so most of it can be collected as soon as the
    // desired state is built, while the listing is still running. The memo is read by the caller
    // (see plan), after the state and while the directory is still being read.
    String rules = mapper.rulesFingerprint();
    this.rulesFingerprint = rules;
    if (rules == null) {
      memo.complete(Optional.empty());
    }
    this.desired =
        sourceThread.submit(
            () -> {
              DirectorySnapshot snapshot = source.read();
              sourceVersion = snapshot.version();
              MappingMemo remembered = memo.get().orElse(null);
              DesiredStateBuilder.Built built =
                  DesiredStateBuilder.build(snapshot, mapper, options.onlyUserKeys(), remembered);
              LOG.info(
                  "directory mapped users={} groups={} remembered={}",
                  built.desired().users().size(),
                  built.desired().groups().size(),
                  built.remembered());
              return built;
            });
  }

  /**
   * Starts reading and mapping the directory, and listing the target if the run is known to be
   * full.
   */
  static Preparation start(
      DirectorySource source,
      ResourceMapper mapper,
      ScimTarget target,
      StateStore store,
      SyncPolicy policy,
      SyncOptions options,
      boolean fullKnown) {
    Preparation preparation =
        new Preparation(
            Objects.requireNonNull(source, "source"),
            Objects.requireNonNull(mapper, "mapper"),
            Objects.requireNonNull(target, "target"),
            Objects.requireNonNull(store, "store"),
            Objects.requireNonNull(policy, "policy"),
            Objects.requireNonNull(options, "options"));
    if (fullKnown) {
      preparation.listTarget();
    }
    return preparation;
  }

  /** Starts listing the target, unless it is already being listed. */
  TargetListing listTarget() {
    TargetListing started = listing;
    if (started == null) {
      started = TargetListing.start(target);
      listing = started;
    }
    return started;
  }

  /**
   * Waits for the reads and plans.
   *
   * @param stored the state store's content
   * @param full whether the run is full ({@link #listTarget()} is then called if it was not)
   * @throws SyncException when the source or the target cannot be read
   * @throws RunStoppedException when the stop signal was raised (or the thread interrupted) before
   *     the reads were done; they are cancelled
   */
  Plan plan(StoredState stored, boolean full) {
    TargetListing listed = full ? listTarget() : null;
    readMemo();
    DesiredState wanted;
    try {
      built = Await.result(desired, options.stopRequested());
      wanted = built.desired();
    } catch (SourceException e) {
      close();
      ErrorKind kind =
          e.kind() == SourceException.Kind.INVALID_INPUT
              ? ErrorKind.INVALID_INPUT
              : ErrorKind.UNAVAILABLE;
      throw new SyncException(kind, "cannot read " + source.describe() + ": " + e.getMessage(), e);
    } catch (RunStoppedException e) {
      close();
      throw e;
    }
    ObservedState observed;
    TargetObserver observer = new TargetObserver(target, store, policy.parallelism());
    try {
      observed =
          listed != null
              ? observer.observeListed(
                  listed, wanted, stored, options.verifyMembers(), options.stopRequested())
              : observer.observe(wanted, stored, false, options.verifyMembers());
    } catch (TargetException e) {
      ErrorKind kind =
          e.kind() == TargetException.Kind.BAD_REQUEST
              ? ErrorKind.INVALID_INPUT
              : ErrorKind.UNAVAILABLE;
      throw new SyncException(kind, "cannot read the target: " + e.getMessage(), e);
    } catch (RunStoppedException e) {
      close();
      throw e;
    }
    // An object whose lookup the target refused is held for this run, with a warning, and the run
    // ends partial so that the next one tries again.
    failedLookups = observer.failedLookups().count();
    wanted = observer.failedLookups().applyTo(wanted);
    Plan plan = Planner.plan(wanted, observed, stored, policy, target.traits());
    return SafetyGuards.check(
        plan, wanted.sourceUserCount(), stored, policy, options.allowDeletes());
  }

  /**
   * Reads the mapping memo for the directory's mapping, unless it was read already. When the store
   * fails, the failure is the caller's and the mapping goes on without a memo until it is
   * cancelled.
   */
  private void readMemo() {
    if (memo.isDone() || rulesFingerprint == null) {
      return;
    }
    try {
      memo.complete(Optional.of(store.mappingMemo(rulesFingerprint)));
    } finally {
      memo.complete(Optional.empty());
    }
  }

  /**
   * How many reads of the last {@link #plan} the target refused for one object each (those objects
   * were held, and the plan's warnings say why).
   */
  int failedLookups() {
    return failedLookups;
  }

  /** The version of the directory content that was read (see {@link #plan}); null if none. */
  @Nullable String sourceVersion() {
    return sourceVersion;
  }

  /**
   * Records what the users mapped to, for the next run; call after {@link #plan} (not in a dry
   * run). The memo is a cache: when it cannot be written, the next run maps every user again, so
   * this run goes on.
   */
  void rememberMappings() {
    DesiredStateBuilder.Built mapped = built;
    if (mapped == null) {
      throw new IllegalStateException("the directory has not been mapped yet");
    }
    MappingMemo.Update update = mapped.memoUpdate();
    if (update == null) {
      return;
    }
    try {
      store.updateMappingMemo(update);
    } catch (StateStoreException e) {
      LOG.warn(
          "the mapping memo could not be recorded; the next run maps every user: {}",
          e.getMessage());
    }
  }

  @Override
  public void close() {
    desired.cancel(true);
    sourceThread.shutdownNow();
    if (listing != null) {
      listing.close();
    }
  }
}
