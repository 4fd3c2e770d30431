package org.scimsync.engine.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.engine.state.MappingMemo;
import org.scimsync.mapping.MappingResult;

/**
 * Turns a directory snapshot into the desired state: scoping and mapping through the {@link
 * ResourceMapper}, content hashes, and the members of each group restricted to the users in scope.
 * An entry that cannot be mapped is held and reported; the others go on, unless every entry in
 * scope failed the same way (see {@link #build(DirectorySnapshot, ResourceMapper, Set,
 * MappingMemo)}).
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
    return build(snapshot, mapper, onlyUserKeys, (MappingMemo) null).desired();
  }

  /**
   * Builds the desired state of a snapshot, mapping on {@code threads} threads (the caller's
   * included); the mapper must be safe for use by several threads, as {@link ResourceMapper}
   * requires. Warnings, users and groups come in source order whatever the number of threads.
   */
  public static DesiredState build(
      DirectorySnapshot snapshot, ResourceMapper mapper, Set<String> onlyUserKeys, int threads) {
    return build(snapshot, mapper, onlyUserKeys, null, threads).desired();
  }

  /**
   * Builds the desired state of a snapshot with what users mapped to in earlier runs: a user whose
   * source fingerprint is the memo's is not mapped (its resource is mapped when a plan needs it).
   * Gives the memo's update too: the users mapped now, and the users it should forget.
   *
   * @param memo what users mapped to under the mapper's {@link ResourceMapper#rulesFingerprint()
   *     rules}; null when the mapper has no fingerprint, and nothing is remembered then
   * @throws SyncException of kind {@link ErrorKind#INVALID_INPUT} when every one of at least two
   *     users, or of at least two groups, in scope was rejected with the same {@link
   *     MappingResult.Failure}: a configuration error, reported before anything is planned
   */
  public static Built build(
      DirectorySnapshot snapshot,
      ResourceMapper mapper,
      Set<String> onlyUserKeys,
      @Nullable MappingMemo memo) {
    return build(
        snapshot,
        mapper,
        onlyUserKeys,
        memo,
        threadsFor(
            snapshot.users().size() + snapshot.groups().size(),
            Runtime.getRuntime().availableProcessors()));
  }

  static Built build(
      DirectorySnapshot snapshot,
      ResourceMapper mapper,
      Set<String> onlyUserKeys,
      @Nullable MappingMemo memo,
      int threads) {
    List<Outcome> userOutcomes;
    List<Outcome> groupOutcomes;
    try (MappingWorkers workers = MappingWorkers.start(threads)) {
      userOutcomes = workers.map(snapshot.users(), user -> Outcome.ofUser(mapper, user, memo));
      groupOutcomes = workers.map(snapshot.groups(), group -> Outcome.of(mapGroup(mapper, group)));
    }
    stopOnSharedFailure("users", userOutcomes);
    stopOnSharedFailure("groups", groupOutcomes);
    MemoUpdates memoUpdates = new MemoUpdates(memo);
    List<String> warnings = new ArrayList<>(snapshot.warnings());
    List<DesiredUser> users = new ArrayList<>();
    Set<String> heldUsers = new HashSet<>();
    Map<String, String> userNames = new HashMap<>();
    for (int i = 0; i < userOutcomes.size(); i++) {
      SourceUser user = snapshot.users().get(i);
      Outcome outcome = userOutcomes.get(i);
      memoUpdates.add(
          user.key(),
          outcome.fingerprint(),
          outcome.remembered(),
          outcome.result(),
          outcome.hash());
      if (outcome.remembered() != null) {
        MappingMemo.Entry remembered = outcome.remembered();
        String userName = remembered.userName();
        String duplicateOf = userNames.putIfAbsent(userName.toLowerCase(Locale.ROOT), user.key());
        if (duplicateOf != null) {
          heldUsers.add(user.key());
          warnings.add(duplicateUserName(user.key(), userName, duplicateOf));
          continue;
        }
        users.add(
            DesiredUser.remembered(
                user.key(), userName, remembered.contentHash(), () -> remap(mapper, user)));
      } else if (outcome.result() instanceof MappingResult.Mapped mapped) {
        String userName = mapped.resource().path("userName").asText("");
        String duplicateOf = userNames.putIfAbsent(userName.toLowerCase(Locale.ROOT), user.key());
        if (userName.isEmpty() || duplicateOf != null) {
          heldUsers.add(user.key());
          warnings.add(
              userName.isEmpty()
                  ? "user " + user.key() + " skipped: the mapping gave no userName"
                  : duplicateUserName(user.key(), userName, duplicateOf));
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
    DesiredState desired =
        new DesiredState(
            users, groups, heldUsers, heldGroups, snapshot.userCount(), warnings, onlyUserKeys);
    return new Built(desired, memoUpdates.update(), memoUpdates.remembered());
  }

  /**
   * Stops the run when every one of at least two entries in scope failed at the same key in the
   * same way (a method the sandbox refuses, a misspelt attribute): the rules are wrong, not the
   * data, and skipping every entry one by one would look like a successful run. An entry out of
   * scope does not count; one taken from the mapping memo mapped under these rules before, so it
   * counts as a success.
   *
   * @throws SyncException of kind {@link ErrorKind#INVALID_INPUT}, naming the key and the error
   */
  private static void stopOnSharedFailure(String kind, List<Outcome> outcomes) {
    MappingResult.Failure shared = null;
    int inScope = 0;
    for (Outcome outcome : outcomes) {
      MappingResult result = outcome.result();
      if (result instanceof MappingResult.Excluded) {
        continue;
      }
      inScope++;
      if (!(result instanceof MappingResult.Rejected rejected)
          || rejected.failure() == null
          || shared != null && !shared.equals(rejected.failure())) {
        return;
      }
      shared = rejected.failure();
    }
    if (shared != null && inScope >= 2) {
      throw new SyncException(
          ErrorKind.INVALID_INPUT,
          shared
              + " (the same failure for all "
              + inScope
              + " "
              + kind
              + " in scope: the rules are wrong, nothing was planned)");
    }
  }

  /**
   * A desired state, and how to bring the mapping memo up to date.
   *
   * @param desired the desired state
   * @param memoUpdate the users mapped by this build, and those the memo should forget; null when
   *     no memo was given
   * @param remembered how many users were taken from the memo rather than mapped
   */
  public record Built(
      DesiredState desired, MappingMemo.@Nullable Update memoUpdate, int remembered) {}

  private static String duplicateUserName(String key, String userName, String duplicateOf) {
    return "user "
        + key
        + " skipped: userName "
        + userName
        + " is also the userName of user "
        + duplicateOf;
  }

  /** The mapping threads for a directory of {@code entries} on a machine of {@code cores}. */
  static int threadsFor(int entries, int cores) {
    return Math.max(1, Math.min(cores, entries / ENTRIES_PER_THREAD));
  }

  /**
   * One entry mapped, with the content hash of its resource when it was mapped; or, for a user,
   * what the memo remembers of it ({@code result} is then null). {@code fingerprint} is the user's
   * source fingerprint when a memo was given, unless the user is too large to be worth one (see
   * {@link SourceFingerprint#isCheaperThanMapping}).
   */
  private record Outcome(
      @Nullable MappingResult result,
      String hash,
      @Nullable String fingerprint,
      MappingMemo.@Nullable Entry remembered) {

    static Outcome of(MappingResult result) {
      return of(result, null);
    }

    static Outcome of(MappingResult result, @Nullable String fingerprint) {
      return new Outcome(
          result,
          result instanceof MappingResult.Mapped mapped ? ContentHash.of(mapped.resource()) : "",
          fingerprint,
          null);
    }

    static Outcome ofUser(ResourceMapper mapper, SourceUser user, @Nullable MappingMemo memo) {
      if (memo == null || !SourceFingerprint.isCheaperThanMapping(user)) {
        return of(mapUser(mapper, user));
      }
      String fingerprint = SourceFingerprint.of(user);
      MappingMemo.Entry known = memo.users().get(user.key());
      if (known != null && known.sourceFingerprint().equals(fingerprint)) {
        return new Outcome(null, known.contentHash(), fingerprint, known);
      }
      return of(mapUser(mapper, user), fingerprint);
    }
  }

  /**
   * The resource of a user taken from the memo, mapped when a plan needs it. The rules are pure and
   * the entry is the one the memo recorded, so this gives the resource it recorded.
   */
  private static ObjectNode remap(ResourceMapper mapper, SourceUser user) {
    if (mapUser(mapper, user) instanceof MappingResult.Mapped mapped) {
      return mapped.resource();
    }
    throw new IllegalStateException(
        "user "
            + user.key()
            + " no longer maps as it did under the same rules; the rules must depend on the entry"
            + " only");
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
