package org.scimsync.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One emulator per test class (starting one per test costs a second on a busy machine), emptied
 * before each test: no data, no statistics, no faults, the quirks the class configured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmulatorTestBase {
  ScimEmulator emulator;
  ScimHttp scim;
  private ServerQuirks configuredQuirks;

  /** Adjusts the emulator of this class; the default is the AWS profile. */
  ScimEmulator.Builder configure(ScimEmulator.Builder builder) {
    return builder;
  }

  /** Whether each test starts from an empty emulator. */
  boolean resetBeforeEach() {
    return true;
  }

  @BeforeAll
  void startEmulator() {
    emulator = configure(ScimEmulator.builder()).build().start();
    configuredQuirks = emulator.quirks();
    scim = ScimHttp.of(emulator);
  }

  @AfterAll
  void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void cleanEmulator() {
    if (resetBeforeEach()) {
      emulator.reset();
    }
    emulator.resetStats();
    emulator.faults(FaultSettings.none());
    emulator.quirks(configuredQuirks);
  }
}
