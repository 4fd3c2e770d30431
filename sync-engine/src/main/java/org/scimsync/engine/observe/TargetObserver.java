package org.scimsync.engine.observe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import org.scimsync.engine.cache.RunCaches;
import org.scimsync.engine.concurrent.RunStoppedException;
import org.scimsync.engine.concurrent.TaskFailure;
import org.scimsync.engine.plan.DesiredGroup;
import org.scimsync.engine.plan.DesiredState;
import org.scimsync.engine.plan.DesiredUser;
import org.scimsync.engine.plan.ObservedState;
import org.scimsync.engine.plan.UserDiffs;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.DisplayNames;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetException;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetUser;

/**
 * Reads what the planner needs from the target: everything in a full run; in an incremental run
 * only the objects whose content changed or that are not linked yet (looked up by externalId, then
 * by name), so that an unchanged directory costs no request at all. A full run's listing can be
 * started before the desired state exists ({@link TargetListing}, {@link #observeListed}).
 *
 * <p>An incremental run does not read a linked object whose content changed either when the state
 * store holds the resource last pushed to it: that resource stands in for the target's, so the plan
 * patches exactly what changed since. Drift made behind the engine's back is left to the next full
 * run; an object deleted meanwhile makes its patch fail with 404, which drops the link.
 */
public final class TargetObserver {

  private final ScimTarget target;
  private final RunCaches caches;
  private final int parallelism;
  private final FailedLookups failed = new FailedLookups();

  /**
   * An observer of a target.
   *
   * @param caches where the resources last pushed to the linked objects are read from
   */
  public TargetObserver(ScimTarget target, RunCaches caches, int parallelism) {
    this.target = Objects.requireNonNull(target, "target");
    this.caches = Objects.requireNonNull(caches, "caches");
    this.parallelism = parallelism;
  }

  /**
   * The lookups of the observations so far that the target refused for one object each: apply them
   * to the desired state before planning ({@link FailedLookups#applyTo}), so that those objects are
   * held for this run instead of created or changed blind.
   */
  public FailedLookups failedLookups() {
    return failed;
  }

  /** Observes the target for a plan. */
  public ObservedState observe(
      DesiredState desired, StoredState stored, boolean full, boolean verifyMembers) {
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, daemon());
    try {
      List<TargetUser> users;
      List<TargetGroup> groups;
      if (full) {
        try (TargetListing listing = TargetListing.start(target)) {
          users = listing.users(() -> false);
          groups = listing.groups(() -> false);
        }
      } else {
        users = lookUpUsers(desired, stored, pool);
        groups = lookUpGroups(desired, stored, pool);
      }
      Map<String, Set<String>> memberships = verifyMembers ? verify(desired, stored, pool) : null;
      return new ObservedState(full, users, groups, memberships);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Observes the target for a full run from a listing started earlier (so that it could run while
   * the directory was read), verifying memberships when asked. While the rest is listed, each
   * linked user's differences with its desired content are worked out as it arrives ({@link
   * UserDiffs}), so that the plan does not start with them once the last page is in.
   *
   * @param stop polled while waiting for the listing
   * @throws RunStoppedException when {@code stop} was raised before the listing was complete
   */
  public ObservedState observeListed(
      TargetListing listing,
      DesiredState desired,
      StoredState stored,
      boolean verifyMembers,
      BooleanSupplier stop) {
    UserDiffs diffs = UserDiffs.forLinked(desired, stored);
    listing.feedUsers(diffs::add);
    List<TargetUser> users = listing.users(stop);
    List<TargetGroup> groups = listing.groups(stop);
    if (!verifyMembers) {
      return new ObservedState(true, users, groups, null, diffs);
    }
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, daemon());
    try {
      return new ObservedState(true, users, groups, verify(desired, stored, pool), diffs);
    } finally {
      pool.shutdownNow();
    }
  }

  private List<TargetUser> lookUpUsers(
      DesiredState desired, StoredState stored, ExecutorService pool) {
    List<DesiredUser> changed = new ArrayList<>();
    List<String> linkedKeys = new ArrayList<>();
    for (DesiredUser user : desired.users()) {
      if (!desired.onlyUserKeys().isEmpty() && !desired.onlyUserKeys().contains(user.key())) {
        continue;
      }
      Link link = stored.users().get(user.key());
      if (link != null && link.contentHash().equals(user.contentHash()) && !link.disabled()) {
        continue;
      }
      changed.add(user);
      if (link != null && !link.disabled()) {
        linkedKeys.add(user.key());
      }
    }
    List<Link> leavers = leavers(desired, stored);
    leavers.forEach(link -> linkedKeys.add(link.sourceKey()));
    Map<String, ObjectNode> pushed = pushedResources(ObjectKind.USER, linkedKeys);
    List<TargetUser> found = new ArrayList<>();
    List<CompletableFuture<Optional<TargetUser>>> lookups = new ArrayList<>();
    for (DesiredUser user : changed) {
      Link link = stored.users().get(user.key());
      TargetUser last = link == null ? null : LastPushed.user(link, pushed.get(user.key()), true);
      if (last != null) {
        found.add(last);
        continue;
      }
      lookups.add(
          CompletableFuture.supplyAsync(
              () ->
                  failed.user(
                      user.key(),
                      user.userName(),
                      () -> {
                        Optional<TargetUser> match = target.findUserByExternalId(user.key());
                        return match.isPresent() || link != null
                            ? match
                            : target.findUserByUserName(user.userName());
                      }),
              pool));
    }
    // A newcomer may take over a leaver's target user by userName; only a read says it still
    // exists.
    Set<String> newcomerNames = new HashSet<>();
    for (DesiredUser user : changed) {
      if (!stored.users().containsKey(user.key())) {
        newcomerNames.add(user.userName().toLowerCase(Locale.ROOT));
      }
    }
    for (Link link : leavers) {
      TargetUser last = LastPushed.user(link, pushed.get(link.sourceKey()), false);
      if (last != null && !newcomerNames.contains(last.userName().toLowerCase(Locale.ROOT))) {
        found.add(last);
        continue;
      }
      lookups.add(
          CompletableFuture.supplyAsync(
              () ->
                  failed.user(
                      link.sourceKey(),
                      link.sourceKey(),
                      () ->
                          target
                              .findUserByExternalId(link.sourceKey())
                              .filter(user -> user.id().equals(link.targetId()))),
              pool));
    }
    found.addAll(present(lookups));
    return found;
  }

  /**
   * The managed users that left the directory or the scope. The plan names them by userName rather
   * than by source key: from the resource last pushed to them, else looked up by {@code externalId}
   * (one read per such leaver). A leaver whose userName a new user of the directory has is looked
   * up too: the planner moves the link to the newcomer only if that target user still exists. A
   * targeted run has no leavers.
   */
  private static List<Link> leavers(DesiredState desired, StoredState stored) {
    if (!desired.onlyUserKeys().isEmpty()) {
      return List.of();
    }
    Set<String> present = new HashSet<>(desired.heldUserKeys());
    desired.users().forEach(user -> present.add(user.key()));
    List<Link> leavers = new ArrayList<>();
    for (Link link : stored.users().values()) {
      if (!present.contains(link.sourceKey())) {
        leavers.add(link);
      }
    }
    return leavers;
  }

  private List<TargetGroup> lookUpGroups(
      DesiredState desired, StoredState stored, ExecutorService pool) {
    List<DesiredGroup> changed = new ArrayList<>();
    List<String> linkedKeys = new ArrayList<>();
    for (DesiredGroup group : desired.groups()) {
      Link link = stored.groups().get(group.key());
      if (link != null && link.contentHash().equals(group.contentHash())) {
        continue;
      }
      changed.add(group);
      if (link != null) {
        linkedKeys.add(group.key());
      }
    }
    Map<String, ObjectNode> pushed = pushedResources(ObjectKind.GROUP, linkedKeys);
    List<TargetGroup> found = new ArrayList<>();
    List<CompletableFuture<Optional<TargetGroup>>> lookups = new ArrayList<>();
    // Names a displayName filter may not carry (non-ASCII: AWS answers 400) are matched against
    // one listing of the groups, for all of them at once, when their externalId found nothing.
    Map<DesiredGroup, CompletableFuture<Optional<TargetGroup>>> byListing = new LinkedHashMap<>();
    for (DesiredGroup group : changed) {
      Link link = stored.groups().get(group.key());
      TargetGroup last = link == null ? null : LastPushed.group(link, pushed.get(group.key()));
      if (last != null) {
        found.add(last);
        continue;
      }
      boolean filterable = DisplayNames.filterable(group.displayName());
      CompletableFuture<Optional<TargetGroup>> lookup =
          CompletableFuture.supplyAsync(
              () ->
                  failed.group(
                      group.key(),
                      group.displayName(),
                      () -> {
                        Optional<TargetGroup> match = target.findGroupByExternalId(group.key());
                        return match.isPresent() || link != null || !filterable
                            ? match
                            : target.findGroupByDisplayName(group.displayName());
                      }),
              pool);
      lookups.add(lookup);
      if (link == null && !filterable) {
        byListing.put(group, lookup);
      }
    }
    found.addAll(present(lookups));
    found.addAll(fromListing(byListing));
    return found;
  }

  /**
   * The groups whose externalId lookup found nothing and whose name no filter may carry, matched by
   * name in one listing of the target's groups.
   */
  private List<TargetGroup> fromListing(
      Map<DesiredGroup, CompletableFuture<Optional<TargetGroup>>> lookups) {
    List<DesiredGroup> unmatched = new ArrayList<>();
    lookups.forEach(
        (group, lookup) -> {
          if (join(lookup).isEmpty() && !failed.groupKeys().contains(group.key())) {
            unmatched.add(group);
          }
        });
    if (unmatched.isEmpty()) {
      return List.of();
    }
    Map<String, TargetGroup> byName =
        DisplayNames.matching(
            target.groups(), unmatched.stream().map(DesiredGroup::displayName).toList());
    Map<String, TargetGroup> found = new LinkedHashMap<>();
    for (DesiredGroup group : unmatched) {
      TargetGroup match = byName.get(group.displayName());
      if (match != null) {
        found.putIfAbsent(match.id(), match);
      }
    }
    return List.copyOf(found.values());
  }

  /** The resources last pushed to these linked objects, in one store read; none for no keys. */
  private Map<String, ObjectNode> pushedResources(ObjectKind kind, List<String> keys) {
    return caches.pushedResources(kind, keys);
  }

  private Map<String, Set<String>> verify(
      DesiredState desired, StoredState stored, ExecutorService pool) {
    Map<String, CompletableFuture<Optional<Set<String>>>> reads = new HashMap<>();
    for (Link link : stored.users().values()) {
      if (!desired.onlyUserKeys().isEmpty() && !desired.onlyUserKeys().contains(link.sourceKey())) {
        continue;
      }
      reads.put(
          link.targetId(),
          CompletableFuture.supplyAsync(
              () ->
                  failed.memberships(
                      link.sourceKey(),
                      () -> {
                        try {
                          return Optional.of(target.groupIdsOfUser(link.targetId()));
                        } catch (TargetException e) {
                          if (e.kind() == TargetException.Kind.NOT_FOUND) {
                            return Optional.empty();
                          }
                          throw e;
                        }
                      }),
              pool));
    }
    Map<String, Set<String>> memberships = new HashMap<>();
    reads.forEach((id, read) -> join(read).ifPresent(groups -> memberships.put(id, groups)));
    return memberships;
  }

  private static <T> List<T> present(List<CompletableFuture<Optional<T>>> lookups) {
    List<T> found = new ArrayList<>();
    for (CompletableFuture<Optional<T>> lookup : lookups) {
      join(lookup).ifPresent(found::add);
    }
    return found;
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw TaskFailure.unwrap(e, "a target read failed");
    }
  }

  private static ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "scim-sync-observe");
      thread.setDaemon(true);
      return thread;
    };
  }
}
