package org.scimsync.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.scimsync.cli.app.internal.RulesResourceMapper;
import org.scimsync.engine.plan.DesiredState;
import org.scimsync.engine.plan.DesiredStateBuilder;
import org.scimsync.engine.plan.ObservedState;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.plan.Planner;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.state.StoredState;
import org.scimsync.sources.ldif.LdifDirectorySource;
import org.scimsync.sources.ldif.LdifSourceConfig;
import org.scimsync.state.sqlite.SqliteStateStore;

/**
 * Where the time of a no-op incremental run goes, phase by phase, in wall and CPU time of one
 * thread: reading the LDIF directory, mapping it into the desired state, loading the state store,
 * planning (an incremental run with nothing changed sends no request, so these are all of it). Runs
 * on the directory and state file that a benchmark run left behind.
 *
 * <p>Usage: {@code IncrementalPhases DIRECTORY.ldif STATE.db [rounds]}
 */
public final class IncrementalPhases {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private IncrementalPhases() {}

  /** Prints the wall and CPU time of each phase, for each round. */
  public static void main(String[] args) {
    Path ldif = Path.of(args[0]);
    Path state = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    RulesResourceMapper mapper = new RulesResourceMapper(PlanningFixture.compileRules());
    for (int round = 1; round <= rounds; round++) {
      DirectorySnapshot snapshot =
          timed(
              round,
              "read",
              () ->
                  new LdifDirectorySource(
                          LdifSourceConfig.of(ldif).withKeys("entryUUID", "entryUUID"))
                      .read());
      DesiredState desired =
          timed(round, "map", () -> DesiredStateBuilder.build(snapshot, mapper, Set.of()));
      StoredState stored =
          timed(
              round,
              "loadState",
              () -> {
                try (SqliteStateStore store = SqliteStateStore.open(state)) {
                  return store.load();
                }
              });
      Plan plan =
          timed(
              round,
              "plan",
              () ->
                  Planner.plan(
                      desired,
                      ObservedState.partial(List.of(), List.of()),
                      stored,
                      SyncPolicy.defaults()));
      System.out.printf(
          Locale.ROOT,
          "round=%d users=%d groups=%d links=%d changes=%d%n",
          round,
          desired.users().size(),
          desired.groups().size(),
          stored.users().size() + stored.groups().size(),
          plan.changes().size());
    }
  }

  private static <T> T timed(int round, String phase, Supplier<T> work) {
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    T result = work.get();
    System.out.printf(
        Locale.ROOT,
        "round=%d phase=%-9s wallMs=%d cpuMs=%d%n",
        round,
        phase,
        (System.nanoTime() - wall) / 1_000_000,
        (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000);
    return result;
  }
}
