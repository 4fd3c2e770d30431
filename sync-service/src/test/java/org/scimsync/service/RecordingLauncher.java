package org.scimsync.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.scimsync.engine.state.RunStatus;

/**
 * A launcher that records every request, measures how many runs overlap, and can be held: while
 * held, a run blocks until {@link #release()} or until the service raises the stop signal.
 */
public final class RecordingLauncher implements RunLauncher {

  private final List<RunRequest> requests = new CopyOnWriteArrayList<>();
  private final List<Boolean> stopSeen = new CopyOnWriteArrayList<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger maxRunning = new AtomicInteger();
  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicInteger nextRunId = new AtomicInteger(100);
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile int exitCode;
  private volatile boolean ignoreStop;
  private volatile Duration work = Duration.ZERO;
  private volatile AtomicInteger together = new AtomicInteger();
  private volatile AtomicInteger maxTogether = new AtomicInteger();

  private volatile java.util.concurrent.atomic.AtomicBoolean runLock =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final AtomicInteger refused = new AtomicInteger();

  /**
   * Later runs take this long, and count themselves in {@code together} (shared with the launchers
   * of other instances), its highest value in {@code maxTogether}.
   */
  public RecordingLauncher working(
      Duration duration, AtomicInteger together, AtomicInteger maxTogether) {
    this.work = duration;
    this.together = together;
    this.maxTogether = maxTogether;
    return this;
  }

  /**
   * Later runs take {@code lock} first, as the engine takes the state store's run lock (shared with
   * the launchers of other instances), and fail as the engine does when it is held.
   */
  public RecordingLauncher locking(java.util.concurrent.atomic.AtomicBoolean lock) {
    this.runLock = lock;
    return this;
  }

  /** How many runs found the lock held. */
  public int refused() {
    return refused.get();
  }

  /** Later runs block until {@link #release()} or the stop signal. */
  public RecordingLauncher hold() {
    gate = new CountDownLatch(1);
    return this;
  }

  /** Held runs go on after the stop signal until released (a slow change in flight). */
  public RecordingLauncher ignoringStop() {
    ignoreStop = true;
    return this;
  }

  /** Lets held runs finish. */
  public void release() {
    gate.countDown();
  }

  /** Later runs end with this exit code (4: unreachable). */
  public RecordingLauncher endingWith(int code) {
    this.exitCode = code;
    return this;
  }

  @Override
  public RunResult launch(RunRequest request) {
    java.util.concurrent.atomic.AtomicBoolean lock = runLock;
    if (!lock.compareAndSet(false, true)) {
      refused.incrementAndGet();
      throw new org.scimsync.engine.error.SyncException(
          org.scimsync.engine.error.ErrorKind.LOCKED, "the state store is in use by another run");
    }
    try {
      return launchLocked(request);
    } finally {
      lock.set(false);
    }
  }

  private RunResult launchLocked(RunRequest request) {
    requests.add(request);
    int now = running.incrementAndGet();
    maxRunning.accumulateAndGet(now, Math::max);
    AtomicInteger shared = together;
    maxTogether.accumulateAndGet(shared.incrementAndGet(), Math::max);
    try {
      // the run's work: its duration, not a wait for another thread
      java.util.concurrent.locks.LockSupport.parkNanos(work.toNanos());
      while (!gate.await(5, TimeUnit.MILLISECONDS)) {
        if (!ignoreStop && request.stop().stopRequested()) {
          break;
        }
      }
      stopSeen.add(request.stop().stopRequested());
      return new RunResult(
          nextRunId.incrementAndGet(),
          exitCode == 0 ? RunStatus.SUCCEEDED : RunStatus.FAILED,
          exitCode,
          request.forceFull(),
          3,
          exitCode == 0 ? 0 : 1,
          Map.of("CREATE_USER", 2, "PATCH_MEMBERS", 1),
          Duration.ofMillis(40));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      shared.decrementAndGet();
      running.decrementAndGet();
      finished.incrementAndGet();
    }
  }

  public List<RunRequest> requests() {
    return List.copyOf(requests);
  }

  public int started() {
    return requests.size();
  }

  public int finished() {
    return finished.get();
  }

  public int running() {
    return running.get();
  }

  public int maxConcurrency() {
    return maxRunning.get();
  }

  /** For each finished run, whether the stop signal was raised when it returned. */
  public List<Boolean> stopSeen() {
    return List.copyOf(stopSeen);
  }
}
