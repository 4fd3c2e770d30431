package org.scimsync.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RealServerTest {

  @TempDir Path dir;

  @Test
  void answersAnInstalledProgram() throws Exception {
    Path program = Files.writeString(dir.resolve("server"), "#!/bin/sh\n");
    program.toFile().setExecutable(true);

    assertThat(RealServer.require(program.toString(), "server", Map.of("CI", "true")))
        .isEqualTo(program);
  }

  @Test
  void skipsAMissingProgramOutsideCi() {
    String missing = dir.resolve("absent").toString();

    assertThatThrownBy(() -> RealServer.require(missing, "squid", Map.of()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("squid is not installed at " + missing);
    assertThatThrownBy(() -> RealServer.require(missing, "squid", Map.of("CI", "false")))
        .isInstanceOf(TestAbortedException.class);
  }

  @Test
  void failsAMissingProgramOnCi() {
    String missing = dir.resolve("absent").toString();

    assertThatThrownBy(() -> RealServer.require(missing, "squid", Map.of("CI", "true")))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("squid is not installed")
        .hasMessageContaining("CI=true");
  }

  @Test
  void aFileThatCannotRunIsNotAProgram() throws Exception {
    Path notExecutable = Files.writeString(dir.resolve("squid"), "data");
    notExecutable.toFile().setExecutable(false);

    assertThatThrownBy(() -> RealServer.require(notExecutable.toString(), "squid", Map.of()))
        .isInstanceOf(TestAbortedException.class);
  }
}
