package org.scimsync.sources.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scimsync.sources.assembly.Snapshots.group;
import static org.scimsync.sources.assembly.Snapshots.resource;
import static org.scimsync.sources.assembly.Snapshots.user;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.sources.assembly.NestedGroups;

class CsvDirectorySourceTest {

  private static CsvSourceConfig config(String users, String groups) {
    return new CsvSourceConfig(
        resource("csv/" + users),
        groups == null ? null : resource("csv/" + groups),
        "id",
        NestedGroups.FLATTEN,
        Set.of("MAIL"),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static DirectorySnapshot read(CsvSourceConfig config) {
    return new CsvDirectorySource(config).read();
  }

  @Test
  void readsQuotedMultiLineAndMultiValuedCells() {
    DirectorySnapshot snapshot = read(config("users.csv", null));

    assertThat(snapshot.users()).extracting(SourceUser::key).containsExactly("u1", "u2", "u3");
    SourceUser smith = user(snapshot, "u1");
    assertThat(smith.dn()).isNull();
    assertThat(smith.values("id")).containsExactly("u1");
    assertThat(smith.values("cn")).containsExactly("Smith, John");
    assertThat(smith.values("mail")).containsExactly("john.smith@example.com", "js@example.com");
    assertThat(smith.values("description")).containsExactly("He said \"hi\"");
    SourceUser zoe = user(snapshot, "u2");
    assertThat(zoe.values("cn")).containsExactly("Zoë Müller");
    assertThat(zoe.values("title")).isEmpty();
    assertThat(zoe.values("description")).containsExactly("two\nlines");
  }

  @Test
  void skipsUsersWithoutKeyOrWithADuplicateKeyNamingLineAndColumn() {
    DirectorySnapshot snapshot = read(config("users.csv", null));

    assertThat(snapshot.warnings())
        .containsExactly(
            resource("csv/users.csv") + " line 7 column id: user without a key; skipped",
            resource("csv/users.csv")
                + " line 8: duplicate user key u1 (first seen at "
                + resource("csv/users.csv")
                + " line 2); entry skipped");
  }

  @Test
  void defaultsTheUserKeyToTheFirstColumn() {
    DirectorySnapshot snapshot = read(CsvSourceConfig.of(resource("csv/users.csv"), null));

    assertThat(snapshot.users()).extracting(SourceUser::key).containsExactly("u1", "u2", "u3");
    assertThat(user(snapshot, "u1").values("mail"))
        .containsExactly("john.smith@example.com;js@example.com");
  }

  @Test
  void buildsGroupsFromMembershipLinesWithNesting() {
    DirectorySnapshot snapshot = read(config("users.csv", "groups.csv"));

    SourceGroup admins = group(snapshot, "aws-admins");
    assertThat(admins.key()).isEqualTo("g-admins");
    assertThat(admins.dn()).isNull();
    assertThat(admins.memberKeys()).containsExactly("u1", "u2", "u3");
    assertThat(admins.values("cn")).containsExactly("aws-admins");
    assertThat(admins.values("description")).containsExactly("Administrators");
    assertThat(admins.values("member")).isEmpty();
    assertThat(admins.groups()).containsExactly("aws-devs");
    SourceGroup devs = group(snapshot, "aws-devs");
    assertThat(devs.memberKeys()).containsExactly("u3", "u1", "u2");
    assertThat(group(snapshot, "empty").memberKeys()).isEmpty();
    assertThat(user(snapshot, "u2").groups()).containsExactly("aws-admins", "aws-devs");
    assertThat(snapshot.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("groups.csv line 8 column name", "developers", "keeping aws-devs"))
        .anySatisfy(
            w -> assertThat(w).contains("groups.csv line 4", "aws-devs", "1 member", "user:ghost"));
  }

  @Test
  void ignoredNestingKeepsOnlyDirectMembers() {
    CsvSourceConfig config =
        new CsvSourceConfig(
            resource("csv/users.csv"),
            resource("csv/groups.csv"),
            "id",
            NestedGroups.IGNORE,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    DirectorySnapshot snapshot = read(config);

    assertThat(group(snapshot, "aws-admins").memberKeys()).containsExactly("u1", "u2");
    assertThat(group(snapshot, "aws-devs").memberKeys()).containsExactly("u3");
  }

  @Test
  void takesGroupColumnsByPositionWhenTheHeaderUsesOtherNames() {
    DirectorySnapshot snapshot = read(config("users.csv", "groups-positional.csv"));

    assertThat(snapshot.groups())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.key()).isEqualTo("g1");
              assertThat(g.name()).isEqualTo("staff");
              assertThat(g.memberKeys()).containsExactly("u1", "u3");
              assertThat(g.values("cn")).containsExactly("staff");
              assertThat(g.values("gid")).containsExactly("g1");
            });
  }

  @Test
  void refusesAConfiguredColumnThatIsMissing() {
    CsvSourceConfig config =
        new CsvSourceConfig(
            resource("csv/users.csv"),
            resource("csv/groups.csv"),
            "id",
            null,
            null,
            null,
            "gid",
            null,
            null,
            null,
            null);

    assertThatThrownBy(() -> read(config))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("groups.csv line 1: no column gid in the header group,name,member");
  }

  @Test
  void namesLineAndColumnOfAnUnterminatedQuote() {
    assertThatThrownBy(() -> read(CsvSourceConfig.of(resource("csv/unterminated.csv"), null)))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.INVALID_INPUT))
        .hasMessageMatching(".*unterminated.csv line \\d+ column \\d+: malformed CSV: .*quote.*");
  }

  @Test
  void namesLineAndColumnOfARowWithMissingFields() {
    assertThatThrownBy(() -> read(CsvSourceConfig.of(resource("csv/ragged.csv"), null)))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining(
            "ragged.csv line 3: column 3 (mail): the row has 2 fields but the header has 3");
  }

  @Test
  void refusesARepeatedHeaderName() {
    assertThatThrownBy(() -> read(CsvSourceConfig.of(resource("csv/duplicate-header.csv"), null)))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("duplicate-header.csv line 1: column 3 repeats the header name CN");
  }

  @Test
  void namesTheLineOfInvalidUtf8() {
    assertThatThrownBy(() -> read(CsvSourceConfig.of(resource("csv/invalid-utf8.csv"), null)))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("invalid-utf8.csv line 3: not valid UTF-8");
  }

  @Test
  void describesBothFiles() {
    assertThat(new CsvDirectorySource(config("users.csv", "groups.csv")).describe())
        .isEqualTo("csv:" + resource("csv/users.csv") + "," + resource("csv/groups.csv"));
  }
}
