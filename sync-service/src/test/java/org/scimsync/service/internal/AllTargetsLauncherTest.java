package org.scimsync.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.state.StateStore;
import org.scimsync.service.RecordingLauncher;
import org.scimsync.service.RunRequest;
import org.scimsync.service.RunResult;
import org.scimsync.service.ServiceTarget;
import org.scimsync.service.StopSignal;
import org.scimsync.service.Trigger;
import org.scimsync.state.sqlite.SqliteStateStore;

class AllTargetsLauncherTest {

  private final StateStore store = SqliteStateStore.openInMemory();
  private final Map<String, String> ended = new ConcurrentHashMap<>();

  private ServiceTarget target(String name, org.scimsync.service.RunLauncher launcher) {
    return new ServiceTarget(name, launcher, store);
  }

  private void record(ServiceTarget target, RunRequest request, RunResult result) {
    ended.put(target.name(), result == null ? "threw" : "exit " + result.exitCode());
  }

  private static RunRequest request() {
    return new RunRequest(Trigger.SCHEDULE, false, Set.of(), StopSignal.NEVER);
  }

  @Test
  void everyTargetRunsAndReportsOnItsOwnAndTheWorstResultIsReturned() {
    RecordingLauncher good = new RecordingLauncher();
    RecordingLauncher unreachable = new RecordingLauncher().endingWith(4);
    AllTargetsLauncher launcher =
        new AllTargetsLauncher(
            List.of(
                target("good", good),
                target("unreachable", unreachable),
                target(
                    "throwing",
                    request -> {
                      throw new IllegalStateException("cannot start");
                    })),
            this::record);

    RunResult result = launcher.launch(request());

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(good.finished()).isEqualTo(1);
    assertThat(unreachable.finished()).isEqualTo(1);
    assertThat(ended)
        .containsEntry("good", "exit 0")
        .containsEntry("unreachable", "exit 4")
        .containsEntry("throwing", "threw");
  }

  @Test
  void whenEveryTargetThrowsTheLaunchFails() {
    AllTargetsLauncher launcher =
        new AllTargetsLauncher(
            List.of(
                target(
                    "a",
                    request -> {
                      throw new IllegalStateException("no");
                    })),
            this::record);

    assertThatThrownBy(() -> launcher.launch(request()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no target's run");
    assertThat(ended).containsEntry("a", "threw");
  }
}
