package org.scimsync.engine.plan;

import java.util.Objects;

/**
 * Hashes of the inputs a plan was computed from; a saved plan is applied only if they still match.
 *
 * @param source the desired state (source after mapping)
 * @param target the observed target objects
 * @param state the stored links and memberships
 */
public record Fingerprints(String source, String target, String state) {

  public Fingerprints {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(state, "state");
  }
}
