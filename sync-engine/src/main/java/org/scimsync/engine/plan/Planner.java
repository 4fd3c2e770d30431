package org.scimsync.engine.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetTraits;
import org.scimsync.engine.target.TargetUser;

/**
 * The pure planning function: desired state, observed state, stored state and policy in, a {@link
 * Plan} out. No I/O, no mutation of its inputs, and the same inputs always give the same plan.
 */
public final class Planner {

  private static final Set<String> META = Set.of("meta");

  private Planner() {}

  /**
   * Plans. The plan's safety verdict is {@link SafetyVerdict#passed()}: the guards are the next
   * stage of a run ({@code org.scimsync.engine.safety.SafetyGuards#check}).
   */
  public static Plan plan(
      DesiredState desired, ObservedState observed, StoredState stored, SyncPolicy policy) {
    return plan(desired, observed, stored, policy, TargetTraits.STANDARD);
  }

  /**
   * Plans for a target with these traits: attributes it does not keep are never compared, and where
   * deleting a user leaves its memberships behind, a leaver is removed from the groups it was
   * pushed to before it is deleted (the plan shows those removals).
   */
  public static Plan plan(
      DesiredState desired,
      ObservedState observed,
      StoredState stored,
      SyncPolicy policy,
      TargetTraits traits) {
    PlanBuilder b = new PlanBuilder(desired, observed, stored, policy, traits);
    new UserReconciler(b).reconcile();
    new GroupReconciler(b).reconcile(MembershipReconciler.currentMembers(b));
    MembershipReconciler.reconcile(b);
    List<Change> changes = b.orderedChanges();
    List<UnmanagedObject> unmanaged = unmanaged(b);
    return new Plan(
        observed.complete(),
        changes,
        b.linkUpdates,
        b.linkDrops,
        b.warnings,
        unmanaged,
        SafetyVerdict.passed(),
        Fingerprints.lazy(() -> fingerprints(desired, observed, stored)),
        PlanCounts.of(changes, b.unchanged, unmanaged.size()));
  }

  /** The fingerprints of planning inputs, compared when a saved plan is applied. */
  public static Fingerprints fingerprints(
      DesiredState desired, ObservedState observed, StoredState stored) {
    List<String> source = new ArrayList<>();
    desired.users().forEach(u -> source.add("u " + u.key() + " " + u.contentHash()));
    desired
        .groups()
        .forEach(g -> source.add("g " + g.key() + " " + g.contentHash() + " " + g.memberKeys()));
    new TreeSet<>(desired.heldUserKeys()).forEach(k -> source.add("hu " + k));
    new TreeSet<>(desired.heldGroupKeys()).forEach(k -> source.add("hg " + k));
    List<String> target = new ArrayList<>();
    target.add(observed.complete() ? "complete" : "partial");
    observed.users().stream()
        .sorted(Comparator.comparing(TargetUser::id))
        .forEach(u -> target.add("u " + u.id() + " " + ContentHash.ofIgnoring(u.resource(), META)));
    observed.groups().stream()
        .sorted(Comparator.comparing(TargetGroup::id))
        .forEach(g -> target.add("g " + g.id() + " " + ContentHash.ofIgnoring(g.resource(), META)));
    List<String> state = new ArrayList<>();
    addLinks(state, stored.users());
    addLinks(state, stored.groups());
    new TreeMap<>(stored.memberships())
        .forEach((group, users) -> state.add("m " + group + " " + new TreeSet<>(users)));
    return new Fingerprints(
        ContentHash.ofStrings(source), ContentHash.ofStrings(target), ContentHash.ofStrings(state));
  }

  private static void addLinks(List<String> out, Map<String, Link> links) {
    new TreeMap<>(links)
        .values()
        .forEach(
            l ->
                out.add(
                    l.kind()
                        + " "
                        + l.sourceKey()
                        + " "
                        + l.targetId()
                        + " "
                        + l.contentHash()
                        + " "
                        + l.disabled()));
  }

  private static List<UnmanagedObject> unmanaged(PlanBuilder b) {
    Set<String> linkedUsers = new HashSet<>();
    b.stored.users().values().forEach(l -> linkedUsers.add(l.targetId()));
    Set<String> linkedGroups = new HashSet<>();
    b.stored.groups().values().forEach(l -> linkedGroups.add(l.targetId()));
    List<UnmanagedObject> unmanaged = new ArrayList<>();
    for (TargetUser user : b.observed.users()) {
      if (!b.claimedUserIds.contains(user.id()) && !linkedUsers.contains(user.id())) {
        unmanaged.add(new UnmanagedObject(ObjectKind.USER, user.id(), user.userName()));
      }
    }
    for (TargetGroup group : b.observed.groups()) {
      if (!b.claimedGroupIds.contains(group.id()) && !linkedGroups.contains(group.id())) {
        unmanaged.add(new UnmanagedObject(ObjectKind.GROUP, group.id(), group.displayName()));
      }
    }
    unmanaged.sort(
        Comparator.comparing(UnmanagedObject::kind)
            .thenComparing(UnmanagedObject::label)
            .thenComparing(UnmanagedObject::targetId));
    return unmanaged;
  }
}
