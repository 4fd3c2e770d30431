package org.scimsync.cli.app.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.source.SharedDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs several targets at once, each on a thread of its own, from one read of the directory (a
 * {@link SharedDirectory}): what one target's run does — fail, wait for a throttled target, stop at
 * a safety guard — never stops or delays another's.
 */
public final class TargetRuns {

  private static final Logger LOG = LoggerFactory.getLogger(TargetRuns.class);

  private TargetRuns() {}

  /**
   * How one target's work ended: its value, or the exception it ended with.
   *
   * @param target the target
   * @param value what the work returned; null when it failed
   * @param failure what it failed with; null when it returned
   */
  public record Outcome<T>(
      TargetRuntime target, @Nullable T value, @Nullable RuntimeException failure) {

    public Outcome {
      Objects.requireNonNull(target, "target");
      if ((value == null) == (failure == null)) {
        throw new IllegalArgumentException("either a value or a failure");
      }
    }
  }

  /**
   * Does {@code work} for every target at once, with engines sharing one read of {@code source},
   * and hands each outcome to {@code inOrder} in the order of {@code targets}, as soon as it and
   * those before it have ended (nothing of a target is kept once handed on).
   *
   * @return how many reads of the whole directory (or of its changes) reached the directory for all
   *     of them: 1 when they shared one
   */
  public static <T> int each(
      List<TargetRuntime> targets,
      DirectorySource source,
      BiFunction<TargetRuntime, SyncEngine, T> work,
      Consumer<Outcome<T>> inOrder) {
    SharedDirectory directory = new SharedDirectory(source);
    long askedAt = System.nanoTime();
    ExecutorService threads =
        Executors.newFixedThreadPool(
            Math.max(1, targets.size()),
            task -> {
              Thread thread = new Thread(task, "scim-sync-target");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (TargetRuntime target : targets) {
        futures.add(
            threads.submit(
                () -> {
                  Thread.currentThread().setName("scim-sync-target-" + target.name());
                  try (SharedDirectory.Reader reader = directory.reader(askedAt)) {
                    return work.apply(target, target.engine(reader));
                  }
                }));
      }
      for (int i = 0; i < targets.size(); i++) {
        inOrder.accept(outcome(targets.get(i), futures.get(i)));
        futures.set(i, null);
      }
      LOG.info("targets.ran targets={} directoryReads={}", targets.size(), directory.sourceReads());
      return directory.sourceReads();
    } finally {
      threads.shutdownNow();
    }
  }

  private static <T> Outcome<T> outcome(TargetRuntime target, Future<T> future) {
    try {
      return new Outcome<>(target, future.get(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + target, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException failure) {
        return new Outcome<>(target, null, failure);
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(target + " failed", cause);
    }
  }
}
