package org.scimsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsSettingsTest {

  @Test
  void fiveTargetsTakeAFifthOfTheDirectoryEachAtTheirOwnQuotas() {
    List<TargetsSettings.Target> targets =
        TargetsSettings.of(50_000, 10_000, 42, List.of(4, 6, 8, 10, 12), false, Path.of("t"))
            .targets();

    assertThat(targets)
        .extracting(TargetsSettings.Target::name)
        .containsExactly("t1", "t2", "t3", "t4", "t5");
    assertThat(targets.get(0).usersInclude())
        .isEqualTo("user.mail != null && user.uid =~ 'u[0-9]*[05]'");
    assertThat(targets.get(0).groupsInclude()).isEqualTo("group.cn =~ '[a-z]+-[0-9]*[05]'");
    assertThat(targets.get(4).usersInclude()).endsWith("'u[0-9]*[49]'");
    assertThat(targets.get(1).writesPerSecond()).isEqualTo(150);
    assertThat(targets.get(1).readsPerSecond()).isEqualTo(240);
    assertThat(targets.get(2).latency()).isEqualTo(Duration.ofNanos(3_750_000));
  }

  @Test
  void theSameScopeGivesEveryTargetTheWholeDirectory() {
    List<TargetsSettings.Target> targets =
        TargetsSettings.of(10, 2, 1, List.of(1, 2, 3), true, Path.of("t")).targets();

    assertThat(targets).hasSize(3);
    assertThat(targets)
        .allSatisfy(
            t -> {
              assertThat(t.usersInclude()).isEqualTo("user.mail != null");
              assertThat(t.groupsInclude()).isNull();
            });
  }

  @Test
  void sharesNeedACountThatDividesTen() {
    assertThatThrownBy(() -> TargetsSettings.of(10, 2, 1, List.of(1, 2, 3), false, Path.of("t")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--same-scope");
    assertThatThrownBy(() -> TargetsSettings.of(10, 2, 1, List.of(4), false, Path.of("t")))
        .hasMessageContaining("at least two targets");
  }
}
