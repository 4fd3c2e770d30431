package org.scimsync.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.testing.ListDirectorySource;
import org.scimsync.engine.testing.TrackedSource;

class SharedDirectoryTest {

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  private static ListDirectorySource directory() {
    return new ListDirectorySource()
        .user("u1", "ada@example.com", "Ada", "Lovelace")
        .user("u2", "alan@example.com", "Alan", "Turing");
  }

  @Test
  void runsAskedForTogetherReadTheDirectoryOnce() throws Exception {
    GatedSource gated = new GatedSource(directory());
    SharedDirectory shared = new SharedDirectory(gated);
    long asked = System.nanoTime();
    AtomicReference<Thread> second = new AtomicReference<>();
    try (SharedDirectory.Reader a = shared.reader(asked);
        SharedDirectory.Reader b = shared.reader(asked)) {
      Future<DirectorySnapshot> first = threads.submit(a::read);
      assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue();
      Future<DirectorySnapshot> joined =
          threads.submit(
              () -> {
                second.set(Thread.currentThread());
                return b.read();
              });
      awaitWaiting(second);
      gated.gate.countDown();
      assertThat(joined.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
    }
    assertThat(gated.delegate.reads()).isEqualTo(1);
    assertThat(shared.sourceReads()).isEqualTo(1);
  }

  @Test
  void aRunAskedForLaterJoinsAReadStartedAfterItsTriggerWhileAnotherRunHoldsIt() {
    ListDirectorySource source = directory();
    SharedDirectory shared = new SharedDirectory(source);
    long asked = System.nanoTime();
    try (SharedDirectory.Reader a = shared.reader(asked)) {
      DirectorySnapshot read = a.read();
      try (SharedDirectory.Reader late = shared.reader(asked)) {
        assertThat(late.read()).isSameAs(read);
      }
    }
    assertThat(source.reads()).isEqualTo(1);
  }

  @Test
  void aReadStartedBeforeTheTriggerIsNotSharedWithIt() {
    ListDirectorySource source = directory();
    SharedDirectory shared = new SharedDirectory(source);
    try (SharedDirectory.Reader a = shared.reader(System.nanoTime())) {
      a.read();
      try (SharedDirectory.Reader later = shared.reader(System.nanoTime())) {
        later.read();
      }
    }
    assertThat(source.reads()).isEqualTo(2);
  }

  @Test
  void theLastReaderToCloseDropsTheRead() {
    ListDirectorySource source = directory();
    SharedDirectory shared = new SharedDirectory(source);
    long asked = System.nanoTime();
    try (SharedDirectory.Reader a = shared.reader(asked)) {
      a.read();
    }
    try (SharedDirectory.Reader b = shared.reader(asked)) {
      b.read();
    }
    assertThat(source.reads()).isEqualTo(2);
  }

  @Test
  void changeReadsAreSharedPerCheckpointOnly() {
    TrackedSource tracked = new TrackedSource(directory());
    String checkpoint = tracked.readAll().checkpoint();
    String another = tracked.readAll().checkpoint();
    int fullReads = tracked.fullReads();
    SharedDirectory shared = new SharedDirectory(tracked);
    long asked = System.nanoTime();
    try (SharedDirectory.Reader a = shared.reader(asked);
        SharedDirectory.Reader b = shared.reader(asked);
        SharedDirectory.Reader c = shared.reader(asked)) {
      ChangeTracking ta = a.changeTracking().orElseThrow();
      ChangeTracking tb = b.changeTracking().orElseThrow();
      ChangeTracking tc = c.changeTracking().orElseThrow();
      assertThat(tb.readChanges(checkpoint)).isSameAs(ta.readChanges(checkpoint));
      tc.readChanges(another);
      assertThat(tb.readAll()).isSameAs(ta.readAll());
    }
    assertThat(tracked.changeReads()).isEqualTo(2);
    assertThat(tracked.fullReads()).isEqualTo(fullReads + 1);
  }

  @Test
  void aFailedReadFailsTheRunsThatJoinedItAndIsReadAgainNextTime() throws Exception {
    GatedSource gated = new GatedSource(directory());
    gated.failNext = true;
    SharedDirectory shared = new SharedDirectory(gated);
    long asked = System.nanoTime();
    AtomicReference<Thread> second = new AtomicReference<>();
    try (SharedDirectory.Reader a = shared.reader(asked);
        SharedDirectory.Reader b = shared.reader(asked)) {
      Future<DirectorySnapshot> first = threads.submit(a::read);
      assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue();
      Future<DirectorySnapshot> joined =
          threads.submit(
              () -> {
                second.set(Thread.currentThread());
                return b.read();
              });
      awaitWaiting(second);
      gated.gate.countDown();
      assertThatThrownBy(() -> joined.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SourceException.class)
          .hasMessageContaining("directory unreachable");
      assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SourceException.class);
      assertThat(b.read().userCount()).isEqualTo(2);
    }
    assertThat(gated.delegate.reads()).isEqualTo(1);
  }

  /** Waits until the thread is blocked (in the source's gate or on the shared read). */
  private static void awaitWaiting(AtomicReference<Thread> thread) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (thread.get() == null || thread.get().getState() != Thread.State.WAITING) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the second run never waited");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
    }
  }

  /** A source whose first read waits at a gate, and may fail once. */
  private static final class GatedSource implements DirectorySource {
    final ListDirectorySource delegate;
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch gate = new CountDownLatch(1);
    volatile boolean failNext;

    GatedSource(ListDirectorySource delegate) {
      this.delegate = delegate;
    }

    @Override
    public DirectorySnapshot read() {
      entered.countDown();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (failNext) {
        failNext = false;
        throw new SourceException(SourceException.Kind.UNAVAILABLE, "directory unreachable");
      }
      return delegate.read();
    }

    @Override
    public String describe() {
      return "gated";
    }
  }
}
