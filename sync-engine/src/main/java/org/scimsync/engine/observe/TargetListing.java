package org.scimsync.engine.observe;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.concurrent.Await;
import org.scimsync.engine.concurrent.RunStoppedException;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.target.TargetUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listing of every user and group of the target, started on two threads of its own as soon as
 * it is created, so that the chain of pages (each request carries the previous answer's cursor)
 * runs while the directory is read and mapped. Closing it cancels what is still being read: the
 * threads stop before the next resource, and are gone once their request in flight returns. Close
 * it on every path.
 */
public final class TargetListing implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TargetListing.class);
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private final ExecutorService pool;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final Future<List<TargetUser>> users;
  private final Future<List<TargetGroup>> groups;

  /** Guards {@link #listedUsers} and {@link #userFeed}. */
  private final Object usersLock = new Object();

  private final List<TargetUser> listedUsers = new ArrayList<>();
  private @Nullable Consumer<TargetUser> userFeed;

  private TargetListing(ScimTarget target) {
    this.pool = Executors.newFixedThreadPool(2, threads());
    this.users =
        pool.submit(
            () -> {
              read("users", target::users, this::listed);
              return listedUsers; // complete: nothing is added any more
            });
    this.groups =
        pool.submit(
            () -> {
              List<TargetGroup> all = new ArrayList<>();
              read("groups", target::groups, all::add);
              return all;
            });
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

  /**
   * Hands every user to {@code feed} exactly once: those listed so far on the calling thread,
   * before this returns, and those listed later on the listing's thread as they arrive, so {@code
   * feed} must be thread-safe. Work done there overlaps the wait for the next pages. Only one feed.
   *
   * @throws IllegalStateException when a feed was already set
   */
  public void feedUsers(Consumer<TargetUser> feed) {
    Objects.requireNonNull(feed, "feed");
    List<TargetUser> backlog;
    synchronized (usersLock) {
      if (userFeed != null) {
        throw new IllegalStateException("the users already have a feed");
      }
      userFeed = feed;
      backlog = new ArrayList<>(listedUsers);
    }
    backlog.forEach(feed);
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

  private void listed(TargetUser user) {
    Consumer<TargetUser> feed;
    synchronized (usersLock) {
      listedUsers.add(user);
      feed = userFeed;
    }
    if (feed != null) {
      feed.accept(user);
    }
  }

  private <T> void read(String kind, Supplier<Stream<T>> list, Consumer<T> listed) {
    long start = System.nanoTime();
    int count = 0;
    try (Stream<T> stream = list.get()) {
      Iterator<T> items = stream.iterator();
      while (!cancelled.get() && !Thread.currentThread().isInterrupted() && items.hasNext()) {
        listed.accept(items.next());
        count++;
      }
    }
    if (cancelled.get() || Thread.currentThread().isInterrupted()) {
      throw new CancellationException("the listing was cancelled");
    }
    LOG.info(
        "target listed kind={} count={} ms={}",
        kind,
        count,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
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
