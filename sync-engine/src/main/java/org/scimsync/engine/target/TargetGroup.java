package org.scimsync.engine.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A group as the target holds it (AWS never returns its members).
 *
 * @param id the target's id
 * @param externalId the externalId, null when the target has none
 * @param displayName the displayName
 * @param resource the full SCIM resource as read
 */
public record TargetGroup(
    String id, @Nullable String externalId, String displayName, ObjectNode resource) {

  public TargetGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(resource, "resource");
  }
}
