package org.scimsync.engine.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.scimsync.engine.plan.DesiredState;
import org.scimsync.engine.target.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reads of one observation that the target refused for one object each (a 400 for a filter it
 * does not take, a 404 or 409 on a lookup): that object is held for this run, with a warning, and
 * the others go on. A refusal of access or an unreachable target still stops the run. Thread-safe:
 * lookups run on a pool.
 */
public final class FailedLookups {

  private static final Logger LOG = LoggerFactory.getLogger(FailedLookups.class);

  private final Set<String> userKeys = ConcurrentHashMap.newKeySet();
  private final Set<String> groupKeys = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<String> warnings = new ConcurrentLinkedQueue<>();

  /**
   * Runs the lookup of one user; a refusal for this user alone holds the user and answers empty.
   *
   * @throws TargetException when access is refused or the target is unavailable
   */
  <T> Optional<T> user(String key, String label, Supplier<Optional<T>> lookup) {
    try {
      return lookup.get();
    } catch (TargetException e) {
      rethrowUnlessOneObject(e);
      userKeys.add(key);
      hold("user " + label + " (key " + key + ")", e);
      return Optional.empty();
    }
  }

  /**
   * Runs the lookup of one group; a refusal for this group alone holds the group and answers empty.
   *
   * @throws TargetException when access is refused or the target is unavailable
   */
  <T> Optional<T> group(String key, String label, Supplier<Optional<T>> lookup) {
    try {
      return lookup.get();
    } catch (TargetException e) {
      rethrowUnlessOneObject(e);
      groupKeys.add(key);
      hold("group " + label + " (key " + key + ")", e);
      return Optional.empty();
    }
  }

  /**
   * Runs the membership check of one user; a refusal for this user alone leaves its memberships
   * unverified (the pushed ones stand), with a warning, and answers empty.
   *
   * @throws TargetException when access is refused or the target is unavailable
   */
  <T> Optional<T> memberships(String key, Supplier<Optional<T>> lookup) {
    try {
      return lookup.get();
    } catch (TargetException e) {
      rethrowUnlessOneObject(e);
      String warning =
          "the memberships of user key "
              + key
              + " could not be verified: "
              + e.getMessage()
              + "; the pushed ones stand";
      LOG.warn("lookup failed key={} error={}", key, e.getMessage());
      warnings.add(warning);
      return Optional.empty();
    }
  }

  private void hold(String what, TargetException e) {
    LOG.warn("lookup failed object={} error={}", what, e.getMessage());
    warnings.add(
        what
            + " held for this run: the target refused to look it up ("
            + e.getMessage()
            + "); the next run tries again");
  }

  private static void rethrowUnlessOneObject(TargetException e) {
    if (e.kind() == TargetException.Kind.UNAUTHORIZED
        || e.kind() == TargetException.Kind.UNAVAILABLE) {
      throw e;
    }
  }

  /** How many objects are held because their lookup failed. */
  public int count() {
    return userKeys.size() + groupKeys.size();
  }

  /** The users held because their lookup failed. */
  public Set<String> userKeys() {
    return Set.copyOf(userKeys);
  }

  /** The groups held because their lookup failed. */
  public Set<String> groupKeys() {
    return Set.copyOf(groupKeys);
  }

  /** One warning per failed lookup, sorted. */
  public List<String> warnings() {
    List<String> sorted = new ArrayList<>(warnings);
    sorted.sort(null);
    return List.copyOf(sorted);
  }

  /** The desired state with the objects whose lookup failed held, and the warnings added. */
  public DesiredState applyTo(DesiredState desired) {
    return warnings.isEmpty() ? desired : desired.holding(userKeys(), groupKeys(), warnings());
  }
}
