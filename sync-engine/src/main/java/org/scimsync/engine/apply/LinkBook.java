package org.scimsync.engine.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.StateStore;
import org.scimsync.engine.state.StoredState;

/**
 * The links and pushed memberships as they evolve during one run: source keys resolved to target
 * ids as objects are created or adopted, written through to the state store.
 */
final class LinkBook {

  private final StateStore store;
  private final Clock clock;
  private final Map<String, String> userIds = new ConcurrentHashMap<>();
  private final Map<String, String> groupIds = new ConcurrentHashMap<>();
  private final Map<String, String> userOwners = new ConcurrentHashMap<>();
  private final Map<String, String> groupOwners = new ConcurrentHashMap<>();
  private final StoredState atStart;
  private final Map<String, Set<String>> membershipsAtStart;
  private @Nullable Map<String, Set<String>> groupsOfUser;

  LinkBook(StateStore store, StoredState stored, Clock clock) {
    this.store = store;
    this.clock = clock;
    stored.users().values().forEach(l -> put(l, userIds, userOwners));
    stored.groups().values().forEach(l -> put(l, groupIds, groupOwners));
    this.atStart = stored;
    this.membershipsAtStart = stored.memberships();
  }

  private static void put(Link link, Map<String, String> ids, Map<String, String> owners) {
    ids.put(link.sourceKey(), link.targetId());
    owners.put(link.targetId(), link.sourceKey());
  }

  @Nullable String userId(String key) {
    return userIds.get(key);
  }

  @Nullable String groupId(String key) {
    return groupIds.get(key);
  }

  /** The source key linked to a target object, or null. */
  @Nullable String owner(ObjectKind kind, String targetId) {
    return (kind == ObjectKind.USER ? userOwners : groupOwners).get(targetId);
  }

  /**
   * Links {@code key} to {@code targetId}; a link of another key to the same object is dropped (the
   * object moved to a new source key), with the group's pushed memberships moved along.
   *
   * @param pushed the resource the object was just created, patched or adopted with, recorded as
   *     its last pushed resource; null to keep what the store recorded for this object
   */
  void link(
      ObjectKind kind,
      String key,
      String targetId,
      String contentHash,
      boolean disabled,
      @Nullable ObjectNode pushed) {
    Map<String, String> ids = kind == ObjectKind.USER ? userIds : groupIds;
    Map<String, String> owners = kind == ObjectKind.USER ? userOwners : groupOwners;
    String previousOwner = owners.put(targetId, key);
    ids.put(key, targetId);
    Link link = new Link(kind, key, targetId, contentHash, disabled, clock.instant());
    if (pushed != null) {
      store.saveLink(link, pushed);
    } else {
      store.saveLink(link);
    }
    if (previousOwner != null && !previousOwner.equals(key)) {
      ids.remove(previousOwner, targetId);
      store.deleteLink(kind, previousOwner);
      Set<String> moved = membershipsAtStart.get(previousOwner);
      if (kind == ObjectKind.GROUP && moved != null && !moved.isEmpty()) {
        store.addMemberships(key, moved);
        store.removeMemberships(previousOwner, moved);
      }
    }
  }

  /** Forgets a deleted or vanished object, and the memberships recorded for it. */
  void forget(ObjectKind kind, String key) {
    Map<String, String> ids = kind == ObjectKind.USER ? userIds : groupIds;
    String targetId = ids.remove(key);
    if (targetId != null) {
      (kind == ObjectKind.USER ? userOwners : groupOwners).remove(targetId, key);
    }
    store.deleteLink(kind, key);
    if (kind == ObjectKind.GROUP) {
      Set<String> members = membershipsAtStart.get(key);
      if (members != null && !members.isEmpty()) {
        store.removeMemberships(key, members);
      }
    } else {
      forgetMembershipsOf(key);
    }
  }

  /**
   * Forgets the memberships recorded for a user: a user just created is in no group yet, whatever
   * was recorded for its key (a user deleted in the target took its memberships with it).
   */
  void forgetMembershipsOf(String userKey) {
    for (String group : groupsAtStart().getOrDefault(userKey, Set.of())) {
      store.removeMemberships(group, List.of(userKey));
    }
  }

  /**
   * The groups each user was recorded in at the start, indexed once per run on first use, so that
   * forgetting the memberships of many users costs their memberships, not users times groups.
   */
  private synchronized Map<String, Set<String>> groupsAtStart() {
    Map<String, Set<String>> index = groupsOfUser;
    if (index == null) {
      index = atStart.groupsOfUsers();
      groupsOfUser = index;
    }
    return index;
  }

  /** Resolves user keys to target ids; the keys without an id are returned in {@code missing}. */
  List<String> resolveUsers(List<String> keys, List<String> resolvedKeys, List<String> missing) {
    List<String> ids = new ArrayList<>(keys.size());
    Set<String> seen = new HashSet<>();
    for (String key : keys) {
      String id = userIds.get(key);
      if (id == null) {
        missing.add(key);
      } else if (seen.add(id)) {
        ids.add(id);
        resolvedKeys.add(key);
      }
    }
    return ids;
  }
}
