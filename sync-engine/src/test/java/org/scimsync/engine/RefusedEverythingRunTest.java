package org.scimsync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.state.RunStatus;

/**
 * A target that refuses every write the same way stops the run after {@code maxConsecutiveRefusals}
 * refusals (exit 1, or 4 for refused credentials), with one message that quotes the server; one
 * refusal fewer lets the run go on.
 */
class RefusedEverythingRunTest {

  private static final String SCHEMA_REFUSAL =
      "Request is unparsable, syntactically incorrect, or violates schema. (request {n})";

  private final EngineFixture f = new EngineFixture();

  /** One change at a time, so that the order of the refusals is the plan's. */
  private EngineFixture oneAtATime(int limit, int users) {
    SyncPolicy p = f.policy;
    f.policy =
        new SyncPolicy(
            p.users(), p.groups(), p.maxDeletes(), p.maxDeletePercent(), p.fullEvery(), 1, limit);
    return f.users(users);
  }

  @Test
  void theSameRefusalLimitTimesInARowStopsTheRunQuotingTheServer() {
    oneAtATime(5, 12);
    f.target.refuseWrites(400, SCHEMA_REFUSAL);

    RunReport report = f.full();

    assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(report.failed()).isEqualTo(5);
    assertThat(report.skipped()).isEqualTo(7);
    assertThat(f.target.requests()).filteredOn(r -> r.endsWith("(refused)")).hasSize(5);
    assertThat(report.message())
        .contains("refused 5 writes in a row")
        .contains("HTTP 400")
        .contains("Request is unparsable, syntactically incorrect, or violates schema.")
        .contains("likely cause")
        .contains("mapping rules");
  }

  @Test
  void oneRefusalFewerThanTheLimitLetsTheRunGoOn() {
    oneAtATime(5, 4);
    f.target.refuseWrites(400, SCHEMA_REFUSAL);

    RunReport report = f.full();

    assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(report.failed()).isEqualTo(4);
    assertThat(report.skipped()).isZero();
    assertThat(report.message()).isNull();
  }

  @Test
  void aLengthRequiredFrontIsNamedAsTheLikelyCause() {
    oneAtATime(3, 5);
    f.target.refuseWrites(411, "Length Required");

    RunReport report = f.full();

    assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(report.failed()).isEqualTo(3);
    assertThat(report.message()).contains("HTTP 411").contains("Content-Length");
  }

  @Test
  void refusedCredentialsStopTheRunAtTheFirstRefusalAsUnreachable() {
    oneAtATime(5, 6);
    f.target.refuseWrites(401, "Invalid token");

    RunReport report = f.full();

    assertThat(report.status()).isEqualTo(RunStatus.FAILED);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.message()).contains("Invalid token").contains("likely cause");
  }

  @ParameterizedTest(name = "{0} refusals in a row")
  @ValueSource(ints = {4, 5})
  void forbiddenWritesStopTheRunAsUnreachableOnlyAtTheLimit(int users) {
    oneAtATime(5, users);
    f.target.refuseWrites(403, "Forbidden");

    RunReport report = f.full();

    assertThat(report.failed()).isEqualTo(users);
    if (users < 5) {
      assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
      assertThat(report.message()).isNull();
    } else {
      assertThat(report.status()).isEqualTo(RunStatus.FAILED);
      assertThat(report.message())
          .contains("refused 5 writes in a row")
          .contains("HTTP 403")
          .contains("permission");
    }
  }

  @Test
  void theTextReportSummarisesRepeatedFailuresAndTheJsonKeepsThemAll() {
    oneAtATime(1000, 30);
    f.target.refuseWrites(400, SCHEMA_REFUSAL);

    RunReport report = f.full();

    assertThat(report.failed()).isEqualTo(30);
    String text = report.toText();
    assertThat(text.lines().filter(l -> l.startsWith("FAILED "))).hasSize(5);
    assertThat(text).contains("… and 25 more like this");
    assertThat(report.toJson(1).split("\"result\" : \"FAILED\"", -1)).hasSize(31);
  }

  @Test
  void membersRefusedWhileTheRestOfTheirGroupsIsAppliedDoNotStopTheRun() {
    oneAtATime(2, 6);
    f.full();
    String bad = f.target.userIdByName("u0@example.org").orElseThrow();
    f.target.refuseMember(bad);
    for (int g = 0; g < 4; g++) {
      f.source.group("g" + g, "team-" + g, java.util.List.of("k0", "k1", "k2"));
    }

    RunReport report = f.full();

    assertThat(report.message()).isNull();
    assertThat(report.skipped()).isZero();
    assertThat(report.failed()).isEqualTo(4);
    assertThat(report.results())
        .allSatisfy(
            r ->
                assertThat(r.detail())
                    .contains("1 member refused by the target")
                    .contains("u0@example.org")
                    .contains("member not accepted"));
    String team = f.target.groupIdByName("team-3").orElseThrow();
    assertThat(f.target.membersOf(team)).hasSize(2).doesNotContain(bad);
  }
}
