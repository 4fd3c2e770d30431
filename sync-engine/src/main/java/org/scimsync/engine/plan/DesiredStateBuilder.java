package org.scimsync.engine.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.scimsync.engine.ResourceMapper;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.mapping.MappingResult;

/**
 * Turns a directory snapshot into the desired state: scoping and mapping through the {@link
 * ResourceMapper}, content hashes, and the members of each group restricted to the users in scope.
 * An entry that cannot be mapped is held and reported; the others go on.
 */
public final class DesiredStateBuilder {

  /** Entries per mapping thread below which another thread is not worth starting. */
  static final int ENTRIES_PER_THREAD = 1_000;

  private DesiredStateBuilder() {}

  /**
   * Builds the desired state of a snapshot, mapping on as many threads as the machine has cores
   * (one for a small directory). The result does not depend on the number of threads.
   */
  public static DesiredState build(
      DirectorySnapshot snapshot, ResourceMapper mapper, Set<String> onlyUserKeys) {
    return build(
        snapshot,
        mapper,
        onlyUserKeys,
        threadsFor(
            snapshot.users().size() + snapshot.groups().size(),
            Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Builds the desired state of a snapshot, mapping on {@code threads} threads (the caller's
   * included); the mapper must be safe for use by several threads, as {@link ResourceMapper}
   * requires. Warnings, users and groups come in source order whatever the number of threads.
   */
  public static DesiredState build(
      DirectorySnapshot snapshot, ResourceMapper mapper, Set<String> onlyUserKeys, int threads) {
    List<Outcome> userOutcomes;
    List<Outcome> groupOutcomes;
    try (MappingWorkers workers = MappingWorkers.start(threads)) {
      userOutcomes = workers.map(snapshot.users(), user -> Outcome.of(mapUser(mapper, user)));
      groupOutcomes = workers.map(snapshot.groups(), group -> Outcome.of(mapGroup(mapper, group)));
    }
    List<String> warnings = new ArrayList<>(snapshot.warnings());
    List<DesiredUser> users = new ArrayList<>();
    Set<String> heldUsers = new HashSet<>();
    Map<String, String> userNames = new HashMap<>();
    for (int i = 0; i < userOutcomes.size(); i++) {
      SourceUser user = snapshot.users().get(i);
      Outcome outcome = userOutcomes.get(i);
      if (outcome.result() instanceof MappingResult.Mapped mapped) {
        String userName = mapped.resource().path("userName").asText("");
        String duplicateOf = userNames.putIfAbsent(userName.toLowerCase(Locale.ROOT), user.key());
        if (userName.isEmpty() || duplicateOf != null) {
          heldUsers.add(user.key());
          warnings.add(
              "user "
                  + user.key()
                  + " skipped: "
                  + (userName.isEmpty()
                      ? "the mapping gave no userName"
                      : "userName " + userName + " is also the userName of user " + duplicateOf));
          continue;
        }
        mapped.warnings().forEach(w -> warnings.add("user " + userName + ": " + w));
        users.add(new DesiredUser(user.key(), userName, mapped.resource(), outcome.hash()));
      } else if (outcome.result() instanceof MappingResult.Rejected rejected) {
        heldUsers.add(user.key());
        warnings.add("user " + user.key() + " skipped: " + rejected.reason());
        rejected.warnings().forEach(w -> warnings.add("user " + user.key() + ": " + w));
      }
    }
    Set<String> inScope = new HashSet<>(heldUsers);
    users.forEach(u -> inScope.add(u.key()));
    List<DesiredGroup> groups = new ArrayList<>();
    Set<String> heldGroups = new HashSet<>();
    Map<String, String> displayNames = new HashMap<>();
    for (int i = 0; i < groupOutcomes.size(); i++) {
      SourceGroup group = snapshot.groups().get(i);
      Outcome outcome = groupOutcomes.get(i);
      if (outcome.result() instanceof MappingResult.Mapped mapped) {
        String name = mapped.resource().path("displayName").asText("");
        String duplicateOf = displayNames.putIfAbsent(name.toLowerCase(Locale.ROOT), group.key());
        if (name.isEmpty() || duplicateOf != null) {
          heldGroups.add(group.key());
          warnings.add(
              "group "
                  + group.key()
                  + " skipped: "
                  + (name.isEmpty()
                      ? "the mapping gave no displayName"
                      : "displayName "
                          + name
                          + " is also the displayName of group "
                          + duplicateOf));
          continue;
        }
        mapped.warnings().forEach(w -> warnings.add("group " + name + ": " + w));
        List<String> members = group.memberKeys().stream().filter(inScope::contains).toList();
        groups.add(new DesiredGroup(group.key(), name, mapped.resource(), outcome.hash(), members));
      } else if (outcome.result() instanceof MappingResult.Rejected rejected) {
        heldGroups.add(group.key());
        warnings.add("group " + group.key() + " skipped: " + rejected.reason());
        rejected.warnings().forEach(w -> warnings.add("group " + group.key() + ": " + w));
      }
    }
    return new DesiredState(
        users, groups, heldUsers, heldGroups, snapshot.userCount(), warnings, onlyUserKeys);
  }

  /** The mapping threads for a directory of {@code entries} on a machine of {@code cores}. */
  static int threadsFor(int entries, int cores) {
    return Math.max(1, Math.min(cores, entries / ENTRIES_PER_THREAD));
  }

  /** One entry mapped, with the content hash of its resource when it was mapped. */
  private record Outcome(MappingResult result, String hash) {

    static Outcome of(MappingResult result) {
      return new Outcome(
          result,
          result instanceof MappingResult.Mapped mapped ? ContentHash.of(mapped.resource()) : "");
    }
  }

  private static MappingResult mapUser(ResourceMapper mapper, SourceUser user) {
    try {
      return mapper.mapUser(user);
    } catch (RuntimeException e) {
      return new MappingResult.Rejected("mapping failed: " + e.getMessage(), List.of());
    }
  }

  private static MappingResult mapGroup(ResourceMapper mapper, SourceGroup group) {
    try {
      return mapper.mapGroup(group);
    } catch (RuntimeException e) {
      return new MappingResult.Rejected("mapping failed: " + e.getMessage(), List.of());
    }
  }
}
