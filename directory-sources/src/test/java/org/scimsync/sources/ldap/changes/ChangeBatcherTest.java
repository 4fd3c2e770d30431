package org.scimsync.sources.ldap.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.testing.Eventually;

class ChangeBatcherTest {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<DirectoryChanged> reports = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  @Test
  void aBurstIsOneReportAfterItsQuietPeriod() {
    ChangeBatcher batcher =
        new ChangeBatcher(Duration.ofMillis(200), Duration.ofSeconds(30), reports::add, timer);

    batcher.changed("uid=a");
    batcher.changed("uid=b");
    batcher.changed(null);

    Eventually.await(Duration.ofSeconds(5), "a report", () -> !reports.isEmpty());
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).changes()).isEqualTo(3);
    assertThat(reports.get(0).entries()).containsExactly("uid=a", "uid=b");
    assertThat(reports.get(0).resync()).isFalse();
  }

  @Test
  void aStormIsReportedAtTheLatestAfterTheMaximumDelay() {
    ChangeBatcher batcher =
        new ChangeBatcher(Duration.ofSeconds(30), Duration.ofMillis(300), reports::add, timer);

    batcher.changed("uid=a");
    batcher.resync();

    Eventually.await(
        Duration.ofSeconds(5), "a report despite changes never pausing", () -> !reports.isEmpty());
    assertThat(reports.get(0).changes()).isEqualTo(2);
    assertThat(reports.get(0).resync()).isTrue();
  }
}
