package org.scimsync.engine.state;

import java.time.Instant;
import java.util.Objects;

/**
 * The link between a source object and the target object the engine created or adopted.
 *
 * @param kind user or group
 * @param sourceKey the source's stable key (also sent as the SCIM externalId)
 * @param targetId the target's id of the object
 * @param contentHash hash of the desired resource last pushed; an incremental run skips an object
 *     whose desired hash equals it
 * @param disabled true when the engine deprovisioned the user by setting {@code active: false}
 * @param syncedAt when the link was last written
 */
public record Link(
    ObjectKind kind,
    String sourceKey,
    String targetId,
    String contentHash,
    boolean disabled,
    Instant syncedAt) {

  public Link {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sourceKey, "sourceKey");
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(syncedAt, "syncedAt");
  }
}
