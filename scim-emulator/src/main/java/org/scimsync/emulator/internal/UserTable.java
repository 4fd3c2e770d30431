package org.scimsync.emulator.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Users in creation order with unique indexes on user name (case-insensitive), external id and
 * (when enabled) email, and a lookup by manager. Not thread-safe: the {@link Directory} guards it.
 */
final class UserTable {
  private final boolean uniqueEmails;
  private final NavigableMap<Long, StoredUser> bySeq = new TreeMap<>();
  private final Map<String, StoredUser> byId = new HashMap<>();
  private final Map<String, String> idByUserName = new HashMap<>();
  private final Map<String, String> idByExternalId = new HashMap<>();
  private final Map<String, String> idByEmail = new HashMap<>();
  private final Map<String, Set<String>> idsByManager = new HashMap<>();

  UserTable(boolean uniqueEmails) {
    this.uniqueEmails = uniqueEmails;
  }

  static String key(String value) {
    return value.toLowerCase(Locale.ROOT);
  }

  /** Whether storing {@code candidate} would duplicate another user's unique value. */
  boolean conflicts(StoredUser candidate) {
    if (taken(idByUserName.get(key(candidate.userName())), candidate.id())) {
      return true;
    }
    if (candidate.externalId() != null
        && taken(idByExternalId.get(candidate.externalId()), candidate.id())) {
      return true;
    }
    if (uniqueEmails) {
      for (String email : candidate.emails()) {
        if (taken(idByEmail.get(email), candidate.id())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean taken(@Nullable String holder, String self) {
    return holder != null && !holder.equals(self);
  }

  void put(StoredUser user) {
    remove(user.id());
    bySeq.put(user.seq(), user);
    byId.put(user.id(), user);
    idByUserName.put(key(user.userName()), user.id());
    if (user.externalId() != null) {
      idByExternalId.put(user.externalId(), user.id());
    }
    if (uniqueEmails) {
      user.emails().forEach(email -> idByEmail.put(email, user.id()));
    }
    if (user.managerId() != null) {
      idsByManager.computeIfAbsent(user.managerId(), k -> new HashSet<>()).add(user.id());
    }
  }

  @Nullable StoredUser remove(String id) {
    StoredUser old = byId.remove(id);
    if (old == null) {
      return null;
    }
    bySeq.remove(old.seq());
    idByUserName.remove(key(old.userName()));
    if (old.externalId() != null) {
      idByExternalId.remove(old.externalId());
    }
    if (uniqueEmails) {
      old.emails().forEach(idByEmail::remove);
    }
    if (old.managerId() != null) {
      Set<String> reports = idsByManager.get(old.managerId());
      if (reports != null) {
        reports.remove(id);
        if (reports.isEmpty()) {
          idsByManager.remove(old.managerId());
        }
      }
    }
    return old;
  }

  @Nullable StoredUser byId(String id) {
    return byId.get(id);
  }

  @Nullable StoredUser byUserName(String userName) {
    String id = idByUserName.get(key(userName));
    return id == null ? null : byId.get(id);
  }

  @Nullable StoredUser byExternalId(String externalId) {
    String id = idByExternalId.get(externalId);
    return id == null ? null : byId.get(id);
  }

  Set<String> idsByManager(String managerId) {
    return idsByManager.getOrDefault(managerId, Set.of());
  }

  NavigableMap<Long, StoredUser> inOrder() {
    return bySeq;
  }

  Collection<StoredUser> all() {
    return bySeq.values();
  }

  int size() {
    return bySeq.size();
  }

  void clear() {
    bySeq.clear();
    byId.clear();
    idByUserName.clear();
    idByExternalId.clear();
    idByEmail.clear();
    idsByManager.clear();
  }

  Collection<StoredUser> candidates(Selection.Terms terms, GroupTable groups) {
    for (Selection.Term term : terms.terms()) {
      switch (term.field()) {
        case ID:
          return Pages.single(byId(term.value()));
        case USER_NAME:
          return Pages.single(byUserName(term.value()));
        case EXTERNAL_ID:
          return Pages.single(byExternalId(term.value()));
        case GROUP:
          return resolve(groups.members(term.value()));
        case MANAGER:
          return resolve(idsByManager(term.value()));
        default:
          break;
      }
    }
    return all();
  }

  private List<StoredUser> resolve(Set<String> ids) {
    List<StoredUser> result = new ArrayList<>(ids.size());
    for (String id : ids) {
      StoredUser user = byId(id);
      if (user != null) {
        result.add(user);
      }
    }
    return result;
  }

  boolean matches(StoredUser user, Selection.Terms terms, GroupTable groups) {
    for (Selection.Term term : terms.terms()) {
      boolean ok =
          switch (term.field()) {
            case ID -> user.id().equals(term.value());
            case USER_NAME -> user.userName().equalsIgnoreCase(term.value());
            case EXTERNAL_ID -> term.value().equals(user.externalId());
            case GROUP -> groups.members(term.value()).contains(user.id());
            case MANAGER -> term.value().equals(user.managerId());
            case DISPLAY_NAME, MEMBER -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
