package org.scimsync.engine.source;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One directory read by the runs of several targets: a run of each target reads through a {@link
 * Reader} of its own, and runs asking for the same read share it instead of reading the directory
 * again.
 *
 * <p><b>When a read is shared.</b> A reader is opened with the moment its run was asked for (the
 * last trigger it serves). It joins a read of the same kind — everything, everything with a
 * checkpoint, or the changes since one checkpoint — that started at or after that moment, running
 * or finished, and held by another open reader: such a read shows the directory as it was when the
 * trigger came or later, which is all a trigger asks for. Otherwise it reads, and later readers may
 * join that read. Targets whose checkpoints differ read their changes separately; a read of some
 * users and the directory's version (both small) are never shared.
 *
 * <p><b>Memory.</b> A read is kept while a reader that read or joined it is open, and dropped when
 * the last one closes: close readers when their run ends.
 *
 * <p>A failed read fails every run that joined it (they asked for the same read at the same time)
 * and is not kept: the next run reads again.
 */
public final class SharedDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(SharedDirectory.class);

  private final DirectorySource source;
  private final Object lock = new Object();
  private final Map<String, Shared> reads = new HashMap<>();
  private final AtomicInteger sourceReads = new AtomicInteger();

  /**
   * @param source the directory, read at most once per trigger
   */
  public SharedDirectory(DirectorySource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * A reader for one run.
   *
   * @param askedAtNanos when the run was asked for, on {@link System#nanoTime()}'s scale: reads
   *     started before it are not shared with this run
   */
  public Reader reader(long askedAtNanos) {
    return new Reader(askedAtNanos);
  }

  /** How many whole-directory and change reads reached the directory (for tests and the bench). */
  public int sourceReads() {
    return sourceReads.get();
  }

  /** One read, running or done, and the readers holding it. */
  private static final class Shared {
    final long startedNanos;
    final CompletableFuture<Object> result = new CompletableFuture<>();
    final Set<Reader> holders = new HashSet<>();

    Shared(long startedNanos) {
      this.startedNanos = startedNanos;
    }
  }

  private <T> T shared(Reader reader, String kind, Class<T> type, Supplier<T> read) {
    Shared entry;
    boolean mine;
    synchronized (lock) {
      Shared existing = reads.get(kind);
      mine = existing == null || existing.startedNanos < reader.askedAtNanos;
      if (mine) {
        entry = new Shared(System.nanoTime());
        reads.put(kind, entry);
      } else {
        entry = existing;
      }
      entry.holders.add(reader);
      reader.held.add(kind);
    }
    if (mine) {
      sourceReads.incrementAndGet();
      try {
        entry.result.complete(read.get());
      } catch (RuntimeException | Error e) {
        synchronized (lock) {
          reads.remove(kind, entry);
        }
        entry.result.completeExceptionally(e);
        throw e;
      }
    } else {
      LOG.debug("source.read.shared kind={} source={}", kind, source.describe());
    }
    return type.cast(await(entry));
  }

  private Object await(Shared entry) {
    try {
      return entry.result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException(
          SourceException.Kind.UNAVAILABLE,
          "interrupted while waiting for the directory read of another target",
          e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SourceException failure) {
        throw new SourceException(failure.kind(), failure.getMessage(), failure);
      }
      if (cause instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("the shared directory read failed", cause);
    }
  }

  private void release(Reader reader) {
    synchronized (lock) {
      for (String kind : reader.held) {
        Shared entry = reads.get(kind);
        if (entry != null && entry.holders.remove(reader) && entry.holders.isEmpty()) {
          reads.remove(kind);
        }
      }
      reader.held.clear();
    }
  }

  /**
   * The directory as one run sees it: a {@link DirectorySource} (with the change tracking of the
   * directory, if it has one) whose reads are shared with other runs' readers. Close it when the
   * run ends.
   */
  public final class Reader implements DirectorySource, AutoCloseable {

    private final long askedAtNanos;
    private final Set<String> held = new HashSet<>();
    private final @Nullable ChangeTracking tracking;

    private Reader(long askedAtNanos) {
      this.askedAtNanos = askedAtNanos;
      this.tracking = source.changeTracking().map(Tracking::new).orElse(null);
    }

    @Override
    public DirectorySnapshot read() {
      return shared(this, "everything", DirectorySnapshot.class, source::read);
    }

    @Override
    public Optional<String> version() {
      return source.version();
    }

    @Override
    public Optional<ChangeTracking> changeTracking() {
      return Optional.ofNullable(tracking);
    }

    @Override
    public String describe() {
      return source.describe();
    }

    /** Lets go of the reads this run used; the last reader of a read drops it. */
    @Override
    public void close() {
      release(this);
    }

    private final class Tracking implements ChangeTracking {
      private final ChangeTracking delegate;

      Tracking(ChangeTracking delegate) {
        this.delegate = delegate;
      }

      @Override
      public Checkpointed readAll() {
        return shared(Reader.this, "everything+checkpoint", Checkpointed.class, delegate::readAll);
      }

      @Override
      public SourceChanges readChanges(String checkpoint) {
        return shared(
            Reader.this,
            "changes since " + checkpoint,
            SourceChanges.class,
            () -> delegate.readChanges(checkpoint));
      }

      @Override
      public List<SourceUser> readUsers(Collection<String> keys) {
        return delegate.readUsers(keys);
      }
    }
  }
}
