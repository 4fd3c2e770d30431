package org.scimsync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.apply.ChangeResult;
import org.scimsync.engine.apply.ExecutionResult;
import org.scimsync.engine.apply.Executor;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.plan.SafetyVerdict;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.RunStatus;

/** How a run ends: status, exit code and message, the most serious reason first. */
class RunOutcomeTest {

  private static final Change DELETE = new Change.DeleteUser("k1", "u1", "a@x", "left");
  private static final SafetyVerdict WITHHELD =
      new SafetyVerdict(
          SafetyVerdict.Outcome.DESTRUCTIVE_WITHHELD, "2 deletes over the limit", List.of("a@x"));

  @Test
  void everyChangeAppliedSucceeds() {
    RunOutcome outcome = RunOutcome.of(result(ChangeOutcome.Result.APPLIED, 0), passed());

    assertThat(outcome).isEqualTo(new RunOutcome(RunStatus.SUCCEEDED, null));
  }

  @Test
  void aFailedChangeMakesThePartialRun() {
    RunOutcome outcome = RunOutcome.of(result(ChangeOutcome.Result.FAILED, 0), passed());

    assertThat(outcome).isEqualTo(new RunOutcome(RunStatus.PARTIAL, null));
  }

  @Test
  void theSafetyGuardComesBeforeFailedChanges() {
    RunOutcome outcome = RunOutcome.of(result(ChangeOutcome.Result.FAILED, 0), WITHHELD);

    assertThat(outcome)
        .isEqualTo(new RunOutcome(RunStatus.STOPPED_BY_GUARD, "2 deletes over the limit"));
  }

  @Test
  void anUnreachableTargetFailsTheRunBeforeTheGuardIsConsidered() {
    RunOutcome outcome = RunOutcome.of(result(ChangeOutcome.Result.FAILED, 1), WITHHELD);

    assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
    assertThat(outcome.message()).contains("could not be reached");
  }

  @Test
  void aStopSignalComesFirstOfAll() {
    ExecutionResult stopped =
        new ExecutionResult(
            List.of(new ChangeResult(DELETE, ChangeOutcome.Result.FAILED, null, null, "down")),
            "SIGTERM",
            1,
            true);

    RunOutcome outcome = RunOutcome.of(stopped, WITHHELD);

    assertThat(outcome).isEqualTo(new RunOutcome(RunStatus.FAILED, "run stopped: SIGTERM"));
  }

  @Test
  void aShutdownLeavesAPartialRun() {
    ExecutionResult shutdown = new ExecutionResult(List.of(), null, 0, true);

    RunOutcome outcome = RunOutcome.of(shutdown, WITHHELD);

    assertThat(outcome).isEqualTo(new RunOutcome(RunStatus.PARTIAL, Executor.STOPPED_BY_SHUTDOWN));
  }

  private static ExecutionResult result(ChangeOutcome.Result result, int unavailable) {
    return new ExecutionResult(
        List.of(new ChangeResult(DELETE, result, null, null, null)), null, unavailable, false);
  }

  private static SafetyVerdict passed() {
    return SafetyVerdict.passed();
  }
}
