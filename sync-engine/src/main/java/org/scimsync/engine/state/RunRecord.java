package org.scimsync.engine.state;

import org.jspecify.annotations.Nullable;

/**
 * One run in the history.
 *
 * @param id the run id
 * @param start how it started
 * @param summary how it ended; null while running or when the process was killed
 */
public record RunRecord(long id, RunStart start, @Nullable RunSummary summary) {}
