package org.scimsync.engine.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A group as the target should hold it.
 *
 * @param key the source key, sent as externalId
 * @param displayName the displayName of the resource
 * @param resource the mapped SCIM resource (no schemas, id, externalId, meta, members)
 * @param contentHash the hash of the resource (members excluded)
 * @param memberKeys source keys of the member users that are in scope, in source order
 */
public record DesiredGroup(
    String key,
    String displayName,
    ObjectNode resource,
    String contentHash,
    List<String> memberKeys) {

  public DesiredGroup {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(contentHash, "contentHash");
    memberKeys = List.copyOf(memberKeys);
  }
}
