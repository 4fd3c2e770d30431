package org.scimsync.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.scimsync.cli.app.internal.RulesResourceMapper;
import org.scimsync.engine.plan.DesiredStateBuilder;
import org.scimsync.engine.plan.ObservedState;
import org.scimsync.engine.plan.Planner;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.engine.state.StoredState;

/**
 * The JMH benchmarks' operations timed in CPU time of the measuring thread instead of wall time:
 * objects per CPU-second, which is "per core" and does not depend on how loaded a shared machine is
 * (JMH's wall-clock throughput does).
 *
 * <p>Usage: {@code CpuTimeThroughput [users groups [iterations]]} (default 10000 2000 10).
 */
public final class CpuTimeThroughput {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTimeThroughput() {}

  /** Prints objects per CPU-second of each operation. */
  public static void main(String[] args) {
    int users = args.length > 1 ? Integer.parseInt(args[0]) : PlannerBenchmark.USERS;
    int groups = args.length > 1 ? Integer.parseInt(args[1]) : PlannerBenchmark.GROUPS;
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    PlanningFixture fixture = PlanningFixture.generate(users, groups);
    SyncPolicy policy = SyncPolicy.defaults();
    Map<String, Supplier<Object>> operations = new LinkedHashMap<>();
    operations.put(
        "mapAndSanitize",
        () -> {
          int mapped = 0;
          for (SourceUser user : fixture.snapshot().users()) {
            mapped += fixture.rules().mapUser(user).hashCode() & 1;
          }
          for (SourceGroup group : fixture.snapshot().groups()) {
            mapped += fixture.rules().mapGroup(group).hashCode() & 1;
          }
          return mapped;
        });
    operations.put(
        "desiredState",
        () ->
            DesiredStateBuilder.build(
                fixture.snapshot(), new RulesResourceMapper(fixture.rules()), Set.of(), 1));
    operations.put(
        "noOpPlan",
        () ->
            Planner.plan(
                fixture.desired(), fixture.matchingTarget(), fixture.matchingState(), policy));
    operations.put(
        "initialPlan",
        () ->
            Planner.plan(
                fixture.desired(),
                ObservedState.complete(List.of(), List.of()),
                StoredState.empty(),
                policy));
    System.out.printf(
        Locale.ROOT, "objects=%d (users=%d groups=%d)%n", fixture.objects(), users, groups);
    for (Map.Entry<String, Supplier<Object>> operation : operations.entrySet()) {
      for (int i = 0; i < iterations; i++) {
        operation.getValue().get();
      }
      long best = Long.MAX_VALUE;
      long total = 0;
      for (int i = 0; i < iterations; i++) {
        long start = THREADS.getCurrentThreadCpuTime();
        operation.getValue().get();
        long cpu = THREADS.getCurrentThreadCpuTime() - start;
        best = Math.min(best, cpu);
        total += cpu;
      }
      System.out.printf(
          Locale.ROOT,
          "%-15s objects per CPU-second: mean %,.0f best %,.0f%n",
          operation.getKey(),
          fixture.objects() / (total / (double) iterations / 1e9),
          fixture.objects() / (best / 1e9));
    }
  }
}
