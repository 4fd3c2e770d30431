package org.scimsync.engine.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A user as the target should hold it.
 *
 * @param key the source key, sent as externalId
 * @param userName the userName of the resource
 * @param resource the mapped, sanitized SCIM resource (no schemas, id, externalId, meta)
 * @param contentHash the hash of the resource, compared with the link's
 */
public record DesiredUser(String key, String userName, ObjectNode resource, String contentHash) {

  public DesiredUser {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(contentHash, "contentHash");
  }
}
