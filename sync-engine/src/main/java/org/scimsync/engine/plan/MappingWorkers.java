package org.scimsync.engine.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.concurrent.TaskFailure;

/**
 * Threads that map source entries, each independently of the others: the results come back in the
 * order of the entries whatever thread computed them, so the desired state is the same as with one
 * thread. The calling thread takes its share of the work; with one thread nothing is started.
 */
final class MappingWorkers implements AutoCloseable {

  /** Entries a thread takes at a time: small enough to share the tail, large enough to be cheap. */
  private static final int CHUNK = 64;

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final int threads;
  private final @Nullable ExecutorService pool;

  private MappingWorkers(int threads) {
    this.threads = threads;
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, threadFactory()) : null;
  }

  /** Workers on {@code threads} threads, the caller's included. */
  static MappingWorkers start(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    return new MappingWorkers(threads);
  }

  /** {@code function} applied to every item, in the order of {@code items}. */
  <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function) {
    int size = items.size();
    Object[] results = new Object[size];
    AtomicInteger next = new AtomicInteger();
    Runnable work =
        () -> {
          for (int start = next.getAndAdd(CHUNK); start < size; start = next.getAndAdd(CHUNK)) {
            int end = Math.min(size, start + CHUNK);
            for (int i = start; i < end; i++) {
              results[i] = function.apply(items.get(i));
            }
          }
        };
    int helpers = Math.min(threads - 1, (size - 1) / CHUNK);
    if (pool == null || helpers < 1) {
      work.run();
    } else {
      List<Future<?>> running = new ArrayList<>(helpers);
      for (int i = 0; i < helpers; i++) {
        running.add(pool.submit(work));
      }
      work.run();
      running.forEach(MappingWorkers::await);
    }
    @SuppressWarnings("unchecked")
    List<R> ordered = (List<R>) Arrays.asList(results);
    return ordered;
  }

  /**
   * Waits for a worker, which finishes on its own once the entries run out; an interrupt is kept
   * for the caller's next blocking call rather than leaving a half-mapped directory.
   */
  private static void await(Future<?> worker) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          worker.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw TaskFailure.unwrap(e, "a mapping thread failed");
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private static ThreadFactory threadFactory() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "scim-sync-mapping-" + pool + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
