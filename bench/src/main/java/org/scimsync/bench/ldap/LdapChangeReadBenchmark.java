package org.scimsync.bench.ldap;

import com.sun.management.ThreadMXBean;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scimsync.bench.generate.DirectoryGenerator;
import org.scimsync.common.Secret;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.sources.ldap.LdapDirectorySource;
import org.scimsync.sources.ldap.LdapFlavor;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldap.changes.ChangeRead;
import org.scimsync.sources.ldap.changes.CheckpointedSnapshot;
import org.scimsync.sources.ldap.changes.DirectoryChanges;
import org.scimsync.sources.ldap.changes.LdapChangeReader;

/**
 * What reading only the changes costs against a real slapd, next to a full read: a generated
 * directory ({@link DirectoryGenerator}) loaded with {@code slapadd}, then a full read, a full read
 * with a checkpoint, and change reads after no change, one user's change and one group's member
 * change. Entries are counted by slapd ({@code nentries} in its {@code stats} log); times are the
 * wall time and the reading thread's CPU time. The reader alone: no mapping or planning.
 *
 * <p>Usage: {@code LdapChangeReadBenchmark [users] [groups] [workDir] [repeats]} (defaults 50,000,
 * 10,000, {@code bench/target/bench-work/ldap-changes}, 3).
 */
public final class LdapChangeReadBenchmark {

  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private LdapChangeReadBenchmark() {}

  /** One measured operation. */
  private record Measure(String what, long wallMillis, long cpuMillis, long entries, String note) {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int groups = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Path work = Path.of(args.length > 2 ? args[2] : "bench/target/bench-work/ldap-changes");
    int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    if (Files.exists(work)) {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(work);
    Path ldif = work.resolve("directory.ldif");
    new DirectoryGenerator(users, groups, 42).write(ldif);
    List<Measure> results = new ArrayList<>();
    try (SlapdInstance slapd = SlapdInstance.start(work, ldif)) {
      LdapSourceConfig config =
          new LdapSourceConfig(
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
              Duration.ofSeconds(120),
              0,
              null,
              null);
      LdapChangeReader reader = new LdapChangeReader(config);
      for (int run = 1; run <= repeats; run++) {
        DirectorySnapshot[] full = new DirectorySnapshot[1];
        results.add(
            measure(
                slapd,
                "full read (LdapDirectorySource.read)",
                () -> full[0] = new LdapDirectorySource(config).read(),
                () -> full[0].userCount() + " users, " + full[0].groupCount() + " groups"));
        CheckpointedSnapshot[] all = new CheckpointedSnapshot[1];
        results.add(
            measure(
                slapd,
                "full read with checkpoint (readAll)",
                () -> all[0] = reader.readAll(),
                () -> all[0].snapshot().userCount() + " users"));
        String checkpoint = all[0].checkpoint();
        checkpoint = changeRead(slapd, reader, checkpoint, "change read, nothing changed", results);
        try (LDAPConnection admin = slapd.admin()) {
          admin.modify(
              "uid=u" + (100 + run) + ",ou=People," + SlapdInstance.BASE,
              new Modification(ModificationType.REPLACE, "title", "Changed " + run));
        }
        checkpoint =
            changeRead(slapd, reader, checkpoint, "change read, one user changed", results);
        try (LDAPConnection admin = slapd.admin()) {
          admin.modify(
              "cn=team-501,ou=Groups," + SlapdInstance.BASE,
              new Modification(
                  ModificationType.ADD,
                  "member",
                  "uid=u" + (40_000 % users + run) + ",ou=People," + SlapdInstance.BASE));
        }
        changeRead(slapd, reader, checkpoint, "change read, one group's members changed", results);
      }
    }
    System.out.println();
    System.out.println(
        "| operation | wall ms | CPU ms (reading thread) | entries sent by slapd | result |");
    System.out.println("| --- | ---: | ---: | ---: | --- |");
    for (Measure m : results) {
      System.out.printf(
          "| %s | %d | %d | %d | %s |%n",
          m.what(), m.wallMillis(), m.cpuMillis(), m.entries(), m.note());
    }
  }

  private static String changeRead(
      SlapdInstance slapd,
      LdapChangeReader reader,
      String checkpoint,
      String what,
      List<Measure> results)
      throws Exception {
    ChangeRead[] read = new ChangeRead[1];
    results.add(
        measure(
            slapd,
            what,
            () -> read[0] = reader.readChanges(checkpoint),
            () ->
                read[0] instanceof DirectoryChanges changes
                    ? changes.users().size()
                        + " users, "
                        + changes.groups().size()
                        + " groups, "
                        + changes.deletedKeys().size()
                        + " deleted; reader counted "
                        + changes.entriesRead()
                    : read[0].toString()));
    return read[0] instanceof DirectoryChanges changes ? changes.checkpoint() : checkpoint;
  }

  private static Measure measure(
      SlapdInstance slapd, String what, Callable<?> operation, Callable<String> note)
      throws Exception {
    ServerEntryCount count = new ServerEntryCount(slapd.log());
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    operation.call();
    long wall = (System.nanoTime() - start) / 1_000_000;
    long cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000;
    long entries = count.entriesSentTo(SlapdInstance.READER_DN);
    Measure measure = new Measure(what, wall, cpuMillis, entries, note.call());
    System.out.printf(
        "%s: %d ms wall, %d ms CPU, %d entries; %s%n",
        what, wall, cpuMillis, entries, measure.note());
    return measure;
  }
}
