package org.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EmulatorMainIT {

  private static EmulatorMain parse(String... args) {
    EmulatorMain main = new EmulatorMain();
    new CommandLine(main).parseArgs(args);
    return main;
  }

  @Test
  void optionsBecomeFaultSettings() {
    FaultSettings faults =
        parse(
                "--aws-quotas",
                "--writes-per-second",
                "10",
                "--retry-after",
                "--latency-ms",
                "30",
                "--latency-jitter-ms",
                "5",
                "--error500-before",
                "0.1",
                "--error500-after",
                "0.2",
                "--drop-connection",
                "0.05",
                "--consistency-window-ms",
                "400",
                "--concurrent-modification",
                "0.3",
                "--seed",
                "7")
            .faultSettings();

    assertThat(faults.readsPerSecond()).isEqualTo(40);
    assertThat(faults.writesPerSecond()).isEqualTo(10);
    assertThat(faults.retryAfterHeader()).isTrue();
    assertThat(faults.latency().toMillis()).isEqualTo(30);
    assertThat(faults.latencyJitter().toMillis()).isEqualTo(5);
    assertThat(faults.error500BeforeRatio()).isEqualTo(0.1);
    assertThat(faults.error500AfterRatio()).isEqualTo(0.2);
    assertThat(faults.dropConnectionRatio()).isEqualTo(0.05);
    assertThat(faults.consistencyWindow().toMillis()).isEqualTo(400);
    assertThat(faults.concurrentModificationRatio()).isEqualTo(0.3);
    assertThat(faults.seed()).isEqualTo(7);
  }

  @Test
  void optionsBecomeQuirks() {
    ServerQuirks quirks =
        parse(
                "--patch-needs-user-agent",
                "--refuse-chunked",
                "--refuse-members-on-create",
                "--member-limit",
                "20",
                "--keep-memberships-of-deleted-users",
                "--ignore-external-id",
                "--members-only-on-request")
            .quirks();

    assertThat(quirks).isEqualTo(new ServerQuirks(true, true, true, 20, true, true, true));
    assertThat(parse().quirks()).isEqualTo(ServerQuirks.none());
    try (ScimEmulator emulator = parse("--port", "0", "--member-limit", "5").emulator()) {
      assertThat(emulator.quirks().memberLimitPerRequest()).isEqualTo(5);
    }
  }

  @Test
  void withoutOptionsThereAreNoFaults() {
    assertThat(parse().faultSettings()).isEqualTo(FaultSettings.none());
  }

  @Test
  void buildsTheEmulatorTheOptionsDescribe() {
    try (ScimEmulator emulator =
        parse("--port", "0", "--profile", "rfc7644", "--tenant", "t-42").emulator().start()) {
      assertThat(emulator.profile()).isEqualTo(EmulatorProfile.RFC7644);
      assertThat(emulator.baseUri().getPath()).isEqualTo("/t-42/scim/v2");
      assertThat(emulator.port()).isPositive();
    }
  }

  @Test
  void unknownProfileIsAnInputError() {
    assertThatThrownBy(() -> parse("--profile", "okta").emulator())
        .isInstanceOf(EmulatorException.class)
        .satisfies(
            e ->
                assertThat(((EmulatorException) e).kind())
                    .isEqualTo(EmulatorException.Kind.INVALID_INPUT))
        .hasMessageContaining("aws-identity-center");
  }

  @Test
  void busyPortIsUnavailable() {
    try (ScimEmulator first = ScimEmulator.builder().build().start()) {
      assertThatThrownBy(() -> ScimEmulator.builder().port(first.port()).build())
          .isInstanceOf(EmulatorException.class)
          .satisfies(
              e ->
                  assertThat(((EmulatorException) e).kind())
                      .isEqualTo(EmulatorException.Kind.UNAVAILABLE));
    }
  }
}
