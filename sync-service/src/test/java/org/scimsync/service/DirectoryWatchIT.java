package org.scimsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.testing.Eventually;

/**
 * {@code schedule.watch}: the watch's reports become runs through the coordinator, a burst of them
 * one run; the watch is started with the service and closed with it.
 */
class DirectoryWatchIT {

  /** A watch the test drives by hand. */
  private static final class HandWatch implements DirectoryWatch {
    final AtomicReference<@Nullable Runnable> changed = new AtomicReference<>();
    final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public void start(Runnable onChange) {
      changed.set(onChange);
    }

    @Override
    public void close() {
      closed.set(true);
    }

    void report() {
      Runnable onChange = changed.get();
      assertThat(onChange).as("started").isNotNull();
      onChange.run();
    }
  }

  private static SyncService service(RecordingLauncher launcher, DirectoryWatch watch) {
    return new SyncService(
        new ServiceSettings(
            new InetSocketAddress("127.0.0.1", 0),
            null,
            null,
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            false),
        launcher,
        new RunHistoryDouble(),
        null,
        List::of,
        new SyncMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC()),
        Clock.systemUTC(),
        new SyncService.Extras(null, watch, null));
  }

  @Test
  void aBurstOfChangesIsOneWatchRun() {
    RecordingLauncher launcher = new RecordingLauncher();
    HandWatch watch = new HandWatch();
    try (SyncService service = service(launcher, watch)) {
      service.start();
      for (int i = 0; i < 20; i++) {
        watch.report();
      }

      Eventually.await(Duration.ofSeconds(10), "a run", () -> launcher.finished() == 1);

      assertThat(launcher.requests())
          .extracting(RunRequest::trigger)
          .containsExactly(Trigger.WATCH);
      assertThat(launcher.requests().get(0).forceFull()).isFalse();
      watch.report();
      Eventually.await(Duration.ofSeconds(10), "a second run", () -> launcher.finished() == 2);
    }
    assertThat(watch.closed).isTrue();
    assertThat(launcher.started()).isEqualTo(2);
  }
}
