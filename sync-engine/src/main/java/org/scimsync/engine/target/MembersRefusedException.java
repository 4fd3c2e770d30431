package org.scimsync.engine.target;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The target applied a membership change, or created a group, except for some members it refused,
 * each isolated and named. The group, and the members it accepted, are in the target.
 */
public final class MembersRefusedException extends TargetException {

  private static final long serialVersionUID = 1L;

  private final transient List<MemberRefusal> refusals;
  private final transient @Nullable TargetGroup created;

  /**
   * Creates the exception.
   *
   * @param refusals the refused members, at least one
   * @param created the group, when the change created it
   */
  public MembersRefusedException(List<MemberRefusal> refusals, @Nullable TargetGroup created) {
    super(
        Kind.BAD_REQUEST,
        refusals.isEmpty() ? null : refusals.get(0).httpStatus(),
        summary(refusals),
        refusals.isEmpty() ? null : refusals.get(0).words(),
        null);
    if (refusals.isEmpty()) {
      throw new IllegalArgumentException("no member was refused");
    }
    this.refusals = List.copyOf(refusals);
    this.created = created;
  }

  /** The refused members. */
  public List<MemberRefusal> refusals() {
    return refusals;
  }

  /** The group the change created, if it created one. */
  public @Nullable TargetGroup created() {
    return created;
  }

  /** The target ids of the refused members that were to be added. */
  public List<String> refusedAdditions() {
    return refusals.stream().filter(MemberRefusal::added).map(MemberRefusal::userId).toList();
  }

  /** The target ids of the refused members that were to be removed. */
  public List<String> refusedRemovals() {
    return refusals.stream().filter(r -> !r.added()).map(MemberRefusal::userId).toList();
  }

  private static String summary(List<MemberRefusal> refusals) {
    return refusals.size()
        + " member"
        + (refusals.size() == 1 ? "" : "s")
        + " refused by the target: "
        + refusals.stream().map(MemberRefusal::describe).collect(Collectors.joining("; "));
  }
}
