package org.scimsync.engine.observe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.plan.ContentHash;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetUser;

/**
 * The resource the engine last pushed to a linked object, kept in the state store, standing in for
 * a read of the target in an incremental run.
 */
final class LastPushed {

  private LastPushed() {}

  /**
   * The user as the engine last pushed it, standing in for a read of the target; null when unknown.
   * For a changed user it stands in only while the link's content hash is the hash of that
   * resource: a link saved since without a resource (re-hashed, disabled, repaired) is read.
   */
  static @Nullable TargetUser user(
      Link link, @Nullable ObjectNode resource, boolean hashMustMatch) {
    if (resource == null
        || hashMustMatch && !ContentHash.of(resource).equals(link.contentHash())
        || !resource.path("userName").isTextual()) {
      return null;
    }
    String userName = resource.path("userName").asText();
    return new TargetUser(link.targetId(), link.sourceKey(), userName, resource);
  }

  /** The group as the engine last pushed it, as {@link #user} for a changed user. */
  static @Nullable TargetGroup group(Link link, @Nullable ObjectNode resource) {
    if (resource == null
        || !ContentHash.of(resource).equals(link.contentHash())
        || !resource.path("displayName").isTextual()) {
      return null;
    }
    String displayName = resource.path("displayName").asText();
    return new TargetGroup(link.targetId(), link.sourceKey(), displayName, resource);
  }
}
