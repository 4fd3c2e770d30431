package org.scimsync.sources.ldap.changes;

/**
 * One connection's worth of watching: connects, then reports changes until the connection drops or
 * the watch is closed.
 */
interface WatchSession {

  /**
   * Connects and watches. Throws when it cannot connect or start (the watch retries with backoff);
   * returns when a watch that had started ends (the connection dropped: the watch reconnects at
   * once, then with backoff) or the watch was closed.
   *
   * @param started called once the session watches
   */
  void run(Runnable started) throws Exception;

  /** Ends {@link #run} from another thread. */
  void stop();
}
