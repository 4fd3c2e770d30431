package org.scimsync.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.bench.generate.DirectoryGenerator;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.sources.assembly.NestedGroups;
import org.scimsync.sources.ldif.LdifDirectorySource;
import org.scimsync.sources.ldif.LdifSourceConfig;

/** The 1% change touches what it reports, and nothing else. */
class DirectoryChangeTest {

  @Test
  void retitlesOneUserInAHundredAndMovesOneMembershipInAHundred(@TempDir Path dir)
      throws Exception {
    Path base = dir.resolve("base.ldif");
    Path changed = dir.resolve("changed.ldif");
    new DirectoryGenerator(1_000, 100, 3).write(base);

    DirectoryChange.Summary summary = new DirectoryChange(100).apply(base, changed);

    DirectorySnapshot before = read(base);
    DirectorySnapshot after = read(changed);
    assertThat(summary.usersChanged()).isEqualTo(10);
    long retitled =
        after.users().stream()
            .filter(u -> String.valueOf(u.attributes().get("title")).endsWith(", transferred]"))
            .count();
    assertThat(retitled).isEqualTo(10);
    assertThat(after.userCount()).isEqualTo(before.userCount());
    assertThat(after.groupCount()).isEqualTo(before.groupCount());
    assertThat(after.membershipCount()).isEqualTo(before.membershipCount());

    Map<String, Set<String>> old = members(before);
    long removed = 0;
    long added = 0;
    int groupsChanged = 0;
    for (Map.Entry<String, Set<String>> group : members(after).entrySet()) {
      Set<String> was = old.get(group.getKey());
      long in = group.getValue().stream().filter(m -> !was.contains(m)).count();
      long out = was.stream().filter(m -> !group.getValue().contains(m)).count();
      added += in;
      removed += out;
      groupsChanged += in + out > 0 ? 1 : 0;
    }
    assertThat(added).isEqualTo(summary.membershipsMoved()).isEqualTo(removed);
    assertThat(groupsChanged).isEqualTo(summary.groupsChanged());
    assertThat(summary.membershipsMoved())
        .isBetween(
            (int) (before.membershipCount() / 100) - 1, (int) (before.membershipCount() / 100) + 1);
  }

  private static DirectorySnapshot read(Path file) {
    return new LdifDirectorySource(
            new LdifSourceConfig(
                file, "entryUUID", "entryUUID", NestedGroups.IGNORE, null, null, null, null))
        .read();
  }

  private static Map<String, Set<String>> members(DirectorySnapshot snapshot) {
    Map<String, Set<String>> members = new HashMap<>();
    for (SourceGroup group : snapshot.groups()) {
      members.put(group.key(), new HashSet<>(group.memberKeys()));
    }
    return members;
  }
}
