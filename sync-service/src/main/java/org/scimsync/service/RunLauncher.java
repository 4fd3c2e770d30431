package org.scimsync.service;

/**
 * The port through which the service starts one run of the engine. The composition root adapts the
 * engine to it. The service never calls it for two runs at once, and always from the same thread.
 */
@FunctionalInterface
public interface RunLauncher {

  /**
   * Runs one sync and returns when it has ended and been recorded. It polls {@link
   * RunRequest#stop()} between changes and returns early, with the run recorded, once it is raised.
   * An exception is treated as a failed run with no id.
   */
  RunResult launch(RunRequest request);
}
