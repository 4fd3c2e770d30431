package org.scimsync.engine.plan;

import java.util.Objects;
import org.scimsync.engine.state.ObjectKind;

/**
 * A target object that the engine neither created nor adopted: listed, never touched.
 *
 * @param kind user or group
 * @param targetId its id in the target
 * @param label its userName or displayName
 */
public record UnmanagedObject(ObjectKind kind, String targetId, String label) {

  public UnmanagedObject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(label, "label");
  }
}
