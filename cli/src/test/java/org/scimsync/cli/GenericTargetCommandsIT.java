package org.scimsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.emulator.EmulatorProfile;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.emulator.ServerQuirks;

/**
 * {@code target.capabilities} against an RFC 7644 server that refuses members on create: the
 * configuration says so, {@code validate} prints what the profile knows and where from, and the
 * sync never sends a create with members.
 */
class GenericTargetCommandsIT {

  private static final String TOKEN = "tok-generic-emulator";

  @TempDir Path dir;

  private ScimEmulator emulator;

  @AfterEach
  void stop() {
    emulator.close();
  }

  private CliRun run(String capabilities, String... args) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/demo/directory.ldif")) {
      Files.write(dir.resolve("directory.ldif"), in.readAllBytes());
    }
    Path config = dir.resolve("scim-sync.yaml");
    Files.writeString(
        config,
        """
        source:
          type: ldif
          path: directory.ldif
        target:
          profile: generic
          url: %s
          token: ${SCIM_TOKEN}
          maxAttempts: 1
        %s
        groups:
          include: group.cn =^ 'aws-'
        """
            .formatted(emulator.baseUri(), capabilities));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    return CliRun.of(Map.of("SCIM_TOKEN", TOKEN), all);
  }

  private void startEmulator() {
    emulator =
        ScimEmulator.builder()
            .profile(EmulatorProfile.RFC7644)
            .token(TOKEN)
            .quirks(ServerQuirks.none().withMembersRefusedOnCreate(true))
            .build()
            .start();
  }

  @Test
  void configuredCapabilitiesOverrideDiscoveryAndValidatePrintsThem() throws IOException {
    startEmulator();
    String capabilities =
        "  capabilities:\n    membersOnCreate: false\n    maxMembersPerRequest: 50\n";

    CliRun validate = run(capabilities, "validate");
    assertThat(validate.exitCode()).as(validate.all()).isZero();
    assertThat(validate.out())
        .contains("membersOnCreate: false (target.capabilities)")
        .contains("maxMembersPerRequest: 50 (target.capabilities)")
        .contains("patch: true (announced by the target)");

    CliRun sync = run(capabilities, "sync");
    assertThat(sync.exitCode()).as(sync.all()).isZero();
    assertThat(emulator.stats().responses("CreateGroup", 400)).isZero();
    assertThat(emulator.snapshot().membershipCount()).isPositive();
  }

  @Test
  void withoutThemTheRefusalIsLearnedAndTheSyncConverges() throws IOException {
    startEmulator();

    CliRun sync = run("", "sync");
    assertThat(sync.exitCode()).as(sync.all()).isZero();
    long groups = emulator.snapshot().groups().size();
    // Creates sent at the same time, before the first refusal was learned, are refused too.
    assertThat(emulator.stats().responses("CreateGroup", 400)).isBetween(1L, groups);
    assertThat(emulator.snapshot().membershipCount()).isPositive();

    CliRun validate = run("", "validate");
    assertThat(validate.out()).contains("membersOnCreate: false (learned by an earlier run)");

    emulator.resetStats();
    CliRun again = run("", "sync", "--full");
    assertThat(again.exitCode()).as(again.all()).isZero();
    assertThat(emulator.stats().writes()).isZero();
  }

  @Test
  void aWrongCapabilityIsAConfigurationErrorNamingTheKey() throws IOException {
    startEmulator();

    CliRun validate = run("  capabilities:\n    memberRemoval: sideways\n", "validate");

    assertThat(validate.exitCode()).isEqualTo(2);
    assertThat(validate.all())
        .contains("target.capabilities.memberRemoval")
        .contains("path, value-list");
  }
}
