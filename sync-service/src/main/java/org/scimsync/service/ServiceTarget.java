package org.scimsync.service;

import java.util.Objects;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.TargetNames;

/**
 * One target the service keeps in step: its name, how a run of it starts, and its state (its part
 * of the one state store). Each target has a run queue of its own: a trigger asks every target for
 * a run, and one target's long, failed or stopped run never holds up another's.
 *
 * @param name the target's name ({@link TargetNames}); {@value TargetNames#DEFAULT} for a single
 *     {@code target:} configuration
 * @param launcher starts one run of this target
 * @param store this target's state: its run history, links and memberships
 */
public record ServiceTarget(String name, RunLauncher launcher, StateStore store) {

  public ServiceTarget {
    TargetNames.check(name);
    Objects.requireNonNull(launcher, "launcher");
    Objects.requireNonNull(store, "store");
  }
}
