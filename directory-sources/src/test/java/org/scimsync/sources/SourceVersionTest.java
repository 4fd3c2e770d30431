package org.scimsync.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scimsync.sources.assembly.Snapshots.resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.source.SourceException;
import org.scimsync.sources.assembly.NestedGroups;
import org.scimsync.sources.csv.CsvDirectorySource;
import org.scimsync.sources.csv.CsvSourceConfig;
import org.scimsync.sources.ldif.LdifDirectorySource;
import org.scimsync.sources.ldif.LdifSourceConfig;
import org.scimsync.sources.read.ContentVersion;

/**
 * The versions of the file sources: what a read returns is versioned by the bytes it parsed, the
 * same as {@link DirectorySource#version()} finds without parsing, and any edit of a file or of the
 * settings gives another version.
 */
class SourceVersionTest {

  @TempDir Path dir;

  private Path copy(String resource, String name) throws IOException {
    return Files.copy(resource(resource), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void anLdifReadHasTheVersionOfItsFile() throws IOException {
    Path file = copy("ldif/awkward.ldif", "directory.ldif");
    DirectorySource source = new LdifDirectorySource(LdifSourceConfig.of(file));

    String version = source.version().orElseThrow();

    assertThat(source.read().version()).isEqualTo(version);
    assertThat(new LdifDirectorySource(LdifSourceConfig.of(file)).version()).contains(version);

    Files.writeString(file, "\n# exported again\n", StandardOpenOption.APPEND);
    String edited = source.version().orElseThrow();
    assertThat(edited).isNotEqualTo(version);
    assertThat(source.read().version()).isEqualTo(edited);
  }

  @Test
  void otherLdifSettingsGiveAnotherVersion() throws IOException {
    Path file = copy("ldif/awkward.ldif", "directory.ldif");
    LdifSourceConfig defaults = LdifSourceConfig.of(file);
    LdifSourceConfig ignoringNesting =
        new LdifSourceConfig(file, null, null, NestedGroups.IGNORE, null, null, null, null);

    assertThat(new LdifDirectorySource(ignoringNesting).version())
        .isNotEqualTo(new LdifDirectorySource(defaults).version());
  }

  @Test
  void aMissingLdifFileHasNoVersionButAnErrorNamingIt() {
    Path missing = dir.resolve("absent.ldif");
    assertThatThrownBy(() -> new LdifDirectorySource(LdifSourceConfig.of(missing)).version())
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.INVALID_INPUT))
        .hasMessageContaining(missing.toString());
  }

  @Test
  void aCsvReadHasTheVersionOfBothFiles() throws IOException {
    Path users = copy("csv/users.csv", "users.csv");
    Path groups = copy("csv/groups.csv", "groups.csv");
    DirectorySource source = new CsvDirectorySource(CsvSourceConfig.of(users, groups));

    String version = source.version().orElseThrow();
    assertThat(source.read().version()).isEqualTo(version);

    Files.writeString(groups, "g-new,aws-new,u1,\n", StandardOpenOption.APPEND);
    String edited = source.version().orElseThrow();
    assertThat(edited).isNotEqualTo(version);
    assertThat(source.read().version()).isEqualTo(edited);

    DirectorySource usersOnly = new CsvDirectorySource(CsvSourceConfig.of(users, null));
    assertThat(usersOnly.read().version())
        .isEqualTo(usersOnly.version().orElseThrow())
        .isNotEqualTo(edited);
  }

  @Test
  void aMissingCsvFileIsNamed() throws IOException {
    Path users = copy("csv/users.csv", "users.csv");
    Path groups = dir.resolve("absent.csv");
    assertThatThrownBy(() -> new CsvDirectorySource(CsvSourceConfig.of(users, groups)).version())
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.INVALID_INPUT))
        .hasMessageContaining(groups.toString());
  }

  @Test
  void aFileClosedBeforeItsEndIsDigestedWhole() throws IOException {
    Path file = copy("ldif/ad-export.ldif", "export.ldif");
    ContentVersion partly = ContentVersion.of("settings");
    try (InputStream in = partly.reading(Files.newInputStream(file))) {
      assertThat(in.read(new byte[10])).isEqualTo(10);
      assertThat(in.skip(5)).isEqualTo(5);
    }

    assertThat(partly.value()).isEqualTo(ContentVersion.ofFiles("settings", List.of(file)));
    assertThat(ContentVersion.ofFiles("other settings", List.of(file)))
        .isNotEqualTo(partly.value());
  }
}
