package org.scimsync.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.scimsync.emulator.EmulatorState;

/**
 * The in-memory users and groups with their indexes and memberships. Every operation is atomic:
 * reads share a read lock, writes (including the uniqueness checks) hold the write lock. JSON
 * parsing and validation of request bodies happens outside the lock, in the callers.
 */
public final class Directory {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final UserTable users;
  private final GroupTable groups = new GroupTable();
  private final ResourceDocuments documents = new ResourceDocuments();
  private long nextSeq = 1;

  /**
   * Creates an empty directory.
   *
   * @param uniqueEmails whether email values must be unique across users (AWS)
   */
  public Directory(boolean uniqueEmails) {
    this.users = new UserTable(uniqueEmails);
  }

  // ---------------------------------------------------------------- users

  /** Creates a user from validated attributes (no id, no meta); 409 on a duplicate. */
  public StoredUser createUser(ObjectNode attributes) {
    return write(
        () -> {
          StoredUser user = documents.user(nextSeq, UUID.randomUUID().toString(), attributes, null);
          if (users.conflicts(user)) {
            throw ScimProblem.duplicate();
          }
          nextSeq++;
          users.put(user);
          return user;
        });
  }

  /**
   * Replaces a user's attributes with what {@code edit} makes of a copy of the current ones; 404 if
   * absent, 409 if the result duplicates another user. {@code edit} may throw {@link ScimProblem},
   * which leaves the user unchanged.
   */
  public StoredUser updateUser(String id, UnaryOperator<ObjectNode> edit) {
    return write(
        () -> {
          StoredUser old = requireUser(id);
          ObjectNode current = documents.parse(old.json());
          String created = current.path("meta").path("created").asText();
          ObjectNode updated = edit.apply(ResourceDocuments.attributesOf(current));
          StoredUser user = documents.user(old.seq(), id, updated, created);
          if (users.conflicts(user)) {
            throw ScimProblem.duplicate();
          }
          users.put(user);
          return user;
        });
  }

  /**
   * Deletes a user and, unless {@code keepMemberships}, its memberships; 404 if absent. Kept
   * memberships name a user that no longer exists until a group edit removes them.
   */
  public void deleteUser(String id, boolean keepMemberships) {
    write(
        () -> {
          requireUser(id);
          users.remove(id);
          if (!keepMemberships) {
            groups.removeUserEverywhere(id);
          }
          return id;
        });
  }

  /** The user with this id, if any. */
  public @Nullable StoredUser user(String id) {
    return read(() -> users.byId(id));
  }

  /** Whether a user with this id exists. */
  public boolean userExists(String id) {
    return user(id) != null;
  }

  /** One page of users in creation order, after the given sequence number. */
  public Slice<StoredUser> users(Selection selection, long afterSeq, int skip, int limit) {
    return read(
        () -> {
          if (selection instanceof Selection.Terms terms) {
            return Pages.matching(
                users.candidates(terms, groups),
                u -> users.matches(u, terms, groups),
                StoredUser::seq,
                afterSeq,
                skip,
                limit);
          }
          if (selection instanceof Selection.Scan scan) {
            return Pages.matching(
                users.all(),
                u -> scan.predicate().test(documents.parse(u.json())),
                StoredUser::seq,
                afterSeq,
                skip,
                limit);
          }
          return Pages.page(
              users.inOrder().tailMap(afterSeq, false).values(), users.size(), skip, limit);
        });
  }

  private StoredUser requireUser(String id) {
    StoredUser user = users.byId(id);
    if (user == null) {
      throw ScimProblem.notFound("User " + id + " not found.");
    }
    return user;
  }

  // ---------------------------------------------------------------- groups

  /** Creates a group whose draft {@code build} fills in; 404 for unknown members, 409 dup. */
  public GroupView createGroup(Consumer<GroupDraft> build) {
    return write(
        () -> {
          GroupDraft draft = new GroupDraft(documents.emptyObject(), List.of(), users::byId);
          build.accept(draft);
          StoredGroup group =
              documents.group(nextSeq, UUID.randomUUID().toString(), draft.attributes(), null);
          return commitGroup(group, draft, true);
        });
  }

  /**
   * Edits a group through a draft; 404 if absent or for unknown added members (a member it already
   * has is kept even if its user is gone), 409 on a duplicate.
   */
  public GroupView updateGroup(String id, Consumer<GroupDraft> edit) {
    return write(
        () -> {
          StoredGroup old = requireGroup(id);
          ObjectNode current = documents.parse(old.json());
          String created = current.path("meta").path("created").asText();
          GroupDraft draft =
              new GroupDraft(
                  ResourceDocuments.attributesOf(current), groups.members(id), users::byId);
          edit.accept(draft);
          StoredGroup group = documents.group(old.seq(), id, draft.attributes(), created);
          return commitGroup(group, draft, false);
        });
  }

  private GroupView commitGroup(StoredGroup group, GroupDraft draft, boolean created) {
    Set<String> current = groups.members(group.id());
    for (String member : draft.members()) {
      if (!current.contains(member) && users.byId(member) == null) {
        throw ScimProblem.notFound("Member user " + member + " not found.");
      }
    }
    if (groups.conflicts(group)) {
      throw ScimProblem.duplicate();
    }
    if (created) {
      nextSeq++;
    }
    groups.put(group);
    for (String member : List.copyOf(groups.members(group.id()))) {
      if (!draft.members().contains(member)) {
        groups.removeMember(group.id(), member);
      }
    }
    draft.members().forEach(member -> groups.addMember(group.id(), member));
    return new GroupView(group, List.copyOf(groups.members(group.id())));
  }

  /** Deletes a group; 404 if absent. */
  public void deleteGroup(String id) {
    write(
        () -> {
          requireGroup(id);
          groups.remove(id);
          return id;
        });
  }

  /** The group with this id and, if asked, its members. */
  public @Nullable GroupView group(String id, boolean withMembers) {
    return read(
        () -> {
          StoredGroup group = groups.byId(id);
          return group == null ? null : view(group, withMembers);
        });
  }

  /** One page of groups in creation order, after the given sequence number. */
  public Slice<GroupView> groups(
      Selection selection, long afterSeq, int skip, int limit, boolean withMembers) {
    return read(
        () -> {
          Slice<StoredGroup> slice;
          if (selection instanceof Selection.Terms terms) {
            slice =
                Pages.matching(
                    groups.candidates(terms),
                    g -> groups.matches(g, terms),
                    StoredGroup::seq,
                    afterSeq,
                    skip,
                    limit);
          } else if (selection instanceof Selection.Scan scan) {
            slice =
                Pages.matching(
                    groups.all(),
                    g -> scan.predicate().test(documents.groupJson(view(g, true))),
                    StoredGroup::seq,
                    afterSeq,
                    skip,
                    limit);
          } else {
            slice =
                Pages.page(
                    groups.inOrder().tailMap(afterSeq, false).values(), groups.size(), skip, limit);
          }
          List<GroupView> views = new ArrayList<>(slice.items().size());
          slice.items().forEach(g -> views.add(view(g, withMembers)));
          return new Slice<>(views, slice.hasMore(), slice.total());
        });
  }

  private GroupView view(StoredGroup group, boolean withMembers) {
    return new GroupView(group, withMembers ? List.copyOf(groups.members(group.id())) : List.of());
  }

  private StoredGroup requireGroup(String id) {
    StoredGroup group = groups.byId(id);
    if (group == null) {
      throw ScimProblem.notFound("Group " + id + " not found.");
    }
    return group;
  }

  // ---------------------------------------------------------------- whole state

  /** Drops all users and groups. */
  public void clear() {
    write(
        () -> {
          users.clear();
          groups.clear();
          return this;
        });
  }

  /** Counts of users, groups and memberships, read atomically. */
  public long[] counts() {
    return read(
        () -> {
          long memberships = 0;
          for (StoredGroup group : groups.all()) {
            memberships += groups.members(group.id()).size();
          }
          return new long[] {users.size(), groups.size(), memberships};
        });
  }

  /** An immutable copy of everything, with the real members. */
  public EmulatorState snapshot() {
    return read(
        () -> {
          List<EmulatorState.User> userCopies = new ArrayList<>(users.size());
          for (StoredUser u : users.all()) {
            userCopies.add(
                new EmulatorState.User(
                    u.id(), u.userName(), u.externalId(), u.active(), documents.parse(u.json())));
          }
          List<EmulatorState.Group> groupCopies = new ArrayList<>(groups.size());
          for (StoredGroup g : groups.all()) {
            groupCopies.add(
                new EmulatorState.Group(
                    g.id(), g.displayName(), g.externalId(), Set.copyOf(groups.members(g.id()))));
          }
          return new EmulatorState(userCopies, groupCopies);
        });
  }

  // ---------------------------------------------------------------- paging and locking

  private <T> T read(Supplier<T> action) {
    lock.readLock().lock();
    try {
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private <T> T write(Supplier<T> action) {
    lock.writeLock().lock();
    try {
      return action.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Parses stored JSON bytes (for callers rendering a resource). */
  public JsonNode parse(byte[] json) {
    return documents.parse(json);
  }
}
