package org.scimsync.engine.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scimsync.engine.cache.RunCaches;
import org.scimsync.engine.state.JournalEntry;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.ScimTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs what a killed run left unfinished. A create that may have reached the target is looked up
 * by its externalId and linked, so that it is never created twice; its content hash is left empty
 * so that the next plan compares it with the directory. Other unfinished changes need no repair:
 * updates, membership changes and deletes are planned again from the state they left.
 */
public final class JournalRepair {

  private static final Logger LOG = LoggerFactory.getLogger(JournalRepair.class);

  /** The content hash of a link whose content is unknown: never equal to a real hash. */
  public static final String UNKNOWN_HASH = "";

  private final ScimTarget target;
  private final StateStore store;
  private final Clock clock;

  public JournalRepair(ScimTarget target, StateStore store, Clock clock) {
    this.target = Objects.requireNonNull(target, "target");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Repairs and settles every unfinished change. When there is one, the run is cleared for writing
   * first (the steady state is forgotten): a run with something to repair is never spared.
   *
   * @return a note per repaired object, for the run report; empty when nothing was unfinished
   */
  public List<String> repair(RunCaches caches) {
    List<JournalRecord> unfinished = store.unfinishedChanges();
    if (unfinished.isEmpty()) {
      return List.of();
    }
    caches.clearForWriting();
    StoredState stored = store.load();
    List<String> notes = new ArrayList<>();
    List<Long> settled = new ArrayList<>();
    for (JournalRecord record : unfinished) {
      JournalEntry entry = record.entry();
      String key = entry.sourceKey();
      if ("CREATE_USER".equals(entry.change()) && !stored.users().containsKey(key)) {
        Optional<String> id = target.findUserByExternalId(key).map(u -> u.id());
        id.ifPresent(v -> link(ObjectKind.USER, key, v));
        notes.add(note(record, id));
      } else if ("CREATE_GROUP".equals(entry.change()) && !stored.groups().containsKey(key)) {
        Optional<String> id = target.findGroupByExternalId(key).map(g -> g.id());
        id.ifPresent(v -> link(ObjectKind.GROUP, key, v));
        notes.add(note(record, id));
      }
      settled.add(record.id());
    }
    store.settle(settled);
    LOG.info("repaired unfinished changes count={} linked={}", settled.size(), notes.size());
    return notes;
  }

  private void link(ObjectKind kind, String key, String id) {
    store.saveLink(new Link(kind, key, id, UNKNOWN_HASH, false, clock.instant()));
  }

  private static String note(JournalRecord record, Optional<String> id) {
    String what = record.entry().change() + " " + record.entry().label();
    return id.map(
            v ->
                "unfinished "
                    + what
                    + " of run "
                    + record.runId()
                    + " had reached the target;"
                    + " linked to "
                    + v)
        .orElse("unfinished " + what + " of run " + record.runId() + " had not reached the target");
  }
}
