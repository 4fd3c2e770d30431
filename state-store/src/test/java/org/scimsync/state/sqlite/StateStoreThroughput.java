package org.scimsync.state.sqlite;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.JournalEntry;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.scimsync.engine.state.RunStart;
import org.scimsync.engine.state.StoredState;

/**
 * Measures the store at the size of a large initial sync (50,000 users, 10,000 groups, 250,000
 * memberships). Run by hand, never by the build:
 *
 * <pre>{@code
 * java -cp <test classpath> org.scimsync.state.sqlite.StateStoreThroughput [directory]
 * }</pre>
 */
public final class StateStoreThroughput {

  private static final int USERS = 50_000;
  private static final int GROUPS = 10_000;
  private static final int MEMBERS_PER_GROUP = 25;
  private static final int JOURNALED_CHANGES = 20_000;
  private static final int THREADS = 8;

  private StateStoreThroughput() {}

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("state-throughput");
    Path file = dir.resolve("state-" + System.nanoTime() + ".db");
    try (SqliteStateStore store = SqliteStateStore.open(file)) {
      long start = start();
      for (int i = 0; i < USERS; i++) {
        store.saveLink(link(ObjectKind.USER, "user-" + i));
      }
      for (int i = 0; i < GROUPS; i++) {
        store.saveLink(link(ObjectKind.GROUP, "group-" + i));
      }
      report("saveLink, 1 thread", USERS + GROUPS, start);

      start = start();
      for (int g = 0; g < GROUPS; g++) {
        List<String> members = new ArrayList<>(MEMBERS_PER_GROUP);
        for (int m = 0; m < MEMBERS_PER_GROUP; m++) {
          members.add("user-" + ((g * 7 + m * 1_999) % USERS));
        }
        store.addMemberships("group-" + g, members);
      }
      report("addMemberships (25 per call), memberships", GROUPS * MEMBERS_PER_GROUP, start);

      for (int i = 0; i < 3; i++) {
        start = start();
        StoredState state = store.load();
        int memberships = state.memberships().values().stream().mapToInt(s -> s.size()).sum();
        report(
            "load() users="
                + state.users().size()
                + " groups="
                + state.groups().size()
                + " memberships="
                + memberships,
            1,
            start);
      }

      long run = store.beginRun(new RunStart("bench", true, false, Instant.now()));
      start = start();
      for (int i = 0; i < JOURNALED_CHANGES; i++) {
        long id = store.journalBegin(run, entry("user-" + i));
        store.journalEnd(id, new ChangeOutcome(ChangeOutcome.Result.APPLIED, 200, "t", null));
      }
      report("journalBegin+journalEnd pairs, 1 thread", JOURNALED_CHANGES, start);

      start = start();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = thread; i < USERS; i += THREADS) {
                    long id = store.journalBegin(run, entry("user-" + i));
                    store.saveLink(link(ObjectKind.USER, "user-" + i));
                    store.journalEnd(
                        id, new ChangeOutcome(ChangeOutcome.Result.APPLIED, 200, "t", null));
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      pool.shutdown();
      report("journalBegin+saveLink+journalEnd, " + THREADS + " threads, changes", USERS, start);
    }
    System.out.printf("file size: %,d bytes (%s)%n", Files.size(file), file);
  }

  private static Link link(ObjectKind kind, String key) {
    return new Link(kind, key, "target-" + key, "sha256-" + key.hashCode(), false, Instant.now());
  }

  private static JournalEntry entry(String key) {
    return new JournalEntry(
        "PATCH_USER", ObjectKind.USER, key, "target-" + key, key, List.of("displayName"));
  }

  private static long cpuStart;

  private static long start() {
    cpuStart = processCpuNanos();
    return System.nanoTime();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Wall time, and the CPU time of the process (the machine may be busy with other work). */
  private static void report(String what, int count, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double cpu = (processCpuNanos() - cpuStart) / 1e9;
    System.out.printf(
        "%-62s %,9d in %7.3f s wall = %,9.0f/s; %7.3f s cpu = %,9.0f/s%n",
        what, count, seconds, count / seconds, cpu, count / cpu);
  }
}
