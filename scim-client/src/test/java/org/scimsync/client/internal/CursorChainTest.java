package org.scimsync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.scimsync.client.ScimTransportException;

/** The chain's threading: a full queue, a close, an abandoned listing, an interrupted consumer. */
class CursorChainTest {

  private static final Duration PATIENCE = Duration.ofSeconds(10);

  /** The pages seen by the fake server: the cursor of each request, in order. */
  private final List<String> requested = new CopyOnWriteArrayList<>();

  /** An endless list: every page names the next. */
  private byte[] endlessPage(String cursor) {
    int n = cursor.isEmpty() ? 0 : Integer.parseInt(cursor.substring(1));
    return page(
        cursor, "{\"nextCursor\":\"c" + (n + 1) + "\",\"Resources\":[{\"id\":\"u" + n + "\"}]}");
  }

  private byte[] page(String cursor, String body) {
    requested.add(cursor);
    return body.getBytes(StandardCharsets.UTF_8);
  }

  static Set<Thread> pageThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("scim-client-pages-"))
        .collect(Collectors.toSet());
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + PATIENCE.toSeconds() + " s: " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private CursorChain start(Function<String, byte[]> fetch, Duration giveUp, Set<Thread> started) {
    Set<Thread> before = pageThreads();
    CursorChain chain = CursorChain.start("ListUsers", cursor -> cursor, fetch, giveUp);
    Set<Thread> now = pageThreads();
    now.removeAll(before);
    started.addAll(now);
    return chain;
  }

  @Test
  void fetchesAheadUntilTheQueueIsFullThenStopsOnClose() {
    Set<Thread> threads = new HashSet<>();
    CursorChain chain = start(this::endlessPage, CursorChain.GIVE_UP, threads);
    assertThat(threads).hasSize(1);
    assertThat(threads.iterator().next().isDaemon()).isTrue();

    // Four pages queued, a fifth fetched and waiting for room; then nothing more.
    await("the queue fills", () -> requested.size() == CursorChain.CAPACITY + 1);
    assertThat(threads.iterator().next().getState()).isIn(Thread.State.TIMED_WAITING);
    assertThat(requested).hasSize(CursorChain.CAPACITY + 1);

    chain.close();

    await("the thread ends", () -> threads.stream().noneMatch(Thread::isAlive));
    assertThat(requested).containsExactly("", "c1", "c2", "c3", "c4");
    assertThatThrownBy(chain::take).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void handsOverPagesInOrderAndStopsAfterTheLastOne() {
    Set<Thread> threads = new HashSet<>();
    CursorChain chain =
        start(
            cursor ->
                cursor.equals("c2") ? page(cursor, "{\"Resources\":[]}") : endlessPage(cursor),
            CursorChain.GIVE_UP,
            threads);

    List<String> sent =
        List.of(chain.take(), chain.take(), chain.take()).stream()
            .map(delivery -> ((CursorChain.Fetched) delivery).sentCursor())
            .toList();

    assertThat(sent).containsExactly("", "c1", "c2");
    await("the thread ends", () -> threads.stream().noneMatch(Thread::isAlive));
    assertThat(requested).containsExactly("", "c1", "c2");
  }

  @Test
  void anUnconsumedUnclosedChainGivesUpAndTellsTheLateConsumer() {
    Set<Thread> threads = new HashSet<>();
    CursorChain chain = start(this::endlessPage, Duration.ofMillis(200), threads);

    await("the thread gives up", () -> threads.stream().noneMatch(Thread::isAlive));

    assertThat(requested).hasSize(CursorChain.CAPACITY + 1);
    for (int i = 0; i < CursorChain.CAPACITY; i++) {
      assertThat(chain.take()).isInstanceOf(CursorChain.Fetched.class);
    }
    assertThatThrownBy(chain::take)
        .isInstanceOf(ScimTransportException.class)
        .hasMessageContaining("not consumed");
  }

  @Test
  void aFailureIsHandedOverAsThrownAndEndsTheChain() {
    IllegalStateException boom = new IllegalStateException("boom");
    Set<Thread> threads = new HashSet<>();
    CursorChain chain =
        start(
            cursor -> {
              if (cursor.equals("c1")) {
                requested.add(cursor);
                throw boom;
              }
              return endlessPage(cursor);
            },
            CursorChain.GIVE_UP,
            threads);

    assertThat(chain.take()).isInstanceOf(CursorChain.Fetched.class);
    assertThat(chain.take()).isEqualTo(new CursorChain.Failed(boom));
    await("the thread ends", () -> threads.stream().noneMatch(Thread::isAlive));
    assertThat(requested).containsExactly("", "c1");
  }

  @Test
  void anInterruptedConsumerGetsATransportFailureKeepsItsFlagAndStopsTheChain() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Set<Thread> threads = new HashSet<>();
    CursorChain chain =
        start(
            cursor -> {
              if (cursor.equals("c1")) {
                // A slow answer, on the wire while the consumer waits.
                awaitQuietly(release);
              }
              return endlessPage(cursor);
            },
            CursorChain.GIVE_UP,
            threads);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean flagKept = new AtomicBoolean();
    AtomicBoolean firstTaken = new AtomicBoolean();
    Thread consumer =
        new Thread(
            () -> {
              chain.take();
              firstTaken.set(true);
              try {
                chain.take();
              } catch (RuntimeException e) {
                failure.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
              }
            });
    consumer.start();
    await(
        "the consumer waits for the second page",
        () -> firstTaken.get() && consumer.getState() == Thread.State.TIMED_WAITING);

    consumer.interrupt();
    consumer.join(PATIENCE.toMillis());
    release.countDown();

    assertThat(failure.get())
        .isInstanceOf(ScimTransportException.class)
        .hasMessageContaining("interrupted while waiting for a page");
    assertThat(flagKept).isTrue();
    await("the chain's thread ends", () -> threads.stream().noneMatch(Thread::isAlive));
    // The page in flight at the interrupt was the last one requested.
    assertThat(requested).containsExactly("", "c1");
  }

  @Test
  void closeReturnsOnlyAfterTheRequestOnTheWireHasCompleted() throws Exception {
    CountDownLatch onTheWire = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean answered = new AtomicBoolean();
    Set<Thread> threads = new HashSet<>();
    CursorChain chain =
        start(
            cursor -> {
              if (cursor.equals("c1")) {
                onTheWire.countDown();
                // Socket I/O ignores interrupts: the answer comes when the server sends it.
                awaitQuietly(release);
                answered.set(true);
              }
              return endlessPage(cursor);
            },
            CursorChain.GIVE_UP,
            threads);
    assertThat(chain.take()).isInstanceOf(CursorChain.Fetched.class);
    assertThat(onTheWire.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

    AtomicBoolean answeredWhenClosed = new AtomicBoolean();
    Thread closer =
        new Thread(
            () -> {
              chain.close();
              answeredWhenClosed.set(answered.get());
            });
    closer.start();
    await("close waits for the request", () -> closer.getState() == Thread.State.TIMED_WAITING);
    release.countDown();
    closer.join(PATIENCE.toMillis());

    assertThat(answeredWhenClosed).isTrue();
    assertThat(threads).noneMatch(Thread::isAlive);
    assertThat(requested).containsExactly("", "c1");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    boolean done = false;
    while (!done) {
      try {
        done = latch.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
          throw new IllegalStateException("latch not released");
        }
      } catch (InterruptedException e) {
        // Blocking socket I/O ignores interrupts; so does this stand-in for it.
      }
    }
  }
}
