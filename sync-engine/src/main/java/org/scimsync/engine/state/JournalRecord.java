package org.scimsync.engine.state;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A journaled change as stored.
 *
 * @param id the journal id
 * @param runId the run it belongs to
 * @param entry what was about to be done
 * @param startedAt when it was journaled
 * @param outcome how it ended; null if the process died before the target answered
 * @param finishedAt when the outcome was recorded
 */
public record JournalRecord(
    long id,
    long runId,
    JournalEntry entry,
    Instant startedAt,
    @Nullable ChangeOutcome outcome,
    @Nullable Instant finishedAt) {}
