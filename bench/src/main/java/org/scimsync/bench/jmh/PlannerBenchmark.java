package org.scimsync.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.scimsync.engine.plan.ObservedState;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.plan.Planner;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.state.StoredState;

/**
 * The planner's throughput in objects (users plus groups) per second, on one thread: a no-op plan
 * against a target that already matches (every object compared), and the initial plan against an
 * empty target (every object created).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PlannerBenchmark {

  /** Users in the generated directory. */
  static final int USERS = 10_000;

  /** Groups in the generated directory. */
  static final int GROUPS = 2_000;

  private PlanningFixture fixture;
  private SyncPolicy policy;

  /** Generates and maps the directory once. */
  @Setup(Level.Trial)
  public void setUp() {
    fixture = PlanningFixture.generate(USERS, GROUPS);
    policy = SyncPolicy.defaults();
  }

  /** Plans against a target that holds everything already. */
  @Benchmark
  @OperationsPerInvocation(USERS + GROUPS)
  public Plan noOpPlan() {
    return Planner.plan(
        fixture.desired(), fixture.matchingTarget(), fixture.matchingState(), policy);
  }

  /** Plans against an empty target. */
  @Benchmark
  @OperationsPerInvocation(USERS + GROUPS)
  public Plan initialPlan() {
    return Planner.plan(
        fixture.desired(),
        ObservedState.complete(java.util.List.of(), java.util.List.of()),
        StoredState.empty(),
        policy);
  }
}
