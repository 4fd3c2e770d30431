package org.scimsync.engine.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.AttributeChange;
import org.scimsync.engine.target.TargetUser;

/**
 * The attribute differences between linked target users and their desired content, worked out ahead
 * of the plan: in a full run they are computed while the rest of the target is still being listed
 * (a chain of pages that leaves the CPUs mostly idle), so that the plan, which needs the complete
 * listing, does not start by comparing every user.
 *
 * <p>A memo of {@link AttributeDiff#diff}, nothing more: the planner uses an entry only for the
 * very desired user and target user objects it was computed from, and computes any other pair
 * itself, so the plan is the same with or without it. Thread-safe; {@link #add} may run on several
 * threads at once.
 */
public final class UserDiffs {

  private static final UserDiffs NONE = new UserDiffs(Map.of());

  private final Map<String, DesiredUser> desiredByTargetId;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  private UserDiffs(Map<String, DesiredUser> desiredByTargetId) {
    this.desiredByTargetId = desiredByTargetId;
  }

  /** No differences worked out ahead: the planner computes all of them. */
  public static UserDiffs none() {
    return NONE;
  }

  /**
   * An empty memo for the linked users of this desired state: those whose link names a target id.
   *
   * @param desired what the target should hold
   * @param stored the links
   */
  public static UserDiffs forLinked(DesiredState desired, StoredState stored) {
    Map<String, DesiredUser> byTargetId = new HashMap<>(desired.users().size() * 4 / 3 + 1);
    for (DesiredUser user : desired.users()) {
      Link link = stored.users().get(user.key());
      if (link != null) {
        byTargetId.put(link.targetId(), user);
      }
    }
    return new UserDiffs(byTargetId);
  }

  /**
   * Works out the differences of one listed user with its desired content, if it is linked to a
   * desired user; does nothing otherwise.
   */
  public void add(TargetUser current) {
    Objects.requireNonNull(current, "current");
    DesiredUser user = desiredByTargetId.get(current.id());
    if (user == null) {
      return;
    }
    List<AttributeChange> changes;
    try {
      changes = AttributeDiff.diff(current.resource(), user.resource());
    } catch (RuntimeException e) {
      // Not memoised: the planner diffs this pair itself and the failure surfaces there, in the
      // run's own error handling, instead of failing the listing thread.
      return;
    }
    entries.put(current.id(), new Entry(user, current, changes.isEmpty() ? List.of() : changes));
  }

  /** How many differences are worked out; for tests and logs. */
  public int size() {
    return entries.size();
  }

  /**
   * The differences of {@code current} with {@code user}, as {@link AttributeDiff#diff} gives them:
   * from the memo when it holds this very pair, else computed now.
   */
  List<AttributeChange> between(TargetUser current, DesiredUser user) {
    @Nullable Entry entry = entries.get(current.id());
    if (entry != null && entry.user == user && entry.current == current) {
      return entry.changes;
    }
    return AttributeDiff.diff(current.resource(), user.resource());
  }

  private record Entry(DesiredUser user, TargetUser current, List<AttributeChange> changes) {}
}
