package org.scimsync.sources.csv;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.scimsync.common.ConfigChecks;
import org.scimsync.common.ConfigValueException;
import org.scimsync.sources.assembly.NestedGroups;

/**
 * CSV files (RFC 4180: comma-separated, double-quoted fields, UTF-8; or as Excel writes them:
 * semicolon- or tab-separated, Windows-1252) as the directory. Every parameter documented as
 * nullable selects its default when null.
 *
 * <p>{@code users.csv} has a header row; every column is an attribute of that name and an empty
 * cell is no value. Columns listed in {@code multiValuedColumns} hold several values separated by
 * {@code valueSeparator} (e.g. {@code mail} = {@code a@x.com;b@x.com}); the separator cannot be
 * escaped inside a value. {@code groups.csv} has a header row and one membership per line: group
 * key, group name, member key (an empty member cell declares a group without adding a member). A
 * member key names a user, or another group (a nested group); user keys take precedence. Further
 * columns of {@code groups.csv} are group attributes, taken from the group's first line; the name
 * is also the group's {@code cn} attribute unless a {@code cn} column is present.
 *
 * @param users the users file
 * @param groups the groups file; null: no groups
 * @param userKey the users' key column; null: the first column
 * @param nested how nested groups count; null: {@link NestedGroups#FLATTEN}
 * @param multiValuedColumns user columns whose cells hold several values (case-insensitive); null:
 *     none
 * @param valueSeparator what separates the values in those cells; null: {@code ;}
 * @param groupKeyColumn the group key column; null: {@code group} if the header has it, otherwise
 *     the first column
 * @param groupNameColumn the group name column; null: {@code name}, otherwise the second column
 * @param memberColumn the member key column; null: {@code member}, otherwise the third column
 * @param delimiter what separates the fields of both files; null: {@link CsvDelimiter#COMMA}
 * @param encoding the character encoding of both files; null: {@link CsvEncoding#UTF_8} (a byte
 *     order mark is skipped)
 */
public record CsvSourceConfig(
    Path users,
    @Nullable Path groups,
    @Nullable String userKey,
    NestedGroups nested,
    Set<String> multiValuedColumns,
    String valueSeparator,
    @Nullable String groupKeyColumn,
    @Nullable String groupNameColumn,
    @Nullable String memberColumn,
    CsvDelimiter delimiter,
    CsvEncoding encoding) {

  public CsvSourceConfig(
      Path users,
      @Nullable Path groups,
      @Nullable String userKey,
      @Nullable NestedGroups nested,
      @Nullable Set<String> multiValuedColumns,
      @Nullable String valueSeparator,
      @Nullable String groupKeyColumn,
      @Nullable String groupNameColumn,
      @Nullable String memberColumn,
      @Nullable CsvDelimiter delimiter,
      @Nullable CsvEncoding encoding) {
    this.users = Objects.requireNonNull(users, "users");
    this.groups = groups;
    this.userKey = ConfigChecks.blankToNull(userKey);
    this.nested = nested == null ? NestedGroups.FLATTEN : nested;
    this.multiValuedColumns =
        ConfigChecks.lowerCase(multiValuedColumns == null ? Set.of() : multiValuedColumns);
    this.valueSeparator = valueSeparator == null || valueSeparator.isEmpty() ? ";" : valueSeparator;
    this.groupKeyColumn = ConfigChecks.blankToNull(groupKeyColumn);
    this.groupNameColumn = ConfigChecks.blankToNull(groupNameColumn);
    this.memberColumn = ConfigChecks.blankToNull(memberColumn);
    this.delimiter = delimiter == null ? CsvDelimiter.COMMA : delimiter;
    this.encoding = encoding == null ? CsvEncoding.UTF_8 : encoding;
  }

  /**
   * Every setting that changes what a read returns, in the same form from one process to the next
   * (sets sorted): part of the source's version.
   */
  public String settingsText() {
    return String.join(
        "\n",
        "csv",
        "users=" + users.toAbsolutePath().normalize(),
        "groups=" + (groups == null ? null : groups.toAbsolutePath().normalize()),
        "userKey=" + userKey,
        "nested=" + nested,
        "multiValuedColumns=" + new TreeSet<>(multiValuedColumns),
        "valueSeparator=" + valueSeparator,
        "groupKeyColumn=" + groupKeyColumn,
        "groupNameColumn=" + groupNameColumn,
        "memberColumn=" + memberColumn,
        "delimiter=" + delimiter,
        "encoding=" + encoding);
  }

  /**
   * The settings as written in {@code source.csv}; the user key and the nesting rule come from
   * {@code source.users} and {@code source.groups} ({@link #withKeys}).
   */
  @JsonCreator
  static CsvSourceConfig fromConfig(
      @JsonProperty("users") @Nullable Path users,
      @JsonProperty("groups") @Nullable Path groups,
      @JsonProperty("multiValuedColumns") @Nullable Set<String> multiValuedColumns,
      @JsonProperty("valueSeparator") @Nullable String valueSeparator,
      @JsonProperty("groupKeyColumn") @Nullable String groupKeyColumn,
      @JsonProperty("groupNameColumn") @Nullable String groupNameColumn,
      @JsonProperty("memberColumn") @Nullable String memberColumn,
      @JsonProperty("delimiter") @Nullable CsvDelimiter delimiter,
      @JsonProperty("encoding") @Nullable CsvEncoding encoding) {
    if (users == null) {
      throw new ConfigValueException("users", "is required: the users CSV file");
    }
    if (valueSeparator != null && valueSeparator.isEmpty()) {
      throw new ConfigValueException("valueSeparator", "must not be empty");
    }
    ConfigChecks.requireNonBlankIfSet("groupKeyColumn", groupKeyColumn);
    ConfigChecks.requireNonBlankIfSet("groupNameColumn", groupNameColumn);
    ConfigChecks.requireNonBlankIfSet("memberColumn", memberColumn);
    return new CsvSourceConfig(
        users,
        groups,
        null,
        null,
        multiValuedColumns,
        valueSeparator,
        groupKeyColumn,
        groupNameColumn,
        memberColumn,
        delimiter,
        encoding);
  }

  /** A copy with the given user key column and nesting rule (null: the defaults). */
  public CsvSourceConfig withKeys(@Nullable String userKey, @Nullable NestedGroups nested) {
    return new CsvSourceConfig(
        users,
        groups,
        userKey,
        nested,
        multiValuedColumns,
        valueSeparator,
        groupKeyColumn,
        groupNameColumn,
        memberColumn,
        delimiter,
        encoding);
  }

  /** The defaults for the two files: key = first column, group columns by name or position. */
  public static CsvSourceConfig of(Path users, @Nullable Path groups) {
    return new CsvSourceConfig(users, groups, null, null, null, null, null, null, null, null, null);
  }
}
