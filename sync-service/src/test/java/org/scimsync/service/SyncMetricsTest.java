package org.scimsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.RunStatus;

/** The run, change, throttling and managed-object metrics carry the target's name. */
class SyncMetricsTest {

  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

  private final SyncMetrics metrics =
      new SyncMetrics(
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.fixed(NOW, ZoneOffset.UTC));

  private static RunResult result(RunStatus status, int exitCode, int created, int failures) {
    return new RunResult(
        1,
        status,
        exitCode,
        false,
        created,
        failures,
        Map.of("CREATE_USER", created),
        Duration.ofSeconds(2));
  }

  @Test
  void twoTargetsRunsGiveTwoSeriesOfEachMetric() {
    metrics.recordRun("aws", Trigger.SCHEDULE, result(RunStatus.SUCCEEDED, 0, 3, 0));
    metrics.recordRun("slack", Trigger.SCHEDULE, result(RunStatus.PARTIAL, 1, 1, 2));
    metrics.recordRun("slack", Trigger.WEBHOOK, result(RunStatus.PARTIAL, 1, 1, 2));
    metrics.recordRunError("slack", Trigger.UI);
    metrics.recordThrottled("aws");
    metrics.recordThrottled("aws");
    metrics.setManagedCounts("aws", 120, 7);
    metrics.setManagedCounts("slack", 80, 3);

    assertThat(metrics.scrape())
        .contains(
            "scim_sync_runs_total{outcome=\"succeeded\",target=\"aws\",trigger=\"schedule\"} 1.0",
            "scim_sync_runs_total{outcome=\"partial\",target=\"slack\",trigger=\"schedule\"} 1.0",
            "scim_sync_runs_total{outcome=\"partial\",target=\"slack\",trigger=\"webhook\"} 1.0",
            "scim_sync_runs_total{outcome=\"error\",target=\"slack\",trigger=\"ui\"} 1.0",
            "scim_sync_run_duration_seconds_count{target=\"aws\",trigger=\"schedule\"} 1",
            "scim_sync_run_duration_seconds_count{target=\"slack\",trigger=\"schedule\"} 1",
            "scim_sync_changes_total{kind=\"create_user\",target=\"aws\"} 3.0",
            "scim_sync_changes_total{kind=\"create_user\",target=\"slack\"} 2.0",
            "scim_sync_change_failures_total{target=\"aws\"} 0.0",
            "scim_sync_change_failures_total{target=\"slack\"} 4.0",
            "scim_sync_target_throttled_total{target=\"aws\"} 2.0",
            "scim_sync_managed_objects{kind=\"user\",target=\"aws\"} 120.0",
            "scim_sync_managed_objects{kind=\"group\",target=\"aws\"} 7.0",
            "scim_sync_managed_objects{kind=\"user\",target=\"slack\"} 80.0",
            "scim_sync_managed_objects{kind=\"group\",target=\"slack\"} 3.0",
            "scim_sync_last_success_timestamp_seconds{target=\"aws\"} "
                + (double) NOW.getEpochSecond(),
            "scim_sync_last_success_timestamp_seconds{target=\"slack\"} 0.0")
        .doesNotContain("scim_sync_target_throttled_total{target=\"slack\"}");
  }

  @Test
  void aTargetsMetricsAppearWithItsFirstRecord() {
    assertThat(metrics.scrape()).doesNotContain("target=\"aws\"");
    metrics.setManagedCounts("aws", 1, 0);
    metrics.setManagedCounts("aws", 2, 0);
    assertThat(metrics.scrape())
        .contains("scim_sync_managed_objects{kind=\"user\",target=\"aws\"} 2.0")
        .doesNotContain("scim_sync_runs_total{");
  }
}
