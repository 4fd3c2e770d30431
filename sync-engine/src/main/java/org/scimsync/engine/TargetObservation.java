package org.scimsync.engine;

import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.cache.RunCaches;
import org.scimsync.engine.concurrent.RunStoppedException;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.observe.TargetListing;
import org.scimsync.engine.observe.TargetObserver;
import org.scimsync.engine.plan.DesiredState;
import org.scimsync.engine.plan.ObservedState;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetException;

/**
 * The observe stage: what the target holds of the desired objects. A full run lists the whole
 * target, on threads of its own started as soon as the run knows it is full ({@link #listNow()}),
 * while the directory is read; an incremental run looks up only what changed, with the resources
 * last pushed standing in for the rest. Close it on every path: closing cancels the listing.
 */
final class TargetObservation implements AutoCloseable {

  /**
   * What the target holds.
   *
   * @param state the observed state
   * @param wanted the desired state, less the objects whose lookup the target refused (held for
   *     this run, with a warning)
   * @param failedLookups how many lookups the target refused
   */
  record Observed(ObservedState state, DesiredState wanted, int failedLookups) {}

  private final ScimTarget target;
  private final RunCaches caches;
  private final int parallelism;
  private @Nullable TargetListing listing;

  private TargetObservation(ScimTarget target, RunCaches caches, int parallelism) {
    this.target = target;
    this.caches = caches;
    this.parallelism = parallelism;
  }

  /**
   * Lets the target read what it says of itself and what earlier runs learned of it, then readies
   * the observation; the listing starts at once when {@code listNow} is true.
   *
   * @throws SyncException when the target cannot tell what it is
   */
  static TargetObservation start(
      ScimTarget target, StateStore store, RunCaches caches, int parallelism, boolean listNow) {
    try {
      target.adapt(store.targetCapabilities());
    } catch (TargetException e) {
      throw failure("cannot read what the target says of itself: ", e);
    }
    TargetObservation observation = new TargetObservation(target, caches, parallelism);
    if (listNow) {
      observation.listNow();
    }
    return observation;
  }

  /** Starts listing the whole target, unless it is already being listed. */
  void listNow() {
    if (listing == null) {
      listing = TargetListing.start(target);
    }
  }

  /**
   * Observes the target for a plan.
   *
   * @param full whether the run is full: the target is then listed (started if it was not)
   * @throws SyncException when the target cannot be read
   * @throws RunStoppedException when {@code stop} was raised first; the listing is cancelled
   */
  Observed observe(
      DesiredState desired,
      StoredState stored,
      boolean full,
      boolean verifyMembers,
      BooleanSupplier stop) {
    if (full) {
      listNow();
    }
    TargetListing listed = listing;
    TargetObserver observer = new TargetObserver(target, caches, parallelism);
    ObservedState observed;
    try {
      observed =
          listed != null
              ? observer.observeListed(listed, desired, stored, verifyMembers, stop)
              : observer.observe(desired, stored, false, verifyMembers);
    } catch (TargetException e) {
      throw failure("cannot read the target: ", e);
    } catch (RunStoppedException e) {
      close();
      throw e;
    }
    return new Observed(
        observed, observer.failedLookups().applyTo(desired), observer.failedLookups().count());
  }

  private static SyncException failure(String what, TargetException e) {
    ErrorKind kind =
        e.kind() == TargetException.Kind.BAD_REQUEST
            ? ErrorKind.INVALID_INPUT
            : ErrorKind.UNAVAILABLE;
    return new SyncException(kind, what + e.getMessage(), e);
  }

  @Override
  public void close() {
    if (listing != null) {
      listing.close();
    }
  }
}
