package org.scimsync.service.internal;

import java.time.Clock;
import javax.sql.DataSource;
import org.scimsync.service.WebhookSignature;

/** The webhook's replay memories: in this process, or shared by a cluster. */
public final class ReplayMemories {

  /** How many signatures are remembered at most within the window. */
  static final int CAPACITY = 10_000;

  private ReplayMemories() {}

  /** The memory of a service on its own. */
  public static ReplayMemory inMemory(Clock clock) {
    return new ReplayGuard(clock, WebhookSignature.TOLERANCE, CAPACITY);
  }

  /** The memory shared by the instances of a cluster, in their database. */
  public static ReplayMemory shared(DataSource database, Clock clock) {
    return new SharedReplayMemory(database, clock, WebhookSignature.TOLERANCE, CAPACITY);
  }
}
