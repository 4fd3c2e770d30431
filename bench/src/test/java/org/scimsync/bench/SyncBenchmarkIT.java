package org.scimsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny run of the end-to-end benchmark (200 users, 20 groups, quotas 100 times AWS's, no latency)
 * that checks the runner works and its numbers agree with each other; no timing assertions.
 */
class SyncBenchmarkIT {

  @Test
  void measuresTheFourScenariosConsistently(@TempDir Path target) throws Exception {
    BenchmarkSettings settings =
        BenchmarkSettings.of(200, 20, 7, 100, target)
            .withLatency(Duration.ZERO)
            .withForkSync(false)
            .withInitialScale(200);
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    BenchmarkResults results =
        new SyncBenchmark(settings, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

    assertThat(results.scenarios())
        .extracting(ScenarioResult::name)
        .containsExactlyElementsOf(SyncBenchmark.SCENARIOS);
    assertThat(results.scenarios())
        .allSatisfy(s -> assertThat(s.measurement().status()).isEqualTo("SUCCEEDED"));
    assertThat(results.targetUsers()).isEqualTo(200);
    assertThat(results.targetGroups()).isEqualTo(20);

    ScenarioResult initial = results.scenario("initial");
    assertThat(initial.requestsByApi()).containsEntry("CreateUser", 200L);
    assertThat(initial.neededByApi())
        .containsEntry("CreateUser", 200L)
        .containsEntry("CreateGroup", 20L);
    assertThat(initial.measurement().planned()).containsEntry("CREATE_USER", 200);
    assertThat(initial.writes())
        .isEqualTo(
            initial.requestsByApi().entrySet().stream()
                .filter(e -> e.getKey().startsWith("Create") || e.getKey().startsWith("Patch"))
                .mapToLong(java.util.Map.Entry::getValue)
                .sum());
    assertThat(initial.boundSeconds()).isPositive();
    // the initial sync ran at quotas x200: its CreateUser floor is 200 / (25 × 200) s
    assertThat(initial.boundSeconds()).isCloseTo(200 / (25.0 * 200), within(0.01));
    assertThat(initial.measurement().peakHeapBytes()).isPositive();

    ScenarioResult noopFull = results.scenario("noop-full");
    assertThat(noopFull.writes()).isZero();
    assertThat(noopFull.neededWrites()).isZero();
    assertThat(noopFull.neededByApi())
        .containsEntry("ListUsers", 2L)
        .containsEntry("ListGroups", 1L);
    assertThat(noopFull.requestsByApi()).containsKeys("ListUsers", "ListGroups");

    ScenarioResult noopIncremental = results.scenario("noop-incremental");
    assertThat(noopIncremental.requestsByApi()).isEmpty();
    assertThat(noopIncremental.neededByApi()).isEmpty();
    assertThat(noopIncremental.measurement().message()).contains("found nothing to do");
    ScenarioResult reread = results.scenario("noop-incremental-read");
    assertThat(reread.requestsByApi()).isEmpty();
    assertThat(reread.measurement().message()).isNull();
    assertThat(reread.measurement().planned()).isEmpty();

    ScenarioResult change = results.scenario("change-1pct");
    assertThat(results.change().usersChanged()).isEqualTo(2);
    assertThat(change.neededByApi()).containsEntry("PatchUser", 2L);
    assertThat(change.neededByApi().get("PatchGroup")).isPositive();
    assertThat(change.writes()).isGreaterThanOrEqualTo(change.neededWrites());

    Path json = target.resolve("results").resolve(settings.name() + ".json");
    JsonNode written = new ObjectMapper().readTree(json.toFile());
    assertThat(written.path("scenarios")).hasSize(5);
    assertThat(written.path("scenarios").get(0).path("neededByApi").path("CreateUser").asLong())
        .isEqualTo(200);
    String markdown = Files.readString(target.resolve("results").resolve(settings.name() + ".md"));
    assertThat(markdown).contains("| initial |", "| noop-full |", "| change-1pct |");
    assertThat(markdown).contains("The initial sync ran at quotas x200");
    assertThat(settings.name()).isEqualTo("200u-20g-x100-initial-x200");
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("noop-incremental: SUCCEEDED");
  }
}
