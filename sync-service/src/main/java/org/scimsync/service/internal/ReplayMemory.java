package org.scimsync.service.internal;

/**
 * The webhook's memory of the signatures it accepted, so that a captured request cannot be replayed
 * while its timestamp is within the window: in this process ({@link ReplayGuard}) or shared by the
 * instances of a cluster ({@link SharedReplayMemory}), so that a request replayed to another
 * instance is refused too.
 */
public interface ReplayMemory {

  /** The verdict on one signed request. */
  enum Admission {
    /** First time seen: go on. */
    FRESH,
    /** Seen before within the window: refuse. */
    REPLAYED,
    /** Too many requests within the window to remember one more: ask the sender to retry. */
    FULL
  }

  /**
   * Records a verified signature whose timestamp is within the window.
   *
   * @param signature the normalised (lower-case hex) signature
   * @param timestamp the request's timestamp in Unix seconds
   */
  Admission admit(String signature, long timestamp);
}
