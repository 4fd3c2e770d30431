package org.scimsync.bench.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.scimsync.emulator.EmulatorState;

/**
 * The requests a run strictly needs, derived from the target alone (what it held before the run and
 * after), not from what the engine did, and the time those requests take at least at the target's
 * rate limits.
 *
 * <p>Writes: one CreateUser, PatchUser or DeleteUser per user created, changed or deleted; one
 * CreateGroup per new group with its first {@value #BATCH} members inline and one PatchGroup per
 * further {@value #BATCH}; for an existing group one PatchGroup per {@value #BATCH} membership
 * changes (an addition or a removal each), at least one if its name changed; one DeleteGroup per
 * group deleted. Reads: a full run lists every user and group once, {@value #BATCH} per page, at
 * least one page each; an incremental run needs none (the state store knows the ids).
 *
 * <p>Time: every API has its own quota and the APIs run in parallel, so the floor is the slowest
 * API, not the sum. Writes of one API are independent: {@code n / rate}. Pages of one list are a
 * chain (each request carries the cursor of the previous answer), so a list takes {@code pages *
 * max(1 / rate, latency)}. The lists must end before the plan exists, so a run's floor is {@code
 * max(list times) + max(write times) + latency} (the last write's answer), leaving out the burst
 * the target's token bucket allows at the start (one second of requests) and the engine's own CPU
 * time.
 */
public final class RequestFloor {

  /** AWS's page size, inline members on create and membership changes per PATCH. */
  public static final int BATCH = 100;

  /**
   * The floor of one run.
   *
   * @param needed the strictly needed requests per API
   * @param secondsByApi the time each API needs at least
   * @param boundSeconds the floor of the whole run
   * @param limitingApi the API with the longest time
   */
  public record Floor(
      Map<String, Long> needed,
      Map<String, Double> secondsByApi,
      double boundSeconds,
      String limitingApi) {

    /** Copies. */
    public Floor {
      needed = Map.copyOf(needed);
      secondsByApi = Map.copyOf(secondsByApi);
      Objects.requireNonNull(limitingApi, "limitingApi");
    }

    /** Strictly needed write requests. */
    public long neededWrites() {
      return needed.entrySet().stream()
          .filter(e -> !e.getKey().startsWith("List") && !e.getKey().startsWith("Get"))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    /** Strictly needed read requests. */
    public long neededReads() {
      return needed.entrySet().stream()
          .filter(e -> e.getKey().startsWith("List") || e.getKey().startsWith("Get"))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }
  }

  private RequestFloor() {}

  /**
   * Computes the floor of a run that took the target from {@code before} to {@code after}.
   *
   * @param full whether the run had to list the target
   * @param readsPerSecond the quota of each read API
   * @param writesPerSecond the quota of each write API
   * @param latencySeconds the latency of one request
   */
  public static Floor of(
      EmulatorState before,
      EmulatorState after,
      boolean full,
      double readsPerSecond,
      double writesPerSecond,
      double latencySeconds) {
    Map<String, Long> needed = new TreeMap<>();
    if (full) {
      needed.put("ListUsers", Math.max(1, pages(before.users().size())));
      needed.put("ListGroups", Math.max(1, pages(before.groups().size())));
    }
    countUserWrites(before, after, needed);
    countGroupWrites(before, after, needed);
    needed.values().removeIf(n -> n == 0);
    Map<String, Double> seconds = new TreeMap<>();
    double lists = 0;
    double writes = 0;
    String limiting = "none";
    double longest = -1;
    for (Map.Entry<String, Long> api : needed.entrySet()) {
      double time;
      if (api.getKey().startsWith("List")) {
        time = api.getValue() * Math.max(1 / readsPerSecond, latencySeconds);
        lists = Math.max(lists, time);
      } else {
        time = api.getValue() / writesPerSecond;
        writes = Math.max(writes, time);
      }
      seconds.put(api.getKey(), time);
      if (time > longest) {
        longest = time;
        limiting = api.getKey();
      }
    }
    double bound = lists + writes + (writes > 0 ? latencySeconds : 0);
    return new Floor(needed, seconds, bound, limiting);
  }

  private static void countUserWrites(
      EmulatorState before, EmulatorState after, Map<String, Long> needed) {
    Map<String, ObjectNode> old = new HashMap<>();
    before.users().forEach(u -> old.put(u.id(), withoutMeta(u.json())));
    long created = 0;
    long patched = 0;
    Set<String> kept = new HashSet<>();
    for (EmulatorState.User user : after.users()) {
      ObjectNode previous = old.get(user.id());
      if (previous == null) {
        created++;
      } else {
        kept.add(user.id());
        if (!previous.equals(withoutMeta(user.json()))) {
          patched++;
        }
      }
    }
    needed.put("CreateUser", created);
    needed.put("PatchUser", patched);
    needed.put("DeleteUser", (long) (old.size() - kept.size()));
  }

  private static void countGroupWrites(
      EmulatorState before, EmulatorState after, Map<String, Long> needed) {
    Map<String, EmulatorState.Group> old = new HashMap<>();
    before.groups().forEach(g -> old.put(g.id(), g));
    long created = 0;
    long patches = 0;
    int kept = 0;
    for (EmulatorState.Group group : after.groups()) {
      EmulatorState.Group previous = old.get(group.id());
      if (previous == null) {
        created++;
        patches += Math.max(0, pages(group.memberIds().size()) - 1);
        continue;
      }
      kept++;
      long changes = 0;
      for (String id : group.memberIds()) {
        changes += previous.memberIds().contains(id) ? 0 : 1;
      }
      for (String id : previous.memberIds()) {
        changes += group.memberIds().contains(id) ? 0 : 1;
      }
      boolean renamed =
          !previous.displayName().equals(group.displayName())
              || !Objects.equals(previous.externalId(), group.externalId());
      patches += Math.max(renamed ? 1 : 0, pages(changes));
    }
    needed.put("CreateGroup", created);
    needed.put("PatchGroup", patches);
    needed.put("DeleteGroup", (long) (old.size() - kept));
  }

  private static long pages(long items) {
    return (items + BATCH - 1) / BATCH;
  }

  private static ObjectNode withoutMeta(ObjectNode json) {
    ObjectNode copy = json.deepCopy();
    copy.remove("meta");
    return copy;
  }
}
