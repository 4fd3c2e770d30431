package org.scimsync.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SystemdUnitsTest {

  private static final List<String> UNITS =
      List.of("scim-sync.service", "scim-sync.timer", "scim-sync-serve.service");

  /** The one complaint expected on a build machine: the application is not installed there. */
  private static final String NOT_INSTALLED =
      "Command /opt/scim-sync/bin/scim-sync is not executable";

  private static Map<String, List<String>> section(String unit, String name) {
    Map<String, List<String>> section = DeployFiles.unit("systemd/" + unit).get(name);
    assertThat(section).as(unit + " [" + name + "]").isNotNull();
    return section;
  }

  private static String single(Map<String, List<String>> section, String key) {
    assertThat(section).as(key).containsKey(key);
    assertThat(section.get(key)).as(key + " set once").hasSize(1);
    return section.get(key).get(0);
  }

  private static Path systemdAnalyze() {
    Path tool =
        List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
            .map(dir -> Path.of(dir, "systemd-analyze"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    assumeTrue(tool != null, "systemd-analyze is not installed; the unit files are parsed instead");
    return tool;
  }

  /** What {@code systemd-analyze verify} says about these files, but the missing installation. */
  private static List<String> verify(Path tool, List<Path> files) throws Exception {
    List<String> command = new ArrayList<>(List.of(tool.toString(), "verify"));
    files.forEach(file -> command.add(file.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("systemd-analyze finished").isTrue();
    return output
        .lines()
        .filter(line -> !line.isBlank())
        .filter(l -> !l.contains(NOT_INSTALLED))
        .toList();
  }

  @Test
  void systemdAnalyzeVerifyFindsNothingButTheMissingInstallation() throws Exception {
    Path tool = systemdAnalyze();
    List<Path> files = UNITS.stream().map(unit -> DeployFiles.file("systemd/" + unit)).toList();
    assertThat(verify(tool, files)).as("systemd-analyze verify").isEmpty();
  }

  @Test
  void systemdAnalyzeVerifyWouldReportAMistake(@TempDir Path dir) throws Exception {
    Path tool = systemdAnalyze();
    Path broken = dir.resolve("broken.service");
    Files.writeString(broken, "[Service]\nExecStart=/bin/true\nProtectSystem=strictly\n");
    assertThat(verify(tool, List.of(broken))).anyMatch(line -> line.contains("broken.service:3"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"scim-sync.service", "scim-sync-serve.service"})
  void servicesAreHardened(String unit) {
    Map<String, List<String>> service = section(unit, "Service");
    assertThat(single(service, "DynamicUser")).isEqualTo("yes");
    assertThat(single(service, "ProtectSystem")).isEqualTo("strict");
    assertThat(single(service, "ProtectHome")).isEqualTo("yes");
    assertThat(single(service, "PrivateTmp")).isEqualTo("yes");
    assertThat(single(service, "NoNewPrivileges")).isEqualTo("yes");
    assertThat(single(service, "StateDirectory")).isEqualTo("scim-sync");
    assertThat(single(service, "ConfigurationDirectory")).isEqualTo("scim-sync");
    assertThat(single(service, "CapabilityBoundingSet")).isEmpty();
    assertThat(single(service, "SystemCallFilter")).isEqualTo("@system-service");
    assertThat(single(service, "RestrictAddressFamilies").split(" "))
        .containsExactlyInAnyOrder("AF_INET", "AF_INET6", "AF_UNIX");
    assertThat(service)
        .as("the JVM's JIT needs W+X memory")
        .doesNotContainKey("MemoryDenyWriteExecute");
    assertThat(service.get("LoadCredential"))
        .contains(
            "scim-sync.yaml:/etc/scim-sync/scim-sync.yaml",
            "scim-token:/etc/scim-sync/scim-token",
            "webhook-secret:/etc/scim-sync/webhook-secret");
    assertThat(single(service, "ExecStart"))
        .startsWith("/opt/scim-sync/bin/scim-sync ")
        .endsWith(" --config %d/scim-sync.yaml");
    assertThat(section(unit, "Unit")).containsKeys("Description", "After", "Wants");
  }

  @Test
  void theOneShotServiceRunsSyncAndTheTimerStartsIt() {
    Map<String, List<String>> service = section("scim-sync.service", "Service");
    assertThat(single(service, "Type")).isEqualTo("oneshot");
    assertThat(single(service, "ExecStart")).contains(" sync ");
    Map<String, List<String>> timer = section("scim-sync.timer", "Timer");
    assertThat(single(timer, "Unit")).isEqualTo("scim-sync.service");
    assertThat(single(timer, "OnCalendar")).isNotBlank();
    assertThat(single(timer, "Persistent")).isEqualTo("yes");
    assertThat(single(section("scim-sync.timer", "Install"), "WantedBy"))
        .isEqualTo("timers.target");
  }

  @Test
  void theServeServiceStopsCleanlyOnSigterm() {
    Map<String, List<String>> service = section("scim-sync-serve.service", "Service");
    assertThat(single(service, "ExecStart")).contains(" serve ");
    assertThat(single(service, "KillSignal")).isEqualTo("SIGTERM");
    assertThat(single(service, "SuccessExitStatus")).contains("143");
    assertThat(single(service, "Restart")).isEqualTo("on-failure");
    assertThat(single(section("scim-sync-serve.service", "Install"), "WantedBy"))
        .isEqualTo("multi-user.target");
  }

  @Test
  void theParserRefusesALineOutsideASection() {
    assertThatThrownBy(() -> DeployFiles.parseUnit("broken.service", "ExecStart=/bin/true\n"))
        .hasMessageContaining("broken.service:1");
  }
}
