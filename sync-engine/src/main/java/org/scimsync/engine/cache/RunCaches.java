package org.scimsync.engine.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.CacheStore;
import org.scimsync.engine.state.MappingMemo;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.SourceCheckpoint;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.engine.state.SteadyState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's view of the caches of the {@link CacheStore}, with their rules in code:
 *
 * <ul>
 *   <li><b>Steady state.</b> Read once per run ({@link #steadyState()}); forgotten before anything
 *       is written, because the only way to a {@link WriteClearance} is {@link #clearForWriting()};
 *       recorded only by a run holding one. When the store cannot forget it, the run does not go
 *       on: a later run would otherwise rely on a state this run changed.
 *   <li><b>Mapping memo.</b> Used only under the rules it was written with ({@link #memo}): a memo
 *       of other rules is never handed out, whatever the store answers; updated only with a
 *       clearance and under the same rules.
 *   <li><b>Change checkpoint.</b> Handed out only under the inputs it was taken under; recorded
 *       only with a clearance, by a run that applied every change it read.
 *   <li><b>Pushed resources.</b> Read for the keys asked only; a resource stands in for the target
 *       only while its link's content hash is its own (checked where it is used, {@code
 *       observe.LastPushed}).
 * </ul>
 *
 * A cache that cannot be read or written costs work, never a wrong plan: failures to record are
 * logged and the run goes on.
 */
public final class RunCaches {

  private static final Logger LOG = LoggerFactory.getLogger(RunCaches.class);
  private static final AtomicLong CLEARANCES = new AtomicLong();

  private final CacheStore store;
  private boolean steadyRead;
  private @Nullable SteadyState steady;
  private @Nullable WriteClearance clearance;
  private @Nullable String memoRules;

  private RunCaches(CacheStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The caches of one run (or one plan) over {@code store}. */
  public static RunCaches of(CacheStore store) {
    return new RunCaches(store);
  }

  /**
   * The recorded steady state, as it was when this run first asked; empty once this run cleared
   * itself for writing.
   */
  public synchronized Optional<SteadyState> steadyState() {
    if (clearance != null) {
      return Optional.empty();
    }
    if (!steadyRead) {
      steady = store.steadyState().orElse(null);
      steadyRead = true;
    }
    return Optional.ofNullable(steady);
  }

  /**
   * Forgets the steady state (if one is recorded) and clears the run for writing. Idempotent: the
   * same clearance is returned to every writer of the run.
   *
   * @throws StateStoreException when the store cannot forget it; the run must not write then
   */
  public synchronized WriteClearance clearForWriting() {
    WriteClearance granted = clearance;
    if (granted != null) {
      return granted;
    }
    if (steadyState().isPresent()) {
      store.forgetSteadyState();
    }
    granted = new WriteClearance(CLEARANCES.incrementAndGet());
    clearance = granted;
    return granted;
  }

  /**
   * Records the steady state of a run that planned no change. A failure is logged: the next run
   * then reads everything.
   */
  public synchronized void recordSteadyState(WriteClearance proof, SteadyState state) {
    requireOwn(proof);
    try {
      store.recordSteadyState(state);
    } catch (StateStoreException e) {
      LOG.warn(
          "the steady state could not be recorded; the next run reads everything: {}",
          e.getMessage());
    }
  }

  /**
   * What users mapped to under {@code rulesFingerprint}; empty when the store holds a memo of other
   * rules.
   */
  public synchronized MappingMemo memo(String rulesFingerprint) {
    Objects.requireNonNull(rulesFingerprint, "rulesFingerprint");
    memoRules = rulesFingerprint;
    MappingMemo memo = store.mappingMemo(rulesFingerprint);
    if (!memo.rulesFingerprint().equals(rulesFingerprint)) {
      LOG.warn("the state store answered a mapping memo of other rules; every user is mapped");
      return MappingMemo.empty(rulesFingerprint);
    }
    return memo;
  }

  /**
   * Records what users mapped to. The memo is a cache: when it cannot be written, the next run maps
   * every user again, so this run goes on.
   *
   * @throws IllegalArgumentException when the update is of other rules than the memo this run read
   */
  public synchronized void rememberMappings(WriteClearance proof, MappingMemo.Update update) {
    requireOwn(proof);
    if (memoRules != null && !memoRules.equals(update.rulesFingerprint())) {
      throw new IllegalArgumentException(
          "a mapping memo update of other rules than the memo this run read");
    }
    if (update.isEmpty()) {
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

  /**
   * Where the change read of the directory continues, if one was recorded under these inputs; a
   * checkpoint of other inputs (another source, other rules or policy) is never handed out.
   */
  public Optional<String> sourceCheckpoint(String inputs) {
    return store
        .sourceCheckpoint()
        .filter(recorded -> recorded.inputs().equals(inputs))
        .map(SourceCheckpoint::checkpoint);
  }

  /**
   * Records where the next change read continues. Only a run that applied every change of the whole
   * directory it read may record one (the caller's rule, see {@code RunRecording}): a checkpoint
   * past a change that was not applied would lose that change. A failure is logged: the next run
   * then reads everything.
   */
  public synchronized void saveSourceCheckpoint(
      WriteClearance proof, String inputs, String checkpoint) {
    requireOwn(proof);
    try {
      store.saveSourceCheckpoint(new SourceCheckpoint(inputs, checkpoint));
    } catch (StateStoreException e) {
      LOG.warn(
          "the directory's change checkpoint could not be recorded; the next run reads"
              + " everything: {}",
          e.getMessage());
    }
  }

  /** The resources last pushed to the linked objects of these keys; none for no keys. */
  public Map<String, ObjectNode> pushedResources(ObjectKind kind, Collection<String> sourceKeys) {
    return sourceKeys.isEmpty() ? Map.of() : store.pushedResources(kind, sourceKeys);
  }

  private void requireOwn(WriteClearance proof) {
    if (proof != clearance) {
      throw new IllegalStateException("a write clearance of another run: " + proof);
    }
  }
}
