package org.scimsync.engine;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.cache.RunCaches;
import org.scimsync.engine.concurrent.Await;
import org.scimsync.engine.concurrent.RunStoppedException;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.plan.DesiredState;
import org.scimsync.engine.plan.DesiredStateBuilder;
import org.scimsync.engine.plan.ResourceMapper;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.state.MappingMemo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read and map stages: the directory is read and mapped on a thread of its own, started at
 * once, while the run loads the state store and lists the target. The mapping waits for the mapping
 * memo, which the run hands over ({@link #useMemo}) after loading the state. The snapshot is
 * referenced only by that thread, so most of it can be collected as soon as the desired state is
 * built. Close it on every path: closing cancels the read and releases the thread.
 */
final class DirectoryRead implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryRead.class);

  /**
   * The directory, read and mapped.
   *
   * @param desired the desired state
   * @param version the version of the directory content read; null when the source has none
   * @param memoUpdate how the mapping memo should change; null when the rules have no fingerprint
   */
  record Mapped(
      DesiredState desired, @Nullable String version, MappingMemo.@Nullable Update memoUpdate) {}

  private final String source;
  private final @Nullable String rulesFingerprint;
  private final CompletableFuture<Optional<MappingMemo>> memo = new CompletableFuture<>();
  private final ExecutorService thread;
  private final Future<Mapped> mapped;

  private DirectoryRead(
      String source, Supplier<DirectorySnapshot> reader, ResourceMapper mapper, Set<String> only) {
    this.source = source;
    this.rulesFingerprint = mapper.rulesFingerprint();
    if (rulesFingerprint == null) {
      memo.complete(Optional.empty());
    }
    this.thread =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread t = new Thread(runnable, "scim-sync-source");
              t.setDaemon(true);
              return t;
            });
    this.mapped =
        thread.submit(
            () -> {
              DirectorySnapshot snapshot = reader.get();
              DesiredStateBuilder.Built built =
                  DesiredStateBuilder.build(snapshot, mapper, only, memo.get().orElse(null));
              LOG.info(
                  "directory mapped users={} groups={} remembered={}",
                  built.desired().users().size(),
                  built.desired().groups().size(),
                  built.remembered());
              return new Mapped(built.desired(), snapshot.version(), built.memoUpdate());
            });
  }

  /** Starts reading and mapping the directory. */
  static DirectoryRead start(DirectorySource source, ResourceMapper mapper, Set<String> only) {
    return new DirectoryRead(source.describe(), source::read, mapper, only);
  }

  /**
   * Starts reading with {@code reader} (a full read that also keeps a checkpoint, or the entries a
   * change read found) and mapping what it gives.
   *
   * @param source what the source describes itself as, for errors
   */
  static DirectoryRead start(
      String source, Supplier<DirectorySnapshot> reader, ResourceMapper mapper, Set<String> only) {
    return new DirectoryRead(source, reader, mapper, only);
  }

  /**
   * Hands the mapping memo of the mapper's rules to the mapping. When the caches fail, the failure
   * is the caller's and the mapping goes on without a memo until it is cancelled.
   */
  void useMemo(RunCaches caches) {
    String rules = rulesFingerprint;
    if (memo.isDone() || rules == null) {
      return;
    }
    try {
      memo.complete(Optional.of(caches.memo(rules)));
    } finally {
      memo.complete(Optional.empty());
    }
  }

  /**
   * Waits for the directory, read and mapped.
   *
   * @throws SyncException when the source cannot be read
   * @throws RunStoppedException when {@code stop} was raised first; the read is cancelled
   */
  Mapped await(BooleanSupplier stop) {
    try {
      return Await.result(mapped, stop);
    } catch (SourceException e) {
      close();
      ErrorKind kind =
          e.kind() == SourceException.Kind.INVALID_INPUT
              ? ErrorKind.INVALID_INPUT
              : ErrorKind.UNAVAILABLE;
      throw new SyncException(kind, "cannot read " + source + ": " + e.getMessage(), e);
    } catch (RunStoppedException e) {
      close();
      throw e;
    }
  }

  @Override
  public void close() {
    mapped.cancel(true);
    thread.shutdownNow();
  }
}
