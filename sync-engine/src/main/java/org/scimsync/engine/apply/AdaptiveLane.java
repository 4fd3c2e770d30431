package org.scimsync.engine.apply;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.concurrent.ConcurrencyLimit;

/**
 * One lane of workers (users, groups or memberships) whose number follows its {@link
 * ConcurrencyLimit}: the answers to the requests its threads send feed the limit ({@link
 * #onResponse}, called on the thread that sent them), and the pool grows or shrinks to it after
 * each answer and each change. A shrinking pool lets its surplus threads end once their change is
 * done.
 */
final class AdaptiveLane extends ThreadPoolExecutor {

  /** The lane the current thread works for; none outside the lanes. */
  private static final ThreadLocal<@Nullable AdaptiveLane> LANE = new ThreadLocal<>();

  private final ConcurrencyLimit limit;

  AdaptiveLane(String name, ConcurrencyLimit limit) {
    super(limit.limit(), limit.limit(), 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
    this.limit = limit;
    setThreadFactory(threads(name, this));
  }

  /**
   * Tells the limit of the lane whose thread sent the request, and resizes that lane to it at once;
   * ignored on other threads.
   */
  static void onResponse(int status, Duration roundTrip) {
    AdaptiveLane lane = LANE.get();
    if (lane != null) {
      lane.limit.onResponse(status, roundTrip);
      lane.resize(lane.limit.limit());
    }
  }

  /** The workers this lane has now, for tests and logs. */
  int workers() {
    return getCorePoolSize();
  }

  @Override
  protected void afterExecute(Runnable task, @Nullable Throwable failure) {
    resize(limit.limit());
  }

  private synchronized void resize(int size) {
    if (size > getMaximumPoolSize()) {
      setMaximumPoolSize(size);
      setCorePoolSize(size); // starts threads for the changes waiting
    } else if (size < getCorePoolSize()) {
      setCorePoolSize(size);
      setMaximumPoolSize(size);
    }
  }

  private static ThreadFactory threads(String name, AdaptiveLane lane) {
    return runnable -> {
      Thread thread =
          new Thread(
              () -> {
                LANE.set(lane);
                runnable.run();
              },
              "scim-sync-" + name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
