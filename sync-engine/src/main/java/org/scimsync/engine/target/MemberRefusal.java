package org.scimsync.engine.target;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A member the target refused to add to or remove from a group, alone in its request.
 *
 * @param userId the user's target id
 * @param userName the user's name, as the target knows it, when it could be read
 * @param added true for an addition, false for a removal
 * @param httpStatus the target's status
 * @param words what the target said
 */
public record MemberRefusal(
    String userId,
    @Nullable String userName,
    boolean added,
    @Nullable Integer httpStatus,
    String words) {

  public MemberRefusal {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(words, "words");
  }

  /** The refusal as a report names it: {@code alice@example.org (HTTP 400: "…")}. */
  public String describe() {
    return (userName != null ? userName : "user " + userId)
        + " ("
        + (httpStatus != null ? "HTTP " + httpStatus + ": " : "")
        + "\""
        + words
        + "\")";
  }
}
