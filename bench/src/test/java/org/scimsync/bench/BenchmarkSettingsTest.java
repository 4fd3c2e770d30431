package org.scimsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The scenarios' settings and the names of their files. */
class BenchmarkSettingsTest {

  private final Path target = Path.of("target-dir");

  @Test
  void theLongRoundTripScenarioRaisesTheQuotasAt150Milliseconds() {
    BenchmarkSettings settings = BenchmarkSettings.longRoundTrip(5000, 1000, 42, target);

    assertThat(settings.writesPerSecond()).isEqualTo(100);
    assertThat(settings.readsPerSecond()).isEqualTo(160);
    assertThat(settings.latency()).isEqualTo(Duration.ofMillis(150));
    assertThat(settings.name()).isEqualTo("5000u-1000g-x4-150ms");
    assertThat(settings.workDirectory().getFileName()).hasToString("5000u-1000g-x4-150ms");
    assertThat(settings.maxConcurrency()).isNull();
  }

  @Test
  void theScaledLatencyKeepsTheUsualNames() {
    assertThat(BenchmarkSettings.of(5000, 1000, 42, 10, target).name())
        .isEqualTo("5000u-1000g-x10");
    assertThat(
            BenchmarkSettings.of(5000, 1000, 42, 10, target)
                .withLatency(Duration.ZERO)
                .withInitialScale(20)
                .name())
        .isEqualTo("5000u-1000g-x10-initial-x20");
  }

  @Test
  void aCapOnRequestsInFlightIsKept() {
    assertThat(
            BenchmarkSettings.longRoundTrip(5000, 1000, 42, target)
                .withMaxConcurrency(8)
                .initial()
                .maxConcurrency())
        .isEqualTo(8);
  }
}
