package org.scimsync.emulator;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Request counts since start or the last {@link ScimEmulator#resetStats()}: per API name ({@code
 * CreateUser}, {@code ListUsers}, {@code GetUser}, {@code PutUser}, {@code PatchUser}, {@code
 * DeleteUser}, {@code CreateGroup}, {@code ListGroups}, {@code GetGroup}, {@code PutGroup}, {@code
 * PatchGroup}, {@code DeleteGroup}, {@code GetServiceProviderConfig}, {@code GetSchemas}, {@code
 * GetResourceTypes}, {@code Unknown}) and per answered HTTP status.
 *
 * @param byApiAndStatus API name to (status to count); a dropped connection counts as status 0
 */
public record EmulatorStats(Map<String, Map<Integer, Long>> byApiAndStatus) {

  /** The API names whose requests change data. */
  public static final Set<String> WRITE_APIS =
      Set.of(
          "CreateUser",
          "PutUser",
          "PatchUser",
          "DeleteUser",
          "CreateGroup",
          "PutGroup",
          "PatchGroup",
          "DeleteGroup");

  /** Copies the map deeply into an immutable, sorted one. */
  public EmulatorStats {
    Map<String, Map<Integer, Long>> copy = new TreeMap<>();
    byApiAndStatus.forEach((api, statuses) -> copy.put(api, Map.copyOf(new TreeMap<>(statuses))));
    byApiAndStatus = Map.copyOf(copy);
  }

  /** All requests received for one API, whatever their answer. */
  public long requests(String api) {
    return byApiAndStatus.getOrDefault(api, Map.of()).values().stream().mapToLong(l -> l).sum();
  }

  /** Requests of one API answered with one status (0 = connection dropped). */
  public long responses(String api, int status) {
    return byApiAndStatus.getOrDefault(api, Map.of()).getOrDefault(status, 0L);
  }

  /** Requests of all APIs answered with one status (0 = connection dropped). */
  public long responses(int status) {
    return byApiAndStatus.values().stream()
        .mapToLong(statuses -> statuses.getOrDefault(status, 0L))
        .sum();
  }

  /** Requests answered 429. */
  public long throttled() {
    return responses(429);
  }

  /** Connections closed without an answer. */
  public long dropped() {
    return responses(0);
  }

  /** All requests received. */
  public long total() {
    return byApiAndStatus.keySet().stream().mapToLong(this::requests).sum();
  }

  /** Requests to write APIs, whatever their answer. */
  public long writes() {
    return WRITE_APIS.stream().mapToLong(this::requests).sum();
  }

  /** Requests to write APIs answered with a 2xx status (changes the emulator accepted). */
  public long successfulWrites() {
    long sum = 0;
    for (String api : WRITE_APIS) {
      for (Map.Entry<Integer, Long> e : byApiAndStatus.getOrDefault(api, Map.of()).entrySet()) {
        if (e.getKey() >= 200 && e.getKey() < 300) {
          sum += e.getValue();
        }
      }
    }
    return sum;
  }

  /** Requests answered per status, all APIs together. */
  public Map<Integer, Long> byStatus() {
    Map<Integer, Long> result = new TreeMap<>();
    byApiAndStatus
        .values()
        .forEach(statuses -> statuses.forEach((status, n) -> result.merge(status, n, Long::sum)));
    return Map.copyOf(result);
  }

  /** Requests received per API, all statuses together. */
  public Map<String, Long> byApi() {
    Map<String, Long> result = new TreeMap<>();
    byApiAndStatus.keySet().forEach(api -> result.put(api, requests(api)));
    return Map.copyOf(result);
  }
}
