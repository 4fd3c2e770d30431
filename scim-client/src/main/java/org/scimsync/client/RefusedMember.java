package org.scimsync.client;

import java.util.Objects;

/**
 * A member the target refused to add to or remove from a group, isolated by splitting the
 * membership request that was refused until the member was alone in it.
 *
 * @param userId the user's id
 * @param added true for an addition, false for a removal
 * @param refusal what the target answered for this member alone
 */
public record RefusedMember(String userId, boolean added, ScimException refusal) {

  public RefusedMember {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(refusal, "refusal");
  }
}
