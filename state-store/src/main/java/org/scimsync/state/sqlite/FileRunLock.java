package org.scimsync.state.sqlite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.scimsync.engine.state.RunLock;
import org.scimsync.engine.state.StateLockedException;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.engine.state.TargetNames;

/**
 * The one-run-at-a-time lock of a target: an operating-system lock on {@code <state file>.lock} for
 * the target {@code default} (the lock file of versions before targets had names, so that an older
 * and a newer process still exclude each other), {@code <state file>.<target>.lock} for any other
 * (target names are file-safe, see {@link TargetNames}). The runs of two targets hold their locks
 * at once. The operating system releases a lock when the holding process dies, however it dies, so
 * it is never left stuck.
 *
 * <p>Within one JVM the lock is also tracked in a set of held lock files: POSIX releases every lock
 * a process holds on a file as soon as the process closes any descriptor of that file, so a second
 * attempt from the same JVM must be refused before it opens the file at all.
 */
final class FileRunLock implements RunLock {

  /** Lock files this JVM holds or is trying to take; file locks are per process, like this set. */
  private static final Set<Path> HELD_BY_THIS_PROCESS = ConcurrentHashMap.newKeySet();

  private final Path lockFile;
  private final FileChannel channel;
  private final FileLock lock;
  private final AtomicBoolean released = new AtomicBoolean();

  private FileRunLock(Path lockFile, FileChannel channel, FileLock lock) {
    this.lockFile = lockFile;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of one target of the state file.
   *
   * @throws StateLockedException when another run of that target, in this process or another, holds
   *     it
   */
  static RunLock acquire(Path stateFile, String target) {
    Path lockFile = lockFileOf(stateFile, target);
    String store = "state store " + stateFile + described(target);
    if (!HELD_BY_THIS_PROCESS.add(lockFile)) {
      throw new StateLockedException(
          store
              + " is in use by another run in this process (pid "
              + ProcessHandle.current().pid()
              + "; lock file "
              + lockFile
              + ")");
    }
    FileChannel channel = null;
    try {
      channel = open(lockFile);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        String holder = holder(channel);
        throw new StateLockedException(
            store
                + " is in use by another run ("
                + (holder.isEmpty() ? "" : holder + "; ")
                + "lock file "
                + lockFile
                + ")");
      }
      recordHolder(channel);
      return new FileRunLock(lockFile, channel, lock);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel, e);
      HELD_BY_THIS_PROCESS.remove(lockFile);
      if (e instanceof StateStoreException stateStoreException) {
        throw stateStoreException;
      }
      throw new StateStoreException(
          "cannot lock " + store + " with lock file " + lockFile + ": " + e, e);
    }
  }

  /** The lock file of a target of the state file. */
  static Path lockFileOf(Path stateFile, String target) {
    String suffix =
        TargetNames.DEFAULT.equals(target) ? ".lock" : "." + TargetNames.check(target) + ".lock";
    return stateFile.resolveSibling(stateFile.getFileName() + suffix);
  }

  /** How messages name a target: not at all for the default target, as before targets had names. */
  static String described(String target) {
    return TargetNames.DEFAULT.equals(target) ? "" : " (target " + target + ")";
  }

  private static FileChannel open(Path lockFile) throws IOException {
    Set<StandardOpenOption> options =
        EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (OwnerOnlyFiles.isPosix(lockFile.getFileSystem())) {
      OwnerOnlyFiles.tighten(lockFile);
      return FileChannel.open(lockFile, options, OwnerOnlyFiles.fileAttribute());
    }
    return FileChannel.open(lockFile, options);
  }

  /** Who holds the lock, as the holder wrote it; empty if unknown. Never throws. */
  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(256);
      channel.read(buffer, 0);
      buffer.flip();
      return StandardCharsets.UTF_8.decode(buffer).toString().strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static void recordHolder(FileChannel channel) throws IOException {
    String holder =
        "held by pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n";
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
  }

  private static void closeQuietly(FileChannel channel, Exception cause) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    if (!released.compareAndSet(false, true)) {
      return;
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new StateStoreException("cannot release lock file " + lockFile + ": " + e, e);
    } finally {
      HELD_BY_THIS_PROCESS.remove(lockFile);
    }
  }

  @Override
  public String toString() {
    return "FileRunLock[" + lockFile + "]";
  }
}
