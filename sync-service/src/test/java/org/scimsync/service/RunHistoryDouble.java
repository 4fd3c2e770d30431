package org.scimsync.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalEntry;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.MappingMemo;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunDetails;
import org.scimsync.engine.state.RunLock;
import org.scimsync.engine.state.RunRecord;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.SourceCheckpoint;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.engine.state.SteadyState;
import org.scimsync.engine.state.StoredState;

/**
 * A state store that only holds run history and journals, as service mode reads them. The writing
 * side of the port belongs to the engine and is refused here, so a test notices if the service
 * starts writing.
 */
public final class RunHistoryDouble implements StateStore {

  private final List<RunRecord> runs = new CopyOnWriteArrayList<>();
  private final Map<Long, List<JournalRecord>> journals = new ConcurrentHashMap<>();
  private volatile boolean broken;

  /** Adds a run (and its journal) to the history. */
  public RunHistoryDouble with(RunRecord run, JournalRecord... journal) {
    runs.add(run);
    journals.put(run.id(), List.of(journal));
    return this;
  }

  /** Makes every read fail as an unreadable database would. */
  public void breakDown() {
    broken = true;
  }

  private void check() {
    if (broken) {
      throw new StateStoreException("database is locked", null);
    }
  }

  @Override
  public List<RunRecord> recentRuns(int limit) {
    check();
    List<RunRecord> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingLong(RunRecord::id).reversed());
    return List.copyOf(sorted.subList(0, Math.min(limit, sorted.size())));
  }

  @Override
  public Optional<RunRecord> run(long runId) {
    check();
    return runs.stream().filter(r -> r.id() == runId).findFirst();
  }

  @Override
  public List<JournalRecord> journal(long runId) {
    check();
    return journals.getOrDefault(runId, List.of());
  }

  @Override
  public RunLock lock() {
    throw new UnsupportedOperationException("service mode never locks the store");
  }

  @Override
  public StoredState load() {
    throw new UnsupportedOperationException("service mode never loads the state");
  }

  @Override
  public void saveLink(Link link) {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public void saveLink(Link link, ObjectNode pushedResource) {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public Map<String, ObjectNode> pushedResources(ObjectKind kind, Collection<String> sourceKeys) {
    throw new UnsupportedOperationException("service mode never loads the state");
  }

  @Override
  public MappingMemo mappingMemo(String rulesFingerprint) {
    throw new UnsupportedOperationException("service mode never loads the state");
  }

  @Override
  public void updateMappingMemo(MappingMemo.Update update) {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public Optional<SteadyState> steadyState() {
    throw new UnsupportedOperationException("service mode never loads the state");
  }

  @Override
  public void recordSteadyState(SteadyState steady) {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public void forgetSteadyState() {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public void saveRunDetails(long runId, RunDetails details) {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public Optional<RunDetails> runDetails(long runId) {
    return Optional.empty();
  }

  @Override
  public Optional<SourceCheckpoint> sourceCheckpoint() {
    throw new UnsupportedOperationException("service mode never reads the directory");
  }

  @Override
  public void saveSourceCheckpoint(SourceCheckpoint checkpoint) {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public Map<String, String> targetCapabilities() {
    throw new UnsupportedOperationException("service mode never loads the state");
  }

  @Override
  public void saveTargetCapabilities(Map<String, String> capabilities) {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public void deleteLink(ObjectKind kind, String sourceKey) {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public void addMemberships(String groupKey, Collection<String> userKeys) {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public void removeMemberships(String groupKey, Collection<String> userKeys) {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public long beginRun(RunStart start) {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public void finishRun(long runId, RunSummary summary) {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public long journalBegin(long runId, JournalEntry entry) {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public void journalEnd(long journalId, ChangeOutcome outcome) {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public List<JournalRecord> unfinishedChanges() {
    throw new UnsupportedOperationException("service mode never repairs");
  }

  @Override
  public void settle(Collection<Long> journalIds) {
    throw new UnsupportedOperationException("service mode never writes");
  }

  @Override
  public void close() {}
}
