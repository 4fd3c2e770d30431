package org.scimsync.sources.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.source.SourceUser;

/**
 * HR exports as Excel writes them: {@code ;}-separated where the decimal separator is a comma,
 * Windows-1252 from "CSV (comma delimited)", UTF-8 with a byte order mark from "CSV UTF-8", tab
 * from "Unicode text"; and the messages that name the key to set when the settings do not match.
 */
class CsvExcelExportTest {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final String SEMICOLON_USERS =
      "id;mail;givenName;sn;displayName\r\n"
          + "u1;zoe@example.com;Zoë;Müller;\"Müller; Zoë\"\r\n"
          + "u2;;François;Dupré;François Dupré\r\n";

  @TempDir Path dir;

  private Path file(String name, String text, Charset charset, boolean bom) throws IOException {
    byte[] body = text.getBytes(charset);
    byte[] bytes = body;
    if (bom) {
      bytes = new byte[body.length + 3];
      bytes[0] = (byte) 0xEF;
      bytes[1] = (byte) 0xBB;
      bytes[2] = (byte) 0xBF;
      System.arraycopy(body, 0, bytes, 3, body.length);
    }
    return Files.write(dir.resolve(name), bytes);
  }

  private static DirectorySnapshot read(
      Path users,
      @Nullable Path groups,
      @Nullable CsvDelimiter delimiter,
      @Nullable CsvEncoding encoding) {
    CsvSourceConfig config =
        new CsvSourceConfig(
            users, groups, "id", null, null, null, null, null, null, delimiter, encoding);
    return new CsvDirectorySource(config).read();
  }

  private static SourceUser user(DirectorySnapshot snapshot, String key) {
    return snapshot.users().stream().filter(u -> u.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void readsASemicolonSeparatedWindows1252Export() throws IOException {
    Path users = file("users.csv", SEMICOLON_USERS, WINDOWS_1252, false);
    Path groups =
        file(
            "groups.csv",
            "group;name;member\r\ng1;Équipe;u1\r\ng1;Équipe;u2\r\n",
            WINDOWS_1252,
            false);

    DirectorySnapshot snapshot =
        read(users, groups, CsvDelimiter.SEMICOLON, CsvEncoding.WINDOWS_1252);

    assertThat(user(snapshot, "u1").values("givenName")).containsExactly("Zoë");
    assertThat(user(snapshot, "u1").values("displayName")).containsExactly("Müller; Zoë");
    assertThat(user(snapshot, "u2").values("mail")).isEmpty();
    assertThat(user(snapshot, "u2").values("sn")).containsExactly("Dupré");
    assertThat(snapshot.groups())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.name()).isEqualTo("Équipe");
              assertThat(g.memberKeys()).containsExactly("u1", "u2");
            });
  }

  @Test
  void readsUtf8WithAByteOrderMarkAndTabs() throws IOException {
    Path users =
        file("users.csv", SEMICOLON_USERS.replace(';', '\t'), StandardCharsets.UTF_8, true);

    DirectorySnapshot snapshot = read(users, null, CsvDelimiter.TAB, null);

    assertThat(snapshot.users()).extracting(SourceUser::key).containsExactly("u1", "u2");
    assertThat(user(snapshot, "u1").values("id")).containsExactly("u1");
    assertThat(user(snapshot, "u1").values("sn")).containsExactly("Müller");
  }

  @Test
  void readsIso88591() throws IOException {
    Path users =
        file("users.csv", SEMICOLON_USERS.replace(';', ','), StandardCharsets.ISO_8859_1, false);

    DirectorySnapshot snapshot = read(users, null, null, CsvEncoding.ISO_8859_1);

    assertThat(user(snapshot, "u2").values("givenName")).containsExactly("François");
  }

  @Test
  void aHeaderThatSplitsOnlyWithAnotherDelimiterNamesTheKey() throws IOException {
    Path users = file("users.csv", SEMICOLON_USERS, StandardCharsets.UTF_8, true);

    assertThatThrownBy(() -> read(users, null, null, null))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining(users + " line 1: the header id;mail;givenName;sn;displayName")
        .hasMessageContaining("5 columns split at ';'")
        .hasMessageContaining("set source.csv.delimiter: \";\"");
  }

  @Test
  void aTabSeparatedHeaderNamesTheTabSpelling() throws IOException {
    Path users = file("users.csv", "id\tmail\nu1\ta@example.com\n", StandardCharsets.UTF_8, false);

    assertThatThrownBy(() -> read(users, null, CsvDelimiter.SEMICOLON, null))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("split at 'tab'")
        .hasMessageContaining("set source.csv.delimiter: \"\\t\"");
  }

  @Test
  void aOneColumnFileIsNotTakenForAnotherDelimiter() throws IOException {
    Path users = file("users.csv", "id\nu1\nu2\n", StandardCharsets.UTF_8, false);

    assertThat(read(users, null, null, null).users()).hasSize(2);
  }

  @Test
  void windows1252ReadAsUtf8NamesTheLineAndTheEncodingKey() throws IOException {
    Path users = file("users.csv", SEMICOLON_USERS, WINDOWS_1252, false);

    assertThatThrownBy(() -> read(users, null, CsvDelimiter.SEMICOLON, null))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining(users + " line 2: not valid UTF-8")
        .hasMessageContaining("set source.csv.encoding: windows-1252");
  }

  @Test
  void bytesThatWindows1252LeavesUndefinedNameTheirLine() throws IOException {
    byte[] bytes = "id;sn\r\nu1;ok\r\nu2;x\u0081y\r\n".getBytes(StandardCharsets.ISO_8859_1);
    Path users = Files.write(dir.resolve("users.csv"), bytes);

    assertThatThrownBy(() -> read(users, null, CsvDelimiter.SEMICOLON, CsvEncoding.WINDOWS_1252))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining(users + " line 3: not valid windows-1252");
  }

  @Test
  void theDelimiterAndEncodingArePartOfTheVersion() throws IOException {
    Path users = file("users.csv", SEMICOLON_USERS, WINDOWS_1252, false);
    CsvSourceConfig semicolon =
        new CsvSourceConfig(
            users, null, "id", null, null, null, null, null, null, CsvDelimiter.SEMICOLON, null);
    CsvSourceConfig latin1 =
        new CsvSourceConfig(
            users,
            null,
            "id",
            null,
            null,
            null,
            null,
            null,
            null,
            CsvDelimiter.SEMICOLON,
            CsvEncoding.ISO_8859_1);

    assertThat(new CsvDirectorySource(semicolon).version())
        .isNotEqualTo(new CsvDirectorySource(latin1).version())
        .isNotEqualTo(new CsvDirectorySource(CsvSourceConfig.of(users, null)).version());
  }
}
