package org.scimsync.engine.state;

import java.util.List;
import java.util.Objects;

/**
 * A run that found the target in step with the directory: it planned no change. While its inputs
 * (the directory's content, the rules, the policy) are the same and no run has written to the state
 * store since, an incremental run would plan no change either, so it need not read the directory or
 * load the state. A cache only: forgetting it costs one run a read, never a change.
 *
 * @param inputs the fingerprint of the run's inputs
 * @param runId the run that planned no change
 * @param unchanged how many desired objects needed nothing
 * @param warnings the warnings of that run's plan, which a run it spares reports again; about
 *     directory entries only, never a secret
 */
public record SteadyState(String inputs, long runId, int unchanged, List<String> warnings) {

  public SteadyState {
    Objects.requireNonNull(inputs, "inputs");
    warnings = List.copyOf(warnings);
  }
}
