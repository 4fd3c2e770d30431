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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.scimsync.engine.state.TargetNames;

/**
 * The service's metrics, exposed at {@code GET /metrics} in the Prometheus text format, labelled
 * with the target's name ({@link TargetNames}) where they are about one target. The service records
 * runs and webhook calls itself; the engine (through the composition root) reports 429 answers with
 * {@link #recordThrottled(String)} and the managed object counts with {@link
 * #setManagedCounts(String, long, long)}. The meters of a target appear with its first record.
 *
 * <p>Prometheus names: {@code scim_sync_runs_total{target,trigger,outcome}}, {@code
 * scim_sync_run_duration_seconds{target,trigger}}, {@code scim_sync_changes_total{target,kind}},
 * {@code scim_sync_change_failures_total{target}}, {@code
 * scim_sync_target_throttled_total{target}}, {@code
 * scim_sync_last_success_timestamp_seconds{target}}, {@code
 * scim_sync_managed_objects{target,kind}}, {@code scim_sync_triggers_total{trigger,merged}}, {@code
 * scim_sync_webhook_requests_total{outcome}}, plus JVM memory, thread, processor and uptime
 * metrics.
 */
public final class SyncMetrics {

  private static final String TARGET = "target";

  private final PrometheusMeterRegistry registry;
  private final Clock clock;
  private final Map<String, AtomicLong> lastSuccessEpochSecond = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> managedUsers = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> managedGroups = new ConcurrentHashMap<>();

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
  }

  /** Records one run of a target: its outcome, duration, changes by kind and failures. */
  public void recordRun(String target, Trigger trigger, RunResult result) {
    String outcome = result.status().name().toLowerCase(Locale.ROOT);
    runs(target, trigger, outcome).increment();
    Timer.builder("scim.sync.run.duration")
        .description("Wall time of a run")
        .tag(TARGET, target)
        .tag("trigger", trigger.label())
        .register(registry)
        .record(result.duration());
    for (Map.Entry<String, Integer> kind : result.changesByKind().entrySet()) {
      Counter.builder("scim.sync.changes")
          .description("Changes applied to the target, by kind")
          .tag(TARGET, target)
          .tag("kind", kind.getKey().toLowerCase(Locale.ROOT))
          .register(registry)
          .increment(kind.getValue());
    }
    Counter.builder("scim.sync.change.failures")
        .description("Changes the target refused or that failed")
        .tag(TARGET, target)
        .register(registry)
        .increment(result.failures());
    AtomicLong lastSuccess =
        gauge(
            lastSuccessEpochSecond,
            target,
            value ->
                Gauge.builder("scim.sync.last.success.timestamp", value, AtomicLong::get)
                    .description(
                        "Unix time at which the last run without failures ended; 0 before the"
                            + " first")
                    .baseUnit("seconds")
                    .tag(TARGET, target));
    if (result.exitCode() == 0) {
      lastSuccess.set(clock.instant().getEpochSecond());
    }
  }

  /** Records a run of a target whose launcher threw before the run could be recorded. */
  public void recordRunError(String target, Trigger trigger) {
    runs(target, trigger, "error").increment();
  }

  private Counter runs(String target, Trigger trigger, String outcome) {
    return Counter.builder("scim.sync.runs")
        .description("Runs, by target, what triggered them and how they ended")
        .tag(TARGET, target)
        .tag("trigger", trigger.label())
        .tag("outcome", outcome)
        .register(registry);
  }

  /** Records one HTTP 429 answer from a target. */
  public void recordThrottled(String target) {
    Counter.builder("scim.sync.target.throttled")
        .description("HTTP 429 answers received from the target")
        .tag(TARGET, target)
        .register(registry)
        .increment();
  }

  /** Sets the number of users and groups scim-sync manages in a target. */
  public void setManagedCounts(String target, long users, long groups) {
    managed(managedUsers, target, "user").set(users);
    managed(managedGroups, target, "group").set(groups);
  }

  private AtomicLong managed(Map<String, AtomicLong> values, String target, String kind) {
    return gauge(
        values,
        target,
        value ->
            Gauge.builder("scim.sync.managed.objects", value, AtomicLong::get)
                .description(
                    "Objects in the target that scim-sync manages (links in the state store)")
                .tag(TARGET, target)
                .tag("kind", kind));
  }

  /** The value behind a target's gauge, registering the gauge on first use. */
  private AtomicLong gauge(
      Map<String, AtomicLong> values,
      String target,
      Function<AtomicLong, Gauge.Builder<AtomicLong>> gauge) {
    Objects.requireNonNull(target, "target");
    return values.computeIfAbsent(
        target,
        name -> {
          AtomicLong value = new AtomicLong();
          gauge.apply(value).register(registry);
          return value;
        });
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
