package org.scimsync.engine.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waits for the result of work started on another thread while watching the stop signal. */
public final class Await {

  /** How often the stop signal is polled while waiting. */
  private static final long POLL_MILLIS = 50;

  private Await() {}

  /**
   * The result of {@code future}, once done.
   *
   * @param future the work
   * @param stop polled while waiting; once true, waiting ends
   * @return its result
   * @throws RuntimeException the exception the work ended with, as thrown (an {@link Error} too)
   * @throws RunStoppedException when {@code stop} was raised, or the waiting thread was
   *     interrupted, before the work was done; the caller cancels the work
   */
  public static <T> T result(Future<T> future, BooleanSupplier stop) {
    while (true) {
      if (stop.getAsBoolean()) {
        throw new RunStoppedException("the stop signal was raised");
      }
      try {
        return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // not done yet: poll the stop signal again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RunStoppedException("interrupted");
      } catch (ExecutionException e) {
        throw TaskFailure.unwrap(e, "unexpected checked exception");
      }
    }
  }
}
