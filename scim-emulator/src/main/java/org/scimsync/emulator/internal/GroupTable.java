package org.scimsync.emulator.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Groups in creation order with unique indexes on display name (case-insensitive) and external id,
 * their members, and the reverse index user to groups. Not thread-safe: the {@link Directory}
 * guards it.
 */
final class GroupTable {
  private final NavigableMap<Long, StoredGroup> bySeq = new TreeMap<>();
  private final Map<String, StoredGroup> byId = new HashMap<>();
  private final Map<String, String> idByDisplayName = new HashMap<>();
  private final Map<String, String> idByExternalId = new HashMap<>();
  private final Map<String, Set<String>> membersByGroup = new HashMap<>();
  private final Map<String, Set<String>> groupsByUser = new HashMap<>();

  boolean conflicts(StoredGroup candidate) {
    String holder = idByDisplayName.get(UserTable.key(candidate.displayName()));
    if (holder != null && !holder.equals(candidate.id())) {
      return true;
    }
    if (candidate.externalId() != null) {
      holder = idByExternalId.get(candidate.externalId());
      return holder != null && !holder.equals(candidate.id());
    }
    return false;
  }

  /** Stores or replaces a group, keeping its members. */
  void put(StoredGroup group) {
    StoredGroup old = byId.put(group.id(), group);
    if (old != null) {
      bySeq.remove(old.seq());
      idByDisplayName.remove(UserTable.key(old.displayName()));
      if (old.externalId() != null) {
        idByExternalId.remove(old.externalId());
      }
    } else {
      membersByGroup.put(group.id(), new LinkedHashSet<>());
    }
    bySeq.put(group.seq(), group);
    idByDisplayName.put(UserTable.key(group.displayName()), group.id());
    if (group.externalId() != null) {
      idByExternalId.put(group.externalId(), group.id());
    }
  }

  @Nullable StoredGroup remove(String id) {
    StoredGroup old = byId.remove(id);
    if (old == null) {
      return null;
    }
    bySeq.remove(old.seq());
    idByDisplayName.remove(UserTable.key(old.displayName()));
    if (old.externalId() != null) {
      idByExternalId.remove(old.externalId());
    }
    for (String userId : membersByGroup.remove(id)) {
      unlinkReverse(userId, id);
    }
    return old;
  }

  boolean addMember(String groupId, String userId) {
    if (membersByGroup.get(groupId).add(userId)) {
      groupsByUser.computeIfAbsent(userId, k -> new HashSet<>()).add(groupId);
      return true;
    }
    return false;
  }

  boolean removeMember(String groupId, String userId) {
    if (membersByGroup.get(groupId).remove(userId)) {
      unlinkReverse(userId, groupId);
      return true;
    }
    return false;
  }

  /** Removes a user from every group it belongs to. */
  void removeUserEverywhere(String userId) {
    Set<String> groups = groupsByUser.remove(userId);
    if (groups != null) {
      groups.forEach(groupId -> membersByGroup.get(groupId).remove(userId));
    }
  }

  private void unlinkReverse(String userId, String groupId) {
    Set<String> groups = groupsByUser.get(userId);
    if (groups != null) {
      groups.remove(groupId);
      if (groups.isEmpty()) {
        groupsByUser.remove(userId);
      }
    }
  }

  @Nullable StoredGroup byId(String id) {
    return byId.get(id);
  }

  @Nullable StoredGroup byDisplayName(String displayName) {
    String id = idByDisplayName.get(UserTable.key(displayName));
    return id == null ? null : byId.get(id);
  }

  @Nullable StoredGroup byExternalId(String externalId) {
    String id = idByExternalId.get(externalId);
    return id == null ? null : byId.get(id);
  }

  /** The members of a group, in the order they were added (live view; copy before leaving). */
  Set<String> members(String groupId) {
    return membersByGroup.getOrDefault(groupId, Set.of());
  }

  Set<String> groupsOf(String userId) {
    return groupsByUser.getOrDefault(userId, Set.of());
  }

  NavigableMap<Long, StoredGroup> inOrder() {
    return bySeq;
  }

  Collection<StoredGroup> all() {
    return bySeq.values();
  }

  int size() {
    return bySeq.size();
  }

  void clear() {
    bySeq.clear();
    byId.clear();
    idByDisplayName.clear();
    idByExternalId.clear();
    membersByGroup.clear();
    groupsByUser.clear();
  }

  Collection<StoredGroup> candidates(Selection.Terms terms) {
    for (Selection.Term term : terms.terms()) {
      switch (term.field()) {
        case ID:
          return Pages.single(byId(term.value()));
        case DISPLAY_NAME:
          return Pages.single(byDisplayName(term.value()));
        case EXTERNAL_ID:
          return Pages.single(byExternalId(term.value()));
        case MEMBER:
          List<StoredGroup> result = new ArrayList<>();
          for (String id : groupsOf(term.value())) {
            StoredGroup group = byId(id);
            if (group != null) {
              result.add(group);
            }
          }
          return result;
        default:
          break;
      }
    }
    return all();
  }

  boolean matches(StoredGroup group, Selection.Terms terms) {
    for (Selection.Term term : terms.terms()) {
      boolean ok =
          switch (term.field()) {
            case ID -> group.id().equals(term.value());
            case DISPLAY_NAME -> group.displayName().equalsIgnoreCase(term.value());
            case EXTERNAL_ID -> term.value().equals(group.externalId());
            case MEMBER -> members(group.id()).contains(term.value());
            case USER_NAME, GROUP, MANAGER -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
