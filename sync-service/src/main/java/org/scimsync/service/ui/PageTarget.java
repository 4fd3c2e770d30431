package org.scimsync.service.ui;

import java.util.Objects;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.TargetNames;

/**
 * One SCIM target as the status page shows it.
 *
 * @param name the target's name ({@link TargetNames}): in the page's URLs and forms; {@value
 *     TargetNames#DEFAULT} for a configuration with one target
 * @param displayName what the page shows beside the name, such as the target's host and port (never
 *     a secret)
 * @param store the target's state store, read only
 */
public record PageTarget(String name, String displayName, StateStore store) {

  /**
   * @throws org.scimsync.common.ConfigValueException when {@code name} is not a valid target name
   */
  public PageTarget {
    TargetNames.check(Objects.requireNonNull(name, "name"));
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(store, "store");
  }
}
