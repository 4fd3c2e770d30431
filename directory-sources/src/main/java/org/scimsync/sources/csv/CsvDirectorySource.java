package org.scimsync.sources.csv;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.source.SourceException;
import org.scimsync.sources.assembly.SnapshotAssembler;
import org.scimsync.sources.read.ContentVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads users and groups from two CSV files, as described in {@link CsvSourceConfig}. A user
 * without a key is skipped with a warning naming the file, line and column; a malformed file is an
 * error naming the same.
 */
public final class CsvDirectorySource implements DirectorySource {

  private static final Logger log = LoggerFactory.getLogger(CsvDirectorySource.class);
  private static final String USER_REFERENCE = "user:";
  private static final String GROUP_REFERENCE = "group:";

  private final CsvSourceConfig config;

  public CsvDirectorySource(CsvSourceConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public String describe() {
    return "csv:" + config.users() + (config.groups() == null ? "" : "," + config.groups());
  }

  /** The version of both files' content and of the settings: hashes the files. */
  @Override
  public Optional<String> version() {
    List<Path> files = new ArrayList<>();
    files.add(config.users());
    if (config.groups() != null) {
      files.add(config.groups());
    }
    try {
      return Optional.of(ContentVersion.ofFiles(config.settingsText(), files));
    } catch (NoSuchFileException e) {
      throw CsvTable.noSuchFile(Path.of(e.getFile()), e);
    } catch (IOException e) {
      throw new SourceException(
          SourceException.Kind.UNAVAILABLE, describe() + ": cannot read: " + e.getMessage(), e);
    }
  }

  @Override
  public DirectorySnapshot read() {
    SnapshotAssembler assembler = new SnapshotAssembler(config.nested());
    ContentVersion version = ContentVersion.of(config.settingsText());
    Set<String> userKeys = readUsers(assembler, version);
    if (config.groups() != null) {
      Map<String, GroupRows> groups = readGroups(assembler, version);
      for (GroupRows group : groups.values()) {
        List<String> members = new ArrayList<>(group.members.size());
        for (String member : group.members) {
          boolean user = userKeys.contains(member) || !groups.containsKey(member);
          members.add((user ? USER_REFERENCE : GROUP_REFERENCE) + member);
        }
        assembler.addGroup(
            GROUP_REFERENCE + group.key,
            group.key,
            group.name,
            null,
            group.attributes,
            members,
            group.origin);
      }
    }
    DirectorySnapshot snapshot =
        assembler.build(describe(), Instant.now()).withVersion(version.value());
    log.info(
        "source={} users={} groups={} memberships={} warnings={}",
        describe(),
        snapshot.userCount(),
        snapshot.groupCount(),
        snapshot.membershipCount(),
        snapshot.warnings().size());
    return snapshot;
  }

  private Set<String> readUsers(SnapshotAssembler assembler, ContentVersion version) {
    Set<String> keys = new HashSet<>();
    try (CsvTable table =
        CsvTable.open(config.users(), version, config.delimiter(), config.encoding())) {
      List<String> header = table.header();
      int keyColumn = 0;
      if (config.userKey() != null) {
        keyColumn = table.column(config.userKey());
        if (keyColumn < 0) {
          throw table.invalid(
              1,
              "no key column " + config.userKey() + " in the header " + String.join(",", header));
        }
      }
      boolean[] multiValued = new boolean[header.size()];
      for (int i = 0; i < header.size(); i++) {
        multiValued[i] =
            config.multiValuedColumns().contains(header.get(i).toLowerCase(Locale.ROOT));
      }
      CsvTable.Row row;
      while ((row = table.next()) != null) {
        String key = row.cells().get(keyColumn).trim();
        String origin = table.file() + " line " + row.line();
        if (key.isEmpty()) {
          assembler.warn(
              origin + " column " + header.get(keyColumn) + ": user without a key; skipped");
          continue;
        }
        Map<String, List<Object>> attributes = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          List<Object> values = values(row.cells().get(i), multiValued[i]);
          if (!values.isEmpty()) {
            attributes.put(header.get(i), values);
          }
        }
        if (assembler.addUser(USER_REFERENCE + key, key, null, attributes, origin)) {
          keys.add(key);
        }
      }
    }
    return keys;
  }

  private List<Object> values(String cell, boolean multiValued) {
    if (!multiValued) {
      return cell.isEmpty() ? List.of() : List.of(cell);
    }
    List<Object> values = new ArrayList<>();
    for (String value : cell.split(java.util.regex.Pattern.quote(config.valueSeparator()), -1)) {
      String trimmed = value.trim();
      if (!trimmed.isEmpty()) {
        values.add(trimmed);
      }
    }
    return values;
  }

  private Map<String, GroupRows> readGroups(SnapshotAssembler assembler, ContentVersion version) {
    Map<String, GroupRows> groups = new LinkedHashMap<>();
    try (CsvTable table =
        CsvTable.open(
            Objects.requireNonNull(config.groups()),
            version,
            config.delimiter(),
            config.encoding())) {
      int keyColumn = groupColumn(table, config.groupKeyColumn(), "group", 0);
      int nameColumn = groupColumn(table, config.groupNameColumn(), "name", 1);
      int memberColumn = groupColumn(table, config.memberColumn(), "member", 2);
      List<String> header = table.header();
      CsvTable.Row row;
      while ((row = table.next()) != null) {
        List<String> cells = row.cells();
        String origin = table.file() + " line " + row.line();
        String key = cells.get(keyColumn).trim();
        if (key.isEmpty()) {
          assembler.warn(
              origin
                  + " column "
                  + header.get(keyColumn)
                  + ": membership without a group key;"
                  + " skipped");
          continue;
        }
        String name = cells.get(nameColumn).trim();
        GroupRows group = groups.get(key);
        if (group == null) {
          if (name.isEmpty()) {
            assembler.warn(
                origin
                    + " column "
                    + header.get(nameColumn)
                    + ": group "
                    + key
                    + " without a name; its key is used as the name");
            name = key;
          }
          group =
              new GroupRows(key, name, origin, groupAttributes(header, cells, memberColumn, name));
          groups.put(key, group);
        } else if (!name.isEmpty() && !name.equals(group.name)) {
          assembler.warn(
              String.format(
                  "%s column %s: group %s is named %s here but %s at %s; keeping %s",
                  origin, header.get(nameColumn), key, name, group.name, group.origin, group.name));
        }
        String member = cells.get(memberColumn).trim();
        if (!member.isEmpty()) {
          group.members.add(member);
        }
      }
    }
    return groups;
  }

  private static int groupColumn(
      CsvTable table, @Nullable String configured, String defaultName, int position) {
    if (configured != null) {
      int column = table.column(configured);
      if (column < 0) {
        throw table.invalid(
            1, "no column " + configured + " in the header " + String.join(",", table.header()));
      }
      return column;
    }
    int column = table.column(defaultName);
    if (column >= 0) {
      return column;
    }
    if (position >= table.header().size()) {
      throw table.invalid(
          1, "a groups file needs the columns group key, group name and member key");
    }
    return position;
  }

  private static Map<String, List<Object>> groupAttributes(
      List<String> header, List<String> cells, int memberColumn, String name) {
    Map<String, List<Object>> attributes = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String value = cells.get(i).trim();
      if (i != memberColumn && !value.isEmpty()) {
        attributes.put(header.get(i), List.of(value));
      }
    }
    boolean hasCn = attributes.keySet().stream().anyMatch("cn"::equalsIgnoreCase);
    if (!hasCn) {
      attributes.put("cn", List.of(name));
    }
    return attributes;
  }

  /** The lines of one group, merged. */
  private static final class GroupRows {
    final String key;
    final String name;
    final String origin;
    final Map<String, List<Object>> attributes;
    final List<String> members = new ArrayList<>();

    GroupRows(String key, String name, String origin, Map<String, List<Object>> attributes) {
      this.key = key;
      this.name = name;
      this.origin = origin;
      this.attributes = attributes;
    }
  }
}
