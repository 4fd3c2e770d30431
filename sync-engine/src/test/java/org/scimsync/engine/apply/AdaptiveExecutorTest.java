package org.scimsync.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.cache.RunCaches;
import org.scimsync.engine.cache.WriteClearance;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.state.ChangeOutcome.Result;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.InMemoryScimTarget;
import org.scimsync.engine.target.ResponseWatcher;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetPacing;
import org.scimsync.engine.testing.InMemoryStateStore;

/**
 * The executor sizes its requests in flight from the target's pacing: at 100 writes/s and a 150 ms
 * round trip it needs about 15 in flight, far more than its fixed parallelism, and never more than
 * the cap. The target here answers each create only once enough creates are in flight at once (a
 * barrier), and tells a 150 ms round trip: a fixed pool never gets there.
 */
class AdaptiveExecutorTest {

  private final InMemoryStateStore store = new InMemoryStateStore();
  private final WriteClearance clearance = RunCaches.of(store).clearForWriting();

  @Test
  void keepsEnoughCreatesInFlightForTheRateAtALongRoundTrip() {
    int needed = 16;
    PacedTarget paced = new PacedTarget(new TargetPacing(100, 64), needed);

    ExecutionResult result = execute(paced.target(), 64, 4);

    assertThat(result.results()).allMatch(r -> r.result() == Result.APPLIED);
    assertThat(paced.brokenBarriers.get()).isZero();
    assertThat(paced.maxInFlight.get()).isBetween(needed, 20);
  }

  @Test
  void neverHasMoreInFlightThanTheCap() {
    PacedTarget paced = new PacedTarget(new TargetPacing(100, 6), 6);

    ExecutionResult result = execute(paced.target(), 36, 4);

    assertThat(result.results()).allMatch(r -> r.result() == Result.APPLIED);
    assertThat(paced.maxInFlight.get()).isEqualTo(6);
  }

  @Test
  void aTargetWithoutPacingKeepsTheFixedParallelism() {
    PacedTarget paced = new PacedTarget(TargetPacing.UNKNOWN, 4);

    ExecutionResult result = execute(paced.target(), 24, 4);

    assertThat(result.results()).allMatch(r -> r.result() == Result.APPLIED);
    assertThat(paced.maxInFlight.get()).isEqualTo(4);
  }

  private ExecutionResult execute(ScimTarget target, int users, int parallelism) {
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      ObjectNode resource = JsonNodeFactory.instance.objectNode().put("userName", "u" + i + "@x");
      changes.add(new Change.CreateUser("k" + i, "u" + i + "@x", resource, "h" + i, "new"));
    }
    long run = store.beginRun(new RunStart("t", true, false, Instant.EPOCH));
    return new Executor(target, store, Clock.systemUTC(), parallelism)
        .execute(clearance, run, changes, StoredState.empty(), true);
  }

  /**
   * An in-memory target whose creates tell a 150 ms round trip and then wait, up to 10 s, until
   * {@code together} creates are in flight at once.
   */
  private static final class PacedTarget {
    final InMemoryScimTarget delegate = InMemoryScimTarget.aws();
    final TargetPacing pacing;
    final CyclicBarrier barrier;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicInteger brokenBarriers = new AtomicInteger();
    final AtomicReference<ResponseWatcher> watcher = new AtomicReference<>();

    PacedTarget(TargetPacing pacing, int together) {
      this.pacing = pacing;
      this.barrier = new CyclicBarrier(together);
    }

    ScimTarget target() {
      return (ScimTarget)
          Proxy.newProxyInstance(
              ScimTarget.class.getClassLoader(),
              new Class<?>[] {ScimTarget.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "pacing" -> pacing;
                    case "watchResponses" -> {
                      watcher.set((ResponseWatcher) args[0]);
                      yield (ResponseWatcher.Subscription) () -> watcher.set(null);
                    }
                    case "createUser" -> create(method, args);
                    default -> invoke(method, args);
                  });
    }

    private Object create(java.lang.reflect.Method method, Object[] args) throws Throwable {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      try {
        ResponseWatcher told = watcher.get();
        if (told != null) {
          told.onResponse(201, Duration.ofMillis(150));
        }
        try {
          barrier.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException | BrokenBarrierException e) {
          brokenBarriers.incrementAndGet();
          barrier.reset();
        }
        return invoke(method, args);
      } finally {
        inFlight.decrementAndGet();
      }
    }

    private Object invoke(java.lang.reflect.Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(delegate, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
