package org.scimsync.service;

/**
 * Something that knows when the directory changed ({@code schedule.watch}): the composition root
 * adapts the directory source's change stream to it. The service starts it with {@link
 * SyncService#start()} and closes it first in {@link SyncService#close()}.
 */
public interface DirectoryWatch extends AutoCloseable {

  /**
   * Starts watching; returns at once. {@code changed} may be called from any thread, as often as
   * the directory changes: the service coalesces the calls into runs as it does webhook calls.
   */
  void start(Runnable changed);

  /** Stops watching; {@code changed} is not called afterwards. */
  @Override
  void close();
}
