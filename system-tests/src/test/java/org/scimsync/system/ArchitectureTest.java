package org.scimsync.system;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scimsync.engine.state.CacheStore;

/**
 * The boundaries of docs/architecture.md, checked on the main classes of every module: the core
 * uses no adapter library, a module uses only the modules it depends on, packages form no cycle,
 * only the command line knows exit codes, only RunCaches reaches the caches, and a run's options
 * stop at the pipeline.
 */
class ArchitectureTest {

  /** Each module's base package and the modules it may use (its dependencies, transitively). */
  static final Map<String, List<String>> MODULES =
      Map.ofEntries(
          Map.entry("common", List.of()),
          Map.entry("client", List.of("common")),
          Map.entry("mapping", List.of()),
          Map.entry("emulator", List.of()),
          Map.entry("engine", List.of("common", "client", "mapping")),
          Map.entry("sources", List.of("engine", "common", "client", "mapping")),
          Map.entry("state", List.of("engine", "common", "client", "mapping")),
          Map.entry("service", List.of("engine", "common", "client", "mapping")),
          Map.entry(
              "cli",
              List.of(
                  "engine",
                  "common",
                  "client",
                  "mapping",
                  "sources",
                  "state",
                  "service",
                  "emulator")),
          Map.entry(
              "bench",
              List.of(
                  "cli",
                  "engine",
                  "common",
                  "client",
                  "mapping",
                  "sources",
                  "state",
                  "service",
                  "emulator")));

  /** Main classes only: neither test classes nor the engine's test jar. */
  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ArchitectureTest::isMainCode)
          .importPackages("org.scimsync");

  private static boolean isMainCode(Location location) {
    return !location.contains("-tests.jar") && !location.contains("/test-classes/");
  }

  @Test
  void everyModuleIsImported() {
    Set<String> seen = new LinkedHashSet<>();
    MAIN.forEach(c -> seen.add(c.getPackageName().split("\\.")[2]));
    assertThat(seen).containsAll(MODULES.keySet());
  }

  @Test
  void theCoreUsesNoAdapterLibrary() {
    noClasses()
        .that()
        .resideInAPackage("org.scimsync.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.unboundid..",
            "java.sql..",
            "javax.sql..",
            "org.flywaydb..",
            "org.sqlite..",
            "org.quartz..",
            "io.micrometer..",
            "com.sun.net.httpserver..",
            "org.eclipse.jetty..")
        .because("the core talks to the world through its ports (docs/architecture.md)")
        .check(MAIN);
  }

  static Stream<String> modules() {
    return MODULES.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("modules")
  void aModuleUsesOnlyTheModulesItDependsOn(String module) {
    List<String> forbidden = new ArrayList<>();
    for (String other : MODULES.keySet()) {
      if (!other.equals(module) && !MODULES.get(module).contains(other)) {
        forbidden.add("org.scimsync." + other + "..");
      }
    }
    noClasses()
        .that()
        .resideInAPackage("org.scimsync." + module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden.toArray(String[]::new))
        .because("module dependencies follow docs/architecture.md")
        .check(MAIN);
  }

  @Test
  void packagesFormNoCycles() {
    slices()
        .assignedFrom(new CapabilityPackages())
        .should()
        .beFreeOfCycles()
        .because("a package and its internal sub-packages are one capability; capabilities layer")
        .check(MAIN);
  }

  @Test
  void onlyTheCommandLineKnowsExitCodes() {
    noMethods()
        .that()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackages("org.scimsync.cli..", "org.scimsync.bench..")
        .and()
        .areDeclaredInClassesThat()
        .doNotHaveFullyQualifiedName("org.scimsync.service.RunResult")
        .should()
        .haveNameMatching("exitCode|of[A-Z]?\\w*ExitCode")
        .because(
            "the CLI maps every failure kind and run status to an exit code (RunResult carries"
                + " the code the CLI's launcher computed)")
        .check(MAIN);
  }

  @Test
  void onlyRunCachesReachTheCaches() {
    noClasses()
        .that()
        .resideInAPackage("org.scimsync.engine..")
        .and()
        .resideOutsideOfPackage("org.scimsync.engine.cache")
        .should()
        .callMethodWhere(
            describe(
                "a method of the CacheStore port",
                call ->
                    call.getTarget().getOwner().isAssignableTo(CacheStore.class)
                        && CACHE_METHODS.contains(call.getTarget().getName())))
        .because(
            "the caches' rules (forget the steady state before any write, a memo only under its"
                + " rules) are kept in one place, RunCaches")
        .check(MAIN);
  }

  @Test
  void aRunsOptionsStopAtThePipeline() {
    noClasses()
        .that()
        .resideInAPackage("org.scimsync.engine..")
        .and()
        .doNotHaveFullyQualifiedName("org.scimsync.engine.SyncEngine")
        .and()
        .doNotHaveFullyQualifiedName("org.scimsync.engine.RunPipeline")
        .and()
        .doNotHaveFullyQualifiedName("org.scimsync.engine.SyncOptions")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.scimsync.engine.SyncOptions")
        .because(
            "a run goes SyncEngine -> RunPipeline -> each stage once, with the values the stage"
                + " needs; results come back once (docs/architecture.md)")
        .check(MAIN);
  }

  private static final Set<String> CACHE_METHODS =
      Stream.of(CacheStore.class.getDeclaredMethods())
          .map(java.lang.reflect.Method::getName)
          .collect(java.util.stream.Collectors.toSet());

  /** One slice per package, its {@code internal} sub-packages included. */
  static final class CapabilityPackages implements SliceAssignment {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String name = javaClass.getPackageName();
      if (!name.startsWith("org.scimsync.")) {
        return SliceIdentifier.ignore();
      }
      int internal = name.indexOf(".internal");
      return SliceIdentifier.of(internal < 0 ? name : name.substring(0, internal));
    }

    @Override
    public String getDescription() {
      return "capability packages";
    }
  }
}
