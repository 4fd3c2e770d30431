package org.scimsync.sources.ldif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scimsync.sources.assembly.Snapshots.group;
import static org.scimsync.sources.assembly.Snapshots.resource;
import static org.scimsync.sources.assembly.Snapshots.user;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.sources.assembly.NestedGroups;

class LdifDirectorySourceTest {

  private static DirectorySnapshot read(LdifSourceConfig config) {
    return new LdifDirectorySource(config).read();
  }

  @Test
  void readsEscapedDnsBase64FoldedAndBinaryValues() {
    DirectorySnapshot snapshot = read(LdifSourceConfig.of(resource("ldif/awkward.ldif")));

    assertThat(snapshot.users())
        .extracting(SourceUser::key)
        .containsExactly(
            "0b0e3f3a-1111-4c2e-9d9e-000000000001",
            "0b0e3f3a-1111-4c2e-9d9e-000000000002",
            "0b0e3f3a-1111-4c2e-9d9e-000000000003");
    SourceUser smith = user(snapshot, "0b0e3f3a-1111-4c2e-9d9e-000000000001");
    assertThat(smith.dn()).isEqualTo("cn=Smith\\, John,ou=People,dc=example,dc=com");
    assertThat(smith.values("CN")).containsExactly("Smith, John");
    assertThat(smith.values("mail")).containsExactly("john.smith@example.com", "js@example.com");
    assertThat(smith.values("description"))
        .containsExactly(
            "a long description that was folded by the exporter because it was longer than"
                + " seventy-six characters");
    assertThat(smith.values("jpegPhoto"))
        .singleElement()
        .isEqualTo(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10});

    SourceUser muller = user(snapshot, "0b0e3f3a-1111-4c2e-9d9e-000000000002");
    assertThat(muller.dn()).isEqualTo("cn=Müller\\, Zoë,ou=People,dc=example,dc=com");
    assertThat(muller.values("cn")).containsExactly("Müller, Zoë");
    assertThat(muller.values("givenName")).containsExactly("Jürgen");
    assertThat(muller.values("sn")).containsExactly("Müller");
    assertThat(muller.values("x-token"))
        .singleElement()
        .isEqualTo(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x41});
  }

  @Test
  void resolvesMembersByNormalisedDnAndFlattensNesting() {
    DirectorySnapshot snapshot = read(LdifSourceConfig.of(resource("ldif/awkward.ldif")));

    SourceGroup admins = group(snapshot, "aws-admins");
    assertThat(admins.key()).isEqualTo("0b0e3f3a-2222-4c2e-9d9e-000000000001");
    assertThat(admins.memberKeys())
        .containsExactly(
            "0b0e3f3a-1111-4c2e-9d9e-000000000001", "0b0e3f3a-1111-4c2e-9d9e-000000000002");
    assertThat(admins.values("member")).isEmpty();
    assertThat(admins.values("description")).containsExactly("Administrators");
    assertThat(admins.groups()).containsExactly("aws-devs");

    SourceGroup devs = group(snapshot, "aws-devs");
    assertThat(devs.memberKeys())
        .containsExactly(
            "0b0e3f3a-1111-4c2e-9d9e-000000000003",
            "0b0e3f3a-1111-4c2e-9d9e-000000000001",
            "0b0e3f3a-1111-4c2e-9d9e-000000000002");
    assertThat(group(snapshot, "empty").memberKeys()).isEmpty();
    assertThat(user(snapshot, "0b0e3f3a-1111-4c2e-9d9e-000000000001").groups())
        .containsExactly("aws-admins", "aws-devs");
    assertThat(snapshot.warnings())
        .singleElement()
        .asString()
        .contains("awkward.ldif line 47", "aws-admins", "cn=nobody,ou=people,dc=example,dc=com");
  }

  @Test
  void ignoredNestingKeepsDirectMembersOnly() {
    DirectorySnapshot snapshot =
        read(LdifSourceConfig.of(resource("ldif/awkward.ldif")).withNested(NestedGroups.IGNORE));

    assertThat(group(snapshot, "aws-devs").memberKeys())
        .containsExactly("0b0e3f3a-1111-4c2e-9d9e-000000000003");
  }

  @Test
  void usesTheNormalisedDnAsKeyWhenNoEntryHasEntryUuid() {
    DirectorySnapshot snapshot = read(LdifSourceConfig.of(resource("ldif/no-uuid.ldif")));

    assertThat(snapshot.users())
        .extracting(SourceUser::key)
        .containsExactly(
            "uid=alice,ou=people,dc=example,dc=com", "uid=bob,ou=people,dc=example,dc=com");
    SourceGroup staff = snapshot.groups().get(0);
    assertThat(staff.key()).isEqualTo("cn=staff,ou=groups,dc=example,dc=com");
    assertThat(staff.name()).isEqualTo("staff");
    assertThat(staff.values("cn")).containsExactly("staff");
    assertThat(staff.memberKeys()).hasSize(2);
  }

  @Test
  void skipsUsersWithoutTheConfiguredKeyNamingTheLine() {
    DirectorySnapshot snapshot =
        read(LdifSourceConfig.of(resource("ldif/no-uuid.ldif")).withKeys("entryUUID", "dn"));

    assertThat(snapshot.users()).isEmpty();
    assertThat(snapshot.warnings())
        .contains(
            resource("ldif/no-uuid.ldif")
                + " line 1 (uid=alice,ou=People,dc=example,dc=com): user without entryUUID;"
                + " skipped");
    assertThat(snapshot.warnings()).anyMatch(w -> w.contains("line 7") && w.contains("bob"));
  }

  @Test
  void rendersBinaryObjectGuidKeysAndSkipsDuplicates() {
    DirectorySnapshot snapshot =
        read(LdifSourceConfig.of(resource("ldif/ad-export.ldif")).withKeys("objectGUID", null));

    assertThat(snapshot.users())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.key()).isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
              assertThat(u.values("objectGUID").get(0)).isInstanceOf(byte[].class);
              assertThat(u.values("userAccountControl")).containsExactly("514");
            });
    assertThat(snapshot.warnings())
        .anySatisfy(w -> assertThat(w).contains("line 11", "without objectGUID"))
        .anySatisfy(w -> assertThat(w).contains("line 15", "duplicate user key", "line 1"));
  }

  @Test
  void refusesChangeRecordsNamingTheLine() {
    assertThatThrownBy(() -> read(LdifSourceConfig.of(resource("ldif/change-record.ldif"))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.INVALID_INPUT))
        .hasMessageContaining("change-record.ldif line 10")
        .hasMessageContaining("change records");
  }

  @Test
  void refusesValuesReadFromUrls() {
    assertThatThrownBy(() -> read(LdifSourceConfig.of(resource("ldif/url-value.ldif"))))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("url-value.ldif line 6")
        .hasMessageContaining("jpegPhoto:<");
  }

  @Test
  void namesFileAndLineOfMalformedLdif() {
    assertThatThrownBy(() -> read(LdifSourceConfig.of(resource("ldif/malformed.ldif"))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.INVALID_INPUT))
        .hasMessageContaining("malformed.ldif line 6");
  }

  @Test
  void namesTheLineOfInvalidUtf8() {
    assertThatThrownBy(() -> read(LdifSourceConfig.of(resource("ldif/invalid-utf8.ldif"))))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("invalid-utf8.ldif line 4")
        .hasMessageContaining("UTF-8");
  }

  @Test
  void reportsAMissingFileAsInvalidInput(@TempDir Path dir) {
    Path missing = dir.resolve("absent.ldif");
    assertThatThrownBy(() -> read(LdifSourceConfig.of(missing)))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.INVALID_INPUT))
        .hasMessageContaining(missing.toString());
  }

  @Test
  void honoursConfiguredObjectClasses(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("custom.ldif");
    Files.writeString(
        file,
        "dn: uid=svc,dc=x\nobjectClass: account\nuid: svc\n\n"
            + "dn: cn=team,dc=x\nobjectClass: posixGroupOfNames\ncn: team\nmember: uid=svc,dc=x\n",
        StandardCharsets.UTF_8);
    LdifSourceConfig config =
        new LdifSourceConfig(
            file,
            "uid",
            "cn",
            NestedGroups.FLATTEN,
            java.util.Set.of("Account"),
            java.util.Set.of("posixGroupOfNames"),
            null,
            null);

    DirectorySnapshot snapshot = read(config);

    assertThat(snapshot.users()).extracting(SourceUser::key).containsExactly("svc");
    assertThat(snapshot.groups())
        .singleElement()
        .satisfies(g -> assertThat(g.memberKeys()).containsExactly("svc"));
    assertThat(new LdifDirectorySource(config).describe()).isEqualTo("ldif:" + file);
  }

  /**
   * Entries are parsed on several threads; they must still come out in file order, each with the
   * line of its own {@code dn:} line, also after comments, a {@code version:} line and folded lines
   * that shift the line numbers.
   */
  @Test
  void keepsFileOrderAndLineNumbersOfManyEntries(@TempDir Path dir) throws Exception {
    StringBuilder ldif = new StringBuilder("version: 1\n# a directory\n\n");
    long line = 4;
    java.util.List<String> expectedOrder = new java.util.ArrayList<>();
    java.util.List<String> expectedWarnings = new java.util.ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      if (i % 7 == 0) {
        ldif.append("# user ").append(i).append('\n');
        line++;
      }
      ldif.append("dn: uid=u")
          .append(i)
          .append(",dc=x\nobjectClass: person\ncn: User\n")
          .append(" ")
          .append(i)
          .append('\n');
      if (i % 500 == 3) {
        expectedWarnings.add("line " + line + " (uid=u" + i + ",dc=x): user without entryUUID");
        ldif.append('\n');
        line += 5;
      } else {
        expectedOrder.add("k" + i);
        ldif.append("entryUUID: k").append(i).append("\n\n");
        line += 6;
      }
    }
    Path file = dir.resolve("many.ldif");
    Files.writeString(file, ldif, StandardCharsets.UTF_8);

    DirectorySnapshot snapshot = read(LdifSourceConfig.of(file));

    assertThat(snapshot.users())
        .extracting(SourceUser::key)
        .containsExactlyElementsOf(expectedOrder);
    assertThat(snapshot.users().get(1).values("cn")).containsExactly("User1");
    assertThat(snapshot.warnings()).hasSize(expectedWarnings.size());
    for (int i = 0; i < expectedWarnings.size(); i++) {
      assertThat(snapshot.warnings().get(i)).contains(expectedWarnings.get(i));
    }
  }
}
