package org.scimsync.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
import org.scimsync.engine.plan.DesiredGroup;
import org.scimsync.engine.plan.DesiredState;
import org.scimsync.engine.plan.DesiredUser;
import org.scimsync.engine.plan.ObservedState;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetException;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetUser;

/**
 * Reads what the planner needs from the target: everything in a full run; in an incremental run
 * only the objects whose content changed or that are not linked yet (looked up by externalId, then
 * by name), so that an unchanged directory costs no request at all. A full run's listing can be
 * started before the desired state exists ({@link TargetListing}, {@link #observeListed}).
 */
public final class TargetObserver {

  private final ScimTarget target;
  private final int parallelism;

  public TargetObserver(ScimTarget target, int parallelism) {
    this.target = Objects.requireNonNull(target, "target");
    this.parallelism = parallelism;
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
   * the directory was read), verifying memberships when asked.
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
    List<TargetUser> users = listing.users(stop);
    List<TargetGroup> groups = listing.groups(stop);
    if (!verifyMembers) {
      return new ObservedState(true, users, groups, null);
    }
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, daemon());
    try {
      return new ObservedState(true, users, groups, verify(desired, stored, pool));
    } finally {
      pool.shutdownNow();
    }
  }

  private List<TargetUser> lookUpUsers(
      DesiredState desired, StoredState stored, ExecutorService pool) {
    List<CompletableFuture<Optional<TargetUser>>> lookups = new ArrayList<>();
    for (DesiredUser user : desired.users()) {
      if (!desired.onlyUserKeys().isEmpty() && !desired.onlyUserKeys().contains(user.key())) {
        continue;
      }
      Link link = stored.users().get(user.key());
      if (link != null && link.contentHash().equals(user.contentHash()) && !link.disabled()) {
        continue;
      }
      lookups.add(
          CompletableFuture.supplyAsync(
              () -> {
                Optional<TargetUser> found = target.findUserByExternalId(user.key());
                return found.isPresent() || link != null
                    ? found
                    : target.findUserByUserName(user.userName());
              },
              pool));
    }
    lookups.addAll(lookUpLeavers(desired, stored, pool));
    return present(lookups);
  }

  /**
   * The managed users that left the directory or the scope, looked up by {@code externalId} (one
   * read per leaver, none on a run without leavers), so that the plan names them by userName rather
   * than by source key. A targeted run has no leavers.
   */
  private List<CompletableFuture<Optional<TargetUser>>> lookUpLeavers(
      DesiredState desired, StoredState stored, ExecutorService pool) {
    if (!desired.onlyUserKeys().isEmpty()) {
      return List.of();
    }
    Set<String> present = new HashSet<>(desired.heldUserKeys());
    desired.users().forEach(user -> present.add(user.key()));
    List<CompletableFuture<Optional<TargetUser>>> lookups = new ArrayList<>();
    for (Link link : stored.users().values()) {
      if (!present.contains(link.sourceKey())) {
        lookups.add(
            CompletableFuture.supplyAsync(
                () ->
                    target
                        .findUserByExternalId(link.sourceKey())
                        .filter(user -> user.id().equals(link.targetId())),
                pool));
      }
    }
    return lookups;
  }

  private List<TargetGroup> lookUpGroups(
      DesiredState desired, StoredState stored, ExecutorService pool) {
    List<CompletableFuture<Optional<TargetGroup>>> lookups = new ArrayList<>();
    for (DesiredGroup group : desired.groups()) {
      Link link = stored.groups().get(group.key());
      if (link != null && link.contentHash().equals(group.contentHash())) {
        continue;
      }
      lookups.add(
          CompletableFuture.supplyAsync(
              () -> {
                Optional<TargetGroup> found = target.findGroupByExternalId(group.key());
                return found.isPresent() || link != null
                    ? found
                    : target.findGroupByDisplayName(group.displayName());
              },
              pool));
    }
    return present(lookups);
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
              () -> {
                try {
                  return Optional.of(target.groupIdsOfUser(link.targetId()));
                } catch (TargetException e) {
                  if (e.kind() == TargetException.Kind.NOT_FOUND) {
                    return Optional.empty();
                  }
                  throw e;
                }
              },
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
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
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
