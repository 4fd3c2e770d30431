package org.scimsync.engine.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.RunSummary;
import org.scimsync.engine.state.SourceCheckpoint;
import org.scimsync.engine.state.StateLockedException;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.engine.state.SteadyState;
import org.scimsync.engine.state.StoredState;

/**
 * A state store in memory, for tests of the engine. Follows the port's contract: one lock holder,
 * links, pushed memberships, runs and a journal whose unfinished entries survive until settled.
 */
public final class InMemoryStateStore implements StateStore {

  private final Map<String, Link> users = new HashMap<>();
  private final Map<String, Link> groups = new HashMap<>();
  private final Map<String, Set<String>> memberships = new HashMap<>();
  private final Map<String, ObjectNode> pushedUsers = new HashMap<>();
  private final Map<String, ObjectNode> pushedGroups = new HashMap<>();
  private final List<Integer> pushedReads = new ArrayList<>();
  private final Map<Long, RunRecord> runs = new LinkedHashMap<>();
  private final Map<Long, JournalRecord> journal = new LinkedHashMap<>();
  private final Set<Long> settled = new HashSet<>();
  private final Map<String, MappingMemo.Entry> memo = new HashMap<>();
  private String memoRules = "";
  private boolean failMemoWrites;
  private @Nullable SteadyState steady;
  private @Nullable SourceCheckpoint checkpoint;
  private int loads;
  private final Map<Long, RunDetails> details = new HashMap<>();
  private Map<String, String> capabilities = Map.of();
  private boolean failSteadyWrites;
  private boolean locked;
  private long nextRun = 1;
  private long nextJournal = 1;

  @Override
  public synchronized RunLock lock() {
    if (locked) {
      throw new StateLockedException("another run holds the lock");
    }
    locked = true;
    return () -> {
      synchronized (InMemoryStateStore.this) {
        locked = false;
      }
    };
  }

  /** Whether a run holds the lock. */
  public synchronized boolean isLocked() {
    return locked;
  }

  @Override
  public synchronized StoredState load() {
    loads++;
    Map<String, Set<String>> copy = new HashMap<>();
    memberships.forEach(
        (group, members) -> {
          if (!members.isEmpty()) {
            copy.put(group, Set.copyOf(members));
          }
        });
    return new StoredState(users, groups, copy, lastFullRun());
  }

  @Override
  public synchronized @Nullable Instant lastFullRun() {
    return runs.values().stream()
        .filter(r -> r.start().full() && r.summary() != null)
        .filter(r -> r.summary().status() == RunStatus.SUCCEEDED)
        .map(r -> r.summary().finishedAt())
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  @Override
  public synchronized void saveLink(Link link) {
    Link previous = (link.kind() == ObjectKind.USER ? users : groups).put(link.sourceKey(), link);
    if (previous != null && !previous.targetId().equals(link.targetId())) {
      pushed(link.kind()).remove(link.sourceKey());
    }
  }

  @Override
  public synchronized void saveLink(Link link, ObjectNode pushedResource) {
    saveLink(link);
    pushed(link.kind()).put(link.sourceKey(), pushedResource.deepCopy());
  }

  @Override
  public synchronized Map<String, ObjectNode> pushedResources(
      ObjectKind kind, Collection<String> sourceKeys) {
    pushedReads.add(sourceKeys.size());
    Map<String, ObjectNode> found = new HashMap<>();
    for (String key : sourceKeys) {
      ObjectNode resource = pushed(kind).get(key);
      if (resource != null) {
        found.put(key, resource.deepCopy());
      }
    }
    return Map.copyOf(found);
  }

  @Override
  public synchronized MappingMemo mappingMemo(String rulesFingerprint) {
    return rulesFingerprint.equals(memoRules)
        ? new MappingMemo(rulesFingerprint, memo)
        : MappingMemo.empty(rulesFingerprint);
  }

  @Override
  public synchronized void updateMappingMemo(MappingMemo.Update update) {
    if (failMemoWrites) {
      throw new StateStoreException("the disk is full", null);
    }
    if (!update.rulesFingerprint().equals(memoRules)) {
      memo.clear();
      memoRules = update.rulesFingerprint();
    }
    update.remove().forEach(memo::remove);
    memo.putAll(update.put());
  }

  @Override
  public synchronized Optional<SteadyState> steadyState() {
    return Optional.ofNullable(steady);
  }

  @Override
  public synchronized void recordSteadyState(SteadyState recorded) {
    if (failSteadyWrites) {
      throw new StateStoreException("the disk is full", null);
    }
    steady = recorded;
  }

  @Override
  public synchronized Map<String, String> targetCapabilities() {
    return capabilities;
  }

  @Override
  public synchronized void saveTargetCapabilities(Map<String, String> learned) {
    this.capabilities = Map.copyOf(learned);
  }

  @Override
  public synchronized void forgetSteadyState() {
    steady = null;
  }

  @Override
  public synchronized Optional<SourceCheckpoint> sourceCheckpoint() {
    return Optional.ofNullable(checkpoint);
  }

  @Override
  public synchronized void saveSourceCheckpoint(SourceCheckpoint recorded) {
    checkpoint = recorded;
  }

  @Override
  public synchronized void saveRunDetails(long runId, RunDetails runDetails) {
    details.put(runId, runDetails);
  }

  @Override
  public synchronized Optional<RunDetails> runDetails(long runId) {
    return Optional.ofNullable(details.get(runId));
  }

  /** How many times the whole state was loaded. */
  public synchronized int loads() {
    return loads;
  }

  /** Makes every later {@link #recordSteadyState} fail. */
  public synchronized void failSteadyWrites() {
    failSteadyWrites = true;
  }

  /** Makes every later {@link #updateMappingMemo} fail. */
  public synchronized void failMemoWrites() {
    failMemoWrites = true;
  }

  /** The mapping memo as recorded, whatever the rules. */
  public synchronized Map<String, MappingMemo.Entry> memo() {
    return Map.copyOf(memo);
  }

  /** Forgets every pushed resource, as in a state written before resources were kept. */
  public synchronized void forgetPushedResources() {
    pushedUsers.clear();
    pushedGroups.clear();
  }

  /** How many keys each {@link #pushedResources} call asked for, in order. */
  public synchronized List<Integer> pushedResourceReads() {
    return List.copyOf(pushedReads);
  }

  private Map<String, ObjectNode> pushed(ObjectKind kind) {
    return kind == ObjectKind.USER ? pushedUsers : pushedGroups;
  }

  @Override
  public synchronized void deleteLink(ObjectKind kind, String sourceKey) {
    (kind == ObjectKind.USER ? users : groups).remove(sourceKey);
    pushed(kind).remove(sourceKey);
  }

  @Override
  public synchronized void addMemberships(String groupKey, Collection<String> userKeys) {
    memberships.computeIfAbsent(groupKey, k -> new HashSet<>()).addAll(userKeys);
  }

  @Override
  public synchronized void removeMemberships(String groupKey, Collection<String> userKeys) {
    Set<String> members = memberships.get(groupKey);
    if (members != null) {
      members.removeAll(userKeys);
    }
  }

  @Override
  public synchronized long beginRun(RunStart start) {
    long id = nextRun++;
    runs.put(id, new RunRecord(id, start, null));
    return id;
  }

  @Override
  public synchronized void finishRun(long runId, RunSummary summary) {
    RunRecord run = runs.get(runId);
    runs.put(runId, new RunRecord(runId, run.start(), summary));
  }

  @Override
  public synchronized long journalBegin(long runId, JournalEntry entry) {
    long id = nextJournal++;
    journal.put(id, new JournalRecord(id, runId, entry, Instant.EPOCH, null, null));
    return id;
  }

  @Override
  public synchronized void journalEnd(long journalId, ChangeOutcome outcome) {
    JournalRecord r = journal.get(journalId);
    journal.put(
        journalId,
        new JournalRecord(r.id(), r.runId(), r.entry(), r.startedAt(), outcome, r.startedAt()));
  }

  @Override
  public synchronized List<JournalRecord> unfinishedChanges() {
    return journal.values().stream()
        .filter(r -> r.outcome() == null && !settled.contains(r.id()))
        .toList();
  }

  @Override
  public synchronized void settle(Collection<Long> journalIds) {
    settled.addAll(journalIds);
  }

  @Override
  public synchronized List<RunRecord> recentRuns(int limit) {
    List<RunRecord> all = new ArrayList<>(runs.values());
    java.util.Collections.reverse(all);
    return all.subList(0, Math.min(limit, all.size()));
  }

  @Override
  public synchronized Optional<RunRecord> run(long runId) {
    return Optional.ofNullable(runs.get(runId));
  }

  @Override
  public synchronized List<JournalRecord> journal(long runId) {
    return journal.values().stream().filter(r -> r.runId() == runId).toList();
  }

  /** Simulates a process killed mid-change: journals a begun change that never ends. */
  public synchronized void journalUnfinished(long runId, JournalEntry entry) {
    journalBegin(runId, entry);
  }

  @Override
  public void close() {}
}
