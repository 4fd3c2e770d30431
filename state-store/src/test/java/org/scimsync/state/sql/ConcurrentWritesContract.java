package org.scimsync.state.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalEntry;
import org.scimsync.engine.state.JournalRecord;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.StoredState;

/** Writes from the threads of a run, and from two stores on one database, are never lost. */
public interface ConcurrentWritesContract extends StateStoreFixture {

  int THREADS = 8;
  int CHANGES_PER_THREAD = 150;
  int READS = 20;

  @Test
  default void writesFromManyThreadsAreNeverLost() throws Exception {
    try (SqlStateStore store = reopen()) {
      long run = store.beginRun(new RunStart("cli", true, false, Instant.now()));
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
      try {
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          writers.add(pool.submit(() -> applyChanges(store, run, thread, start)));
        }
        Future<Integer> reader = pool.submit(() -> readWhileWriting(store, start));
        start.countDown();
        for (Future<?> writer : writers) {
          writer.get(2, TimeUnit.MINUTES);
        }
        assertThat(reader.get(2, TimeUnit.MINUTES)).isNotNegative();
      } finally {
        pool.shutdownNow();
      }

      int total = THREADS * CHANGES_PER_THREAD;
      StoredState state = store.load();
      assertThat(state.users()).hasSize(total);
      assertThat(state.memberships().get("everyone")).hasSize(total);
      List<JournalRecord> journal = store.journal(run);
      assertThat(journal).hasSize(total).allSatisfy(r -> assertThat(r.outcome()).isNotNull());
      Set<String> journaled = new HashSet<>();
      journal.forEach(r -> journaled.add(r.entry().sourceKey()));
      assertThat(journaled).isEqualTo(state.users().keySet());
      assertThat(store.unfinishedChanges()).isEmpty();
    }
  }

  @Test
  default void theRunsOfThreeTargetsWriteAtOnceThroughOneStore() throws Exception {
    List<String> targets = List.of("default", "slack", "github");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(targets.size());
    List<Long> runs = new ArrayList<>();
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (String target : targets) {
        SqlStateStore store = store().forTarget(target);
        long run = store.beginRun(new RunStart("cli", true, false, Instant.now()));
        runs.add(run);
        writers.add(pool.submit(() -> applyChanges(store, run, 0, start)));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    for (int t = 0; t < targets.size(); t++) {
      SqlStateStore store = store().forTarget(targets.get(t));
      StoredState state = store.load();
      assertThat(state.users()).hasSize(CHANGES_PER_THREAD);
      assertThat(state.memberships().get("everyone")).hasSize(CHANGES_PER_THREAD);
      assertThat(store.journal(runs.get(t)))
          .hasSize(CHANGES_PER_THREAD)
          .allSatisfy(r -> assertThat(r.outcome()).isNotNull());
      assertThat(store.recentRuns(10)).extracting(r -> r.id()).containsExactly(runs.get(t));
      assertThat(store.unfinishedChanges()).isEmpty();
    }
  }

  @Test
  default void twoStoresOnOneFileWaitForEachOthersWrites() throws Exception {
    try (SqlStateStore first = reopen();
        SqlStateStore second = reopen()) {
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<?> a = pool.submit(() -> saveLinks(first, "first-", start));
        Future<?> b = pool.submit(() -> saveLinks(second, "second-", start));
        start.countDown();
        a.get(2, TimeUnit.MINUTES);
        b.get(2, TimeUnit.MINUTES);
      } finally {
        pool.shutdownNow();
      }
      assertThat(first.load().users()).hasSize(2 * CHANGES_PER_THREAD);
      assertThat(second.load().users()).hasSize(2 * CHANGES_PER_THREAD);
    }
  }

  private static Void saveLinks(SqlStateStore store, String prefix, CountDownLatch start)
      throws InterruptedException {
    start.await();
    for (int i = 0; i < CHANGES_PER_THREAD; i++) {
      store.saveLink(
          new Link(ObjectKind.USER, prefix + i, "t-" + prefix + i, "h", false, Instant.now()));
      store.addMemberships("everyone", List.of(prefix + i));
    }
    return null;
  }

  private static Void applyChanges(SqlStateStore store, long run, int thread, CountDownLatch start)
      throws Exception {
    start.await();
    for (int i = 0; i < CHANGES_PER_THREAD; i++) {
      String key = "user-" + thread + "-" + i;
      long entry =
          store.journalBegin(
              run, new JournalEntry("CREATE_USER", ObjectKind.USER, key, null, key, List.of()));
      store.saveLink(new Link(ObjectKind.USER, key, "t-" + key, "h", false, Instant.now()));
      store.addMemberships("everyone", List.of(key));
      store.journalEnd(
          entry, new ChangeOutcome(ChangeOutcome.Result.APPLIED, 201, "t-" + key, null));
    }
    return null;
  }

  /**
   * Loads the state a few times while the writers run; each load sees a consistent, growing state.
   */
  private static int readWhileWriting(SqlStateStore store, CountDownLatch start)
      throws InterruptedException {
    start.await();
    int seen = 0;
    for (int read = 0; read < READS; read++) {
      StoredState state = store.load();
      int now = state.users().size();
      assertThat(now).isGreaterThanOrEqualTo(seen);
      assertThat(state.memberships().getOrDefault("everyone", Set.of()).size())
          .isLessThanOrEqualTo(now);
      seen = now;
    }
    return seen;
  }
}
