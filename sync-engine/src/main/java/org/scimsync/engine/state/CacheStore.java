package org.scimsync.engine.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The caches a state store keeps for the engine, behind one port: the resources last pushed to
 * linked objects, the mapping memo, the steady state and the directory's change checkpoint. Each is
 * a cache only: losing one costs a run some reads or mappings, never a wrong plan.
 *
 * <p>The engine reaches them only through {@code org.scimsync.engine.cache.RunCaches}, which holds
 * their rules in code (the architecture test checks that nothing else calls these methods): the
 * steady state is forgotten before any write ({@code WriteClearance}), a memo is used only under
 * the rules it was written with, a pushed resource stands in for the target only while its link's
 * content hash is its own.
 */
public interface CacheStore {

  /**
   * The resources last pushed to the linked objects of some source keys, read for those keys only
   * ({@link StateStore#load()} never reads them, so that a run without changes stays cheap). Keys
   * whose link has no known resource, and unknown keys, are absent from the answer.
   */
  Map<String, ObjectNode> pushedResources(ObjectKind kind, Collection<String> sourceKeys);

  /**
   * What the users mapped to in earlier runs under the rules of {@code rulesFingerprint}; empty
   * when the memo was written under other rules, or never.
   */
  MappingMemo mappingMemo(String rulesFingerprint);

  /** Records what users mapped to (see {@link #mappingMemo}), in one transaction. */
  void updateMappingMemo(MappingMemo.Update update);

  /**
   * The run that last found the target in step with the directory, unless a run has started since
   * (see {@link SteadyState}).
   */
  Optional<SteadyState> steadyState();

  /** Records a run that planned no change (see {@link #steadyState()}). */
  void recordSteadyState(SteadyState steady);

  /**
   * Forgets the recorded steady state; the engine calls it before a run that may write to the
   * target or to this store.
   */
  void forgetSteadyState();

  /** Where the next change read of the directory continues (see {@link SourceCheckpoint}). */
  Optional<SourceCheckpoint> sourceCheckpoint();

  /** Records where the next change read continues, replacing the one recorded. */
  void saveSourceCheckpoint(SourceCheckpoint checkpoint);
}
