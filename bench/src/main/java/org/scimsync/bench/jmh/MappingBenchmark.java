package org.scimsync.bench.jmh;

import java.util.Set;
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
import org.openjdk.jmh.infra.Blackhole;
import org.scimsync.cli.app.internal.RulesResourceMapper;
import org.scimsync.engine.plan.DesiredState;
import org.scimsync.engine.plan.DesiredStateBuilder;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;

/**
 * Mapping throughput in objects (users plus groups) per second: the compiled rules with the AWS
 * sanitizer alone, and the whole desired-state build (mapping, content hashes, members restricted
 * to the users in scope), on one thread and on all cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MappingBenchmark {

  private PlanningFixture fixture;

  /** Generates and reads the directory once. */
  @Setup(Level.Trial)
  public void setUp() {
    fixture = PlanningFixture.generate(PlannerBenchmark.USERS, PlannerBenchmark.GROUPS);
  }

  /** Maps and sanitizes every user and group. */
  @Benchmark
  @OperationsPerInvocation(PlannerBenchmark.USERS + PlannerBenchmark.GROUPS)
  public void mapAndSanitize(Blackhole sink) {
    for (SourceUser user : fixture.snapshot().users()) {
      sink.consume(fixture.rules().mapUser(user));
    }
    for (SourceGroup group : fixture.snapshot().groups()) {
      sink.consume(fixture.rules().mapGroup(group));
    }
  }

  /** Builds the desired state on one thread: mapping, hashing and member resolution. */
  @Benchmark
  @OperationsPerInvocation(PlannerBenchmark.USERS + PlannerBenchmark.GROUPS)
  public DesiredState desiredState() {
    return DesiredStateBuilder.build(
        fixture.snapshot(), new RulesResourceMapper(fixture.rules()), Set.of(), 1);
  }

  /**
   * Builds the desired state as a run does, mapping on every core of the machine (wall clock: on a
   * loaded machine the other cores may not be free).
   */
  @Benchmark
  @OperationsPerInvocation(PlannerBenchmark.USERS + PlannerBenchmark.GROUPS)
  public DesiredState desiredStateAllCores() {
    return DesiredStateBuilder.build(
        fixture.snapshot(), new RulesResourceMapper(fixture.rules()), Set.of());
  }
}
