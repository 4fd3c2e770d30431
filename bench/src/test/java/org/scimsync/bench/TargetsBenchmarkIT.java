package org.scimsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny run of the several-targets benchmark (200 users, 20 groups, two targets at quotas 100 and
 * 200 times AWS's, no latency, syncs in-process) that checks the runner works and its numbers agree
 * with each other; no timing assertions.
 */
class TargetsBenchmarkIT {

  @Test
  void measuresEveryTargetOfOneSharedRun(@TempDir Path target) throws Exception {
    TargetsSettings settings =
        TargetsSettings.of(200, 20, 7, List.of(100, 200), false, target)
            .withLatency(Duration.ZERO)
            .withForkSync(false);
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    TargetsResults results =
        new TargetsBenchmark(settings, new PrintStream(progress, true, StandardCharsets.UTF_8))
            .run();

    assertThat(results.runs())
        .extracting(TargetsResults.Run::name)
        .containsExactlyElementsOf(TargetsBenchmark.RUNS);
    assertThat(results.runs()).allSatisfy(r -> assertThat(r.exitCode()).isZero());

    TargetsResults.Run initial = results.run("initial");
    assertThat(initial.directoryReads()).isEqualTo(1);
    assertThat(initial.targets())
        .extracting(TargetsResults.TargetResult::target)
        .containsExactly("t1", "t2");
    // each target syncs its half of the directory: uids ending in an even or an odd digit
    assertThat(initial.targets())
        .allSatisfy(
            t -> {
              assertThat(t.status()).isEqualTo("SUCCEEDED");
              assertThat(t.usersAfter()).isEqualTo(100);
              assertThat(t.groupsAfter()).isEqualTo(10);
              assertThat(t.requestsByApi()).containsEntry("CreateUser", 100L);
              assertThat(t.neededByApi())
                  .containsEntry("CreateUser", 100L)
                  .containsEntry("CreateGroup", 10L);
              assertThat(t.writes()).isEqualTo(t.neededWrites());
              assertThat(t.throttled()).isZero();
              assertThat(t.wallSeconds()).isPositive();
            });
    // each target's floor is set by its own quotas: a page of each list at 40 × scale reads/s,
    // then 100 CreateUser at 25 × scale writes/s
    assertThat(initial.target("t1").boundSeconds())
        .isCloseTo(1 / (40.0 * 100) + 100 / (25.0 * 100), within(1e-9));
    assertThat(initial.target("t2").boundSeconds())
        .isCloseTo(1 / (40.0 * 200) + 100 / (25.0 * 200), within(1e-9));
    assertThat(initial.process().peakHeapBytes()).isPositive();

    TargetsResults.Run noopFull = results.run("noop-full");
    assertThat(noopFull.directoryReads()).isEqualTo(1);
    assertThat(noopFull.targets())
        .allSatisfy(
            t -> {
              assertThat(t.writes()).isZero();
              assertThat(t.neededByApi())
                  .containsEntry("ListUsers", 1L)
                  .containsEntry("ListGroups", 1L);
              assertThat(t.reads()).isEqualTo(t.neededReads());
            });

    TargetsResults.Run incremental = results.run("noop-incremental");
    assertThat(incremental.directoryReads()).isZero();
    assertThat(incremental.targets())
        .allSatisfy(
            t -> {
              assertThat(t.requestsByApi()).isEmpty();
              assertThat(t.message()).contains("found nothing to do");
            });

    Path json = settings.resultsDirectory().resolve("targets-200u-20g.json");
    assertThat(json).exists();
    assertThat(Files.readString(settings.resultsDirectory().resolve("targets-200u-20g.md")))
        .contains("| t2 (x200) |")
        .contains("**noop-full**: directory reads 1");
  }
}
