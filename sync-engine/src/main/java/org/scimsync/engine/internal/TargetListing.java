package org.scimsync.engine.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetUser;

/**
 * The listing of every user and group of the target, started on two threads of its own as soon as
 * it is created, so that the chain of pages (each request carries the previous answer's cursor)
 * runs while the directory is read and mapped. Closing it cancels what is still being read: the
 * threads stop before the next resource, and are gone once their request in flight returns. Close
 * it on every path.
 */
public final class TargetListing implements AutoCloseable {

  private static final AtomicInteger SERIAL = new AtomicInteger();

  private final ExecutorService pool;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final Future<List<TargetUser>> users;
  private final Future<List<TargetGroup>> groups;

  private TargetListing(ScimTarget target) {
    this.pool = Executors.newFixedThreadPool(2, threads());
    this.users = pool.submit(() -> read(target::users));
    this.groups = pool.submit(() -> read(target::groups));
  }

  /** Starts listing the target's users and groups. */
  public static TargetListing start(ScimTarget target) {
    return new TargetListing(Objects.requireNonNull(target, "target"));
  }

  /**
   * Every user of the target, once listed.
   *
   * @param stop polled while waiting
   * @throws org.scimsync.engine.target.TargetException when the listing failed
   * @throws RunStoppedException when {@code stop} was raised or the waiting thread interrupted
   */
  public List<TargetUser> users(BooleanSupplier stop) {
    return Await.result(users, stop);
  }

  /**
   * Every group of the target, once listed.
   *
   * @param stop polled while waiting
   * @throws org.scimsync.engine.target.TargetException when the listing failed
   * @throws RunStoppedException when {@code stop} was raised or the waiting thread interrupted
   */
  public List<TargetGroup> groups(BooleanSupplier stop) {
    return Await.result(groups, stop);
  }

  /** Whether both lists are complete (or failed); for tests and logs. */
  public boolean isDone() {
    return users.isDone() && groups.isDone();
  }

  /** Cancels what is still being listed and releases the threads. */
  @Override
  public void close() {
    cancelled.set(true);
    users.cancel(true);
    groups.cancel(true);
    pool.shutdownNow();
  }

  private <T> List<T> read(Supplier<Stream<T>> list) {
    List<T> all = new ArrayList<>();
    try (Stream<T> stream = list.get()) {
      Iterator<T> items = stream.iterator();
      while (!cancelled.get() && !Thread.currentThread().isInterrupted() && items.hasNext()) {
        all.add(items.next());
      }
    }
    if (cancelled.get() || Thread.currentThread().isInterrupted()) {
      throw new CancellationException("the listing was cancelled");
    }
    return all;
  }

  private static ThreadFactory threads() {
    int serial = SERIAL.incrementAndGet();
    return runnable -> {
      Thread thread = new Thread(runnable, "scim-sync-list-" + serial);
      thread.setDaemon(true);
      return thread;
    };
  }
}
