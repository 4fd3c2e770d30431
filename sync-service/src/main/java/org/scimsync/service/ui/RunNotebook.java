package org.scimsync.service.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link RunNotes} of the most recent runs of this process, by run id; older ones are
 * forgotten. Thread-safe.
 */
public final class RunNotebook {

  /** How many runs are remembered. */
  public static final int REMEMBERED_RUNS = 200;

  private final Map<Long, RunNotes> notes =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, RunNotes> eldest) {
          return size() > REMEMBERED_RUNS;
        }
      };

  /** Remembers the notes of a run. */
  public synchronized void record(long runId, RunNotes runNotes) {
    notes.put(runId, runNotes);
  }

  /** The notes of a run; empty when it ran elsewhere, before this process, or long ago. */
  public synchronized Optional<RunNotes> notes(long runId) {
    return Optional.ofNullable(notes.get(runId));
  }
}
