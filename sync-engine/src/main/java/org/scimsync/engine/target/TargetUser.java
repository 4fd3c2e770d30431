package org.scimsync.engine.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user as the target holds it.
 *
 * @param id the target's id
 * @param externalId the externalId, null when the target has none
 * @param userName the userName
 * @param resource the full SCIM resource as read (may hold id, meta, schemas)
 */
public record TargetUser(
    String id, @Nullable String externalId, String userName, ObjectNode resource) {

  public TargetUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(resource, "resource");
  }
}
