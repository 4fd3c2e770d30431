package org.scimsync.engine;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.apply.ExecutionResult;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.state.MappingMemo;

/**
 * What a run did, handed from the apply stage to the record stage.
 *
 * @param runId the run in the history
 * @param trigger what started it
 * @param onlyUserKeys the users it was limited to; empty for the whole directory
 * @param plan the plan it applied (or skipped), with its safety verdict
 * @param result what applying it did
 * @param failedLookups how many lookups the target refused (those objects were held)
 * @param repaired whether it repaired changes an earlier run left unfinished
 * @param sourceVersion the version of the directory content it read; null when unknown
 * @param memoUpdate how the mapping memo should change; null for none
 * @param checkpointInputs the inputs a change checkpoint is kept under; null when the directory
 *     keeps no track of its changes (or the rules have no fingerprint)
 * @param checkpoint where the directory's next change read continues; null when unknown
 * @param started when it started
 * @param planned when its plan was complete
 */
record FinishedRun(
    long runId,
    String trigger,
    Set<String> onlyUserKeys,
    Plan plan,
    ExecutionResult result,
    int failedLookups,
    boolean repaired,
    @Nullable String sourceVersion,
    MappingMemo.@Nullable Update memoUpdate,
    @Nullable String checkpointInputs,
    @Nullable String checkpoint,
    Instant started,
    Instant planned) {}
