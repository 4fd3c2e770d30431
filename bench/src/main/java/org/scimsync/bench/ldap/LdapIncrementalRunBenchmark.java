package org.scimsync.bench.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.scimsync.bench.generate.DirectoryGenerator;
import org.scimsync.bench.jmh.PlanningFixture;
import org.scimsync.cli.app.internal.RulesResourceMapper;
import org.scimsync.client.RateLimits;
import org.scimsync.client.ScimClient;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.client.TargetProfile;
import org.scimsync.common.Secret;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.engine.RunReport;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.SyncOptions;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.target.scim.ScimClientTarget;
import org.scimsync.sources.ldap.LdapDirectorySource;
import org.scimsync.sources.ldap.LdapFlavor;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldap.changes.TrackedLdapSource;
import org.scimsync.state.sqlite.SqliteStateStore;

/**
 * A whole incremental run after one change in a real slapd of 50,000 users, as the product runs it:
 * the LDAP source that keeps track of the directory's changes, the benchmark's mapping rules, the
 * emulator (AWS profile, no rate limit) and the SQLite state store. Next to it, the same run with a
 * source that reads everything. Prints each run's wall time (the engine's whole run: read, map,
 * observe, plan, apply, record), its changes, and the entries slapd sent.
 *
 * <p>Usage: {@code LdapIncrementalRunBenchmark [users] [groups] [workDir] [repeats]} (defaults
 * 50,000, 10,000, {@code bench/target/bench-work/ldap-incremental}, 3).
 */
public final class LdapIncrementalRunBenchmark {

  private static final String TOKEN = "bench-incremental-token";

  private LdapIncrementalRunBenchmark() {}

  /** One measured run. */
  private record Measure(String what, long wallMillis, int changes, long entries) {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int groups = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Path work = Path.of(args.length > 2 ? args[2] : "bench/target/bench-work/ldap-incremental");
    int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    if (Files.exists(work)) {
      try (var files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(work);
    Path ldif = work.resolve("directory.ldif");
    new DirectoryGenerator(users, groups, 42).write(ldif);
    List<Measure> results = new ArrayList<>();
    try (SlapdInstance slapd = SlapdInstance.start(work, ldif);
        ScimEmulator emulator = ScimEmulator.builder().port(0).token(TOKEN).build().start();
        ScimClient client =
            ScimClient.create(
                ScimClientConfig.builder(
                        emulator.baseUri(), Secret.of(TOKEN), TargetProfile.AWS_IDENTITY_CENTER)
                    .rateLimits(new RateLimits(0, 0))
                    .build());
        SqliteStateStore store = SqliteStateStore.open(work.resolve("state.db"))) {
      LdapSourceConfig config = config(slapd);
      RulesResourceMapper mapper = new RulesResourceMapper(PlanningFixture.compileRules());
      ScimClientTarget target = new ScimClientTarget(client);
      DirectorySource tracked = new TrackedLdapSource(config);
      DirectorySource whole = new LdapDirectorySource(config);
      results.add(run(slapd, "initial full run", tracked, mapper, target, store, true));
      for (int round = 1; round <= repeats; round++) {
        results.add(
            run(slapd, "incremental, nothing changed", tracked, mapper, target, store, false));
        change(slapd, "uid=u" + (100 + round), "title", "Changed " + round);
        results.add(
            run(slapd, "incremental, one user changed", tracked, mapper, target, store, false));
        change(slapd, "uid=u" + (200 + round), "title", "Changed " + round);
        results.add(
            run(
                slapd,
                "incremental, one user changed, whole read (no tracking)",
                whole,
                mapper,
                target,
                store,
                false));
      }
    }
    System.out.println();
    System.out.println("| run | wall ms | changes | entries sent by slapd |");
    System.out.println("| --- | ---: | ---: | ---: |");
    for (Measure m : results) {
      System.out.printf(
          "| %s | %d | %d | %d |%n", m.what(), m.wallMillis(), m.changes(), m.entries());
    }
  }

  private static LdapSourceConfig config(SlapdInstance slapd) {
    return new LdapSourceConfig(
        List.of(slapd.url()),
        false,
        SlapdInstance.READER_DN,
        Secret.of(SlapdInstance.READER_PASSWORD),
        LdapFlavor.OPENLDAP,
        List.of("ou=People," + SlapdInstance.BASE),
        null,
        List.of("ou=Groups," + SlapdInstance.BASE),
        null,
        null,
        null,
        null,
        null,
        null,
        Duration.ofSeconds(10),
        Duration.ofSeconds(300),
        0,
        null,
        null);
  }

  private static void change(SlapdInstance slapd, String rdn, String attribute, String value)
      throws Exception {
    try (LDAPConnection admin = slapd.admin()) {
      admin.modify(
          rdn + ",ou=People," + SlapdInstance.BASE,
          new Modification(ModificationType.REPLACE, attribute, value));
    }
  }

  private static Measure run(
      SlapdInstance slapd,
      String what,
      DirectorySource source,
      RulesResourceMapper mapper,
      ScimClientTarget target,
      SqliteStateStore store,
      boolean full)
      throws java.io.IOException {
    ServerEntryCount count = new ServerEntryCount(slapd.log());
    SyncEngine engine =
        new SyncEngine(source, mapper, target, store, SyncPolicy.defaults(), Clock.systemUTC());
    long start = System.nanoTime();
    RunReport report = engine.run(SyncOptions.of("bench").withFull(full));
    long wall = (System.nanoTime() - start) / 1_000_000;
    long entries = count.entriesSentTo(SlapdInstance.READER_DN);
    Measure measure = new Measure(what, wall, report.plan().changes().size(), entries);
    System.out.printf(
        "%s: %d ms wall, %s, %d changes, %d entries%n",
        what, wall, report.status(), measure.changes(), entries);
    return measure;
  }
}
