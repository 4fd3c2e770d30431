package org.scimsync.service;

import java.util.List;

/**
 * Says whether the service can do useful work, for {@code GET /readyz}. The composition root
 * supplies one that checks the configuration was loaded and the state store is open; the service
 * adds its own checks (shutting down, last run could not reach the source or target).
 */
@FunctionalInterface
public interface ReadinessProbe {

  /** A probe that never finds a problem. */
  ReadinessProbe ALWAYS_READY = List::of;

  /**
   * What keeps the service from being ready, as short sentences for operators (never a secret);
   * empty when ready.
   */
  List<String> problems();
}
