package org.scimsync.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's metrics, exposed at {@code GET /metrics} in the Prometheus text format. The service
 * records runs and webhook calls itself; the engine (through the composition root) reports 429
 * answers with {@link #recordThrottled()} and the managed object counts with {@link
 * #setManagedCounts(long, long)}.
 *
 * <p>Prometheus names: {@code scim_sync_runs_total{trigger,outcome}}, {@code
 * scim_sync_run_duration_seconds{trigger}}, {@code scim_sync_changes_total{kind}}, {@code
 * scim_sync_change_failures_total}, {@code scim_sync_target_throttled_total}, {@code
 * scim_sync_last_success_timestamp_seconds}, {@code scim_sync_managed_objects{kind}}, {@code
 * scim_sync_triggers_total{trigger,merged}}, {@code scim_sync_webhook_requests_total{outcome}},
 * plus JVM memory, thread, processor and uptime metrics.
 */
public final class SyncMetrics {

  private final PrometheusMeterRegistry registry;
  private final Clock clock;
  private final Counter failures;
  private final Counter throttled;
  private final AtomicLong lastSuccessEpochSecond = new AtomicLong();
  private final AtomicLong managedUsers = new AtomicLong();
  private final AtomicLong managedGroups = new AtomicLong();

  /** Metrics in a registry of their own, with the JVM metrics bound. */
  public static SyncMetrics create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return new SyncMetrics(registry, Clock.systemUTC());
  }

  /**
   * @param registry where the meters live
   * @param clock the time of the last successful run
   */
  public SyncMetrics(PrometheusMeterRegistry registry, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.failures =
        Counter.builder("scim.sync.change.failures")
            .description("Changes the target refused or that failed")
            .register(registry);
    this.throttled =
        Counter.builder("scim.sync.target.throttled")
            .description("HTTP 429 answers received from the target")
            .register(registry);
    Gauge.builder("scim.sync.last.success.timestamp", lastSuccessEpochSecond, AtomicLong::get)
        .description("Unix time at which the last run without failures ended; 0 before the first")
        .baseUnit("seconds")
        .register(registry);
    managedGauge("user", managedUsers);
    managedGauge("group", managedGroups);
  }

  private void managedGauge(String kind, AtomicLong value) {
    Gauge.builder("scim.sync.managed.objects", value, AtomicLong::get)
        .description("Objects in the target that scim-sync manages (links in the state store)")
        .tag("kind", kind)
        .register(registry);
  }

  /** Records one run: its outcome, duration, changes by kind and failures. */
  public void recordRun(Trigger trigger, RunResult result) {
    String outcome = result.status().name().toLowerCase(Locale.ROOT);
    runs(trigger, outcome).increment();
    Timer.builder("scim.sync.run.duration")
        .description("Wall time of a run")
        .tag("trigger", trigger.label())
        .register(registry)
        .record(result.duration());
    for (Map.Entry<String, Integer> kind : result.changesByKind().entrySet()) {
      Counter.builder("scim.sync.changes")
          .description("Changes applied to the target, by kind")
          .tag("kind", kind.getKey().toLowerCase(Locale.ROOT))
          .register(registry)
          .increment(kind.getValue());
    }
    failures.increment(result.failures());
    if (result.exitCode() == 0) {
      lastSuccessEpochSecond.set(clock.instant().getEpochSecond());
    }
  }

  /** Records a run whose launcher threw before the run could be recorded. */
  public void recordRunError(Trigger trigger) {
    runs(trigger, "error").increment();
  }

  private Counter runs(Trigger trigger, String outcome) {
    return Counter.builder("scim.sync.runs")
        .description("Runs, by what triggered them and how they ended")
        .tag("trigger", trigger.label())
        .tag("outcome", outcome)
        .register(registry);
  }

  /** Records one HTTP 429 answer from the target. */
  public void recordThrottled() {
    throttled.increment();
  }

  /** Sets the number of users and groups scim-sync manages in the target. */
  public void setManagedCounts(long users, long groups) {
    managedUsers.set(users);
    managedGroups.set(groups);
  }

  /** Records an accepted trigger and whether it was merged into a pending run. */
  public void recordTrigger(Trigger trigger, boolean merged) {
    Counter.builder("scim.sync.triggers")
        .description("Accepted triggers; merged ones joined a run that was already pending")
        .tag("trigger", trigger.label())
        .tag("merged", Boolean.toString(merged))
        .register(registry)
        .increment();
  }

  /**
   * Records the answer to one webhook call: {@code accepted}, {@code unauthorized}, {@code
   * too_large}, {@code bad_request}, {@code too_many}, {@code unavailable}.
   */
  public void recordWebhook(String outcome) {
    Counter.builder("scim.sync.webhook.requests")
        .description("Calls of the webhook, by answer")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** The registry, for binding more meters. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The metrics in the Prometheus text exposition format. */
  public String scrape() {
    return registry.scrape();
  }
}
