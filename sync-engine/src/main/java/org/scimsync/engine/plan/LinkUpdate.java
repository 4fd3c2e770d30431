package org.scimsync.engine.plan;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.ObjectKind;

/**
 * A state-only change: the target already matches, only the link must be written (a new content
 * hash, or a link moved from a source key that disappeared to a new one).
 *
 * @param kind user or group
 * @param sourceKey the key to link
 * @param targetId the target object
 * @param contentHash the hash to record
 * @param replacesKey a key whose link is dropped (not deleted in the target), or null
 */
public record LinkUpdate(
    ObjectKind kind,
    String sourceKey,
    String targetId,
    String contentHash,
    @Nullable String replacesKey) {

  public LinkUpdate {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sourceKey, "sourceKey");
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(contentHash, "contentHash");
  }
}
