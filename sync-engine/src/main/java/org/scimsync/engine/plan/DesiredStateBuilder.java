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

  private DesiredStateBuilder() {}

  /** Builds the desired state of a snapshot. */
  public static DesiredState build(
      DirectorySnapshot snapshot, ResourceMapper mapper, Set<String> onlyUserKeys) {
    List<String> warnings = new ArrayList<>(snapshot.warnings());
    List<DesiredUser> users = new ArrayList<>();
    Set<String> heldUsers = new HashSet<>();
    Map<String, String> userNames = new HashMap<>();
    for (SourceUser user : snapshot.users()) {
      MappingResult outcome = mapUser(mapper, user);
      if (outcome instanceof MappingResult.Mapped mapped) {
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
        users.add(
            new DesiredUser(
                user.key(), userName, mapped.resource(), ContentHash.of(mapped.resource())));
      } else if (outcome instanceof MappingResult.Rejected rejected) {
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
    for (SourceGroup group : snapshot.groups()) {
      MappingResult outcome = mapGroup(mapper, group);
      if (outcome instanceof MappingResult.Mapped mapped) {
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
        groups.add(
            new DesiredGroup(
                group.key(), name, mapped.resource(), ContentHash.of(mapped.resource()), members));
      } else if (outcome instanceof MappingResult.Rejected rejected) {
        heldGroups.add(group.key());
        warnings.add("group " + group.key() + " skipped: " + rejected.reason());
        rejected.warnings().forEach(w -> warnings.add("group " + group.key() + ": " + w));
      }
    }
    return new DesiredState(
        users, groups, heldUsers, heldGroups, snapshot.userCount(), warnings, onlyUserKeys);
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
