package org.scimsync.engine.plan;

import java.util.List;

/**
 * How many changes of each kind a plan holds.
 *
 * @param creates users and groups created
 * @param updates users and groups patched
 * @param adoptions existing objects linked
 * @param memberAdds memberships added, including the initial members of created groups
 * @param memberRemoves memberships removed
 * @param disables users disabled
 * @param deletes users and groups deleted
 * @param unchanged desired objects that need nothing
 * @param unmanaged target objects left alone
 */
public record PlanCounts(
    int creates,
    int updates,
    int adoptions,
    int memberAdds,
    int memberRemoves,
    int disables,
    int deletes,
    int unchanged,
    int unmanaged) {

  /** Counts the changes. */
  public static PlanCounts of(List<Change> changes, int unchanged, int unmanaged) {
    int creates = 0;
    int updates = 0;
    int adoptions = 0;
    int adds = 0;
    int removes = 0;
    int disables = 0;
    int deletes = 0;
    for (Change change : changes) {
      if (change instanceof Change.CreateUser) {
        creates++;
      } else if (change instanceof Change.CreateGroup group) {
        creates++;
        adds += group.memberKeys().size();
      } else if (change instanceof Change.UpdateUser || change instanceof Change.UpdateGroup) {
        updates++;
      } else if (change instanceof Change.AdoptUser || change instanceof Change.AdoptGroup) {
        adoptions++;
      } else if (change instanceof Change.UpdateMembers members) {
        adds += members.addKeys().size();
        removes += members.removeKeys().size();
      } else if (change instanceof Change.DisableUser) {
        disables++;
      } else {
        deletes++;
      }
    }
    return new PlanCounts(
        creates, updates, adoptions, adds, removes, disables, deletes, unchanged, unmanaged);
  }
}
