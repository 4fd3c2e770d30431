package org.scimsync.engine.plan;

import java.util.Objects;
import org.scimsync.engine.state.ObjectKind;

/**
 * A link the state store forgets without touching the target: its object no longer exists there.
 *
 * @param kind user or group
 * @param sourceKey the source key of the link
 * @param reason why, for the report
 */
public record LinkDrop(ObjectKind kind, String sourceKey, String reason) {

  public LinkDrop {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sourceKey, "sourceKey");
    Objects.requireNonNull(reason, "reason");
  }
}
