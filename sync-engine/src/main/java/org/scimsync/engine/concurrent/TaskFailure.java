package org.scimsync.engine.concurrent;

/**
 * The failure a task ended with on another thread, to rethrow on the thread that waited for it
 * (what {@code Future.get} wraps in an {@code ExecutionException} and {@code
 * CompletableFuture.join} in a {@code CompletionException}).
 */
public final class TaskFailure {

  private TaskFailure() {}

  /**
   * The task's own unchecked exception, as it was thrown; an {@link Error} is thrown from here; a
   * checked exception comes back wrapped in an {@link IllegalStateException} saying {@code what}.
   *
   * @param wrapper the exception the waiting call threw
   * @param what what failed, for a checked cause
   * @return the exception to throw
   */
  public static RuntimeException unwrap(Exception wrapper, String what) {
    Throwable cause = wrapper.getCause() == null ? wrapper : wrapper.getCause();
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(what, cause);
  }
}
