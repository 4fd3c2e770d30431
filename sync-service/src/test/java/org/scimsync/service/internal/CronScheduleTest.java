package org.scimsync.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.scimsync.engine.testing.Eventually;
import org.scimsync.service.ServiceException;

class CronScheduleTest {

  @Test
  void refusesAnInvalidExpressionNamingTheKey() {
    assertThatThrownBy(() -> new CronSchedule("*/15 * * * *", () -> {}))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining("schedule.cron")
        .hasMessageContaining("*/15 * * * *")
        .extracting(e -> ((ServiceException) e).kind())
        .isEqualTo(ServiceException.Kind.INVALID_CONFIGURATION);
  }

  @Test
  void firesOnAFastCron() {
    AtomicInteger fired = new AtomicInteger();
    try (CronSchedule schedule = new CronSchedule("* * * * * ?", fired::incrementAndGet)) {
      schedule.start();
      Eventually.await(Duration.ofSeconds(10), "two fire times", () -> fired.get() >= 2);
    }
  }

  @Test
  void aMisfireFiresOnceNowRatherThanOncePerMissedSlot() {
    try (CronSchedule schedule = new CronSchedule("0 */15 * * * ?", () -> {})) {
      assertThat(schedule.misfireInstruction())
          .isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
    }
  }

  @Test
  void tellsWhetherASlotWasMissedWhileDown() {
    try (CronSchedule schedule = new CronSchedule("0 */15 * * * ?", () -> {})) {
      Instant lastRun = Instant.parse("2026-11-23T12:01:00Z");
      assertThat(schedule.slotMissedSince(lastRun, Instant.parse("2026-11-23T12:14:59Z")))
          .isFalse();
      assertThat(schedule.slotMissedSince(lastRun, Instant.parse("2026-11-23T12:15:00Z"))).isTrue();
      assertThat(schedule.slotMissedSince(lastRun, Instant.parse("2026-11-24T12:00:00Z"))).isTrue();
    }
  }
}
