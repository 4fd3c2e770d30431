package org.scimsync.engine.source.ldif;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.DuplicateValueBehavior;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.source.LdifSourceConfig;
import org.scimsync.engine.source.SnapshotAssembler;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.source.internal.DnReferences;
import org.scimsync.engine.source.internal.EntryAttributes;
import org.scimsync.engine.source.internal.Utf8Lines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an LDIF file (RFC 2849) with UnboundID's {@link LDIFReader}, one record at a time, so the
 * file is never held in memory as a whole: base64 values, folded lines, comments and {@code
 * version:} are handled by the reader; values read from URLs and change records are refused with
 * the line number (see {@link LdifLineReader}). Users and groups are told apart by objectClass;
 * other entries (organisational units, the domain) are ignored. Member DNs are compared in
 * normalised form, so {@code cn=Smith\, John} and {@code CN=smith\2C john} are the same entry.
 */
public final class LdifDirectorySource implements DirectorySource {

  private static final Logger log = LoggerFactory.getLogger(LdifDirectorySource.class);
  private static final String ENTRY_UUID = "entryUUID";

  private final LdifSourceConfig config;
  private final Set<String> memberAttributes;

  public LdifDirectorySource(LdifSourceConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.memberAttributes = EntryAttributes.lowerCase(config.memberAttributes());
  }

  @Override
  public String describe() {
    return "ldif:" + config.path();
  }

  @Override
  public DirectorySnapshot read() {
    String file = config.path().toString();
    List<Parsed> users = new ArrayList<>();
    List<Parsed> groups = new ArrayList<>();
    SnapshotAssembler assembler = new SnapshotAssembler(config.nested());
    DnReferences references = new DnReferences();
    try (LdifLineReader lineReader =
            new LdifLineReader(
                new InputStreamReader(
                    Files.newInputStream(config.path()), StandardCharsets.UTF_8.newDecoder()),
                file);
        LDIFReader reader = newReader(lineReader)) {
      Entry entry;
      while ((entry = reader.readEntry()) != null) {
        classify(entry, lineReader.entryLine(), users, groups, references, assembler);
      }
    } catch (LDIFException e) {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT,
          String.format("%s line %d: malformed LDIF: %s", file, e.getLineNumber(), e.getMessage()),
          e);
    } catch (NoSuchFileException e) {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT, file + ": no such LDIF file", e);
    } catch (CharacterCodingException e) {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT,
          String.format(
              "%s line %d: not valid UTF-8 (use base64 '::' values for binary data)",
              file, Utf8Lines.firstInvalidLine(config.path())),
          e);
    } catch (IOException e) {
      throw new SourceException(
          SourceException.Kind.UNAVAILABLE, file + ": cannot read: " + e.getMessage(), e);
    }
    KeyRule userKey = KeyRule.resolve(config.userKey(), users);
    KeyRule groupKey = KeyRule.resolve(config.groupKey(), groups);
    for (Parsed user : users) {
      String key = userKey.keyOf(user);
      if (key == null) {
        assembler.warn(user.origin() + ": user without " + userKey.name() + "; skipped");
      } else {
        assembler.addUser(user.reference(), key, user.dn(), user.attributes(), user.origin());
      }
    }
    for (Parsed group : groups) {
      String key = groupKey.keyOf(group);
      if (key == null) {
        assembler.warn(group.origin() + ": group without " + groupKey.name() + "; skipped");
      } else {
        assembler.addGroup(
            group.reference(),
            key,
            Objects.requireNonNull(group.name()),
            group.dn(),
            group.attributes(),
            group.members(),
            group.origin());
      }
    }
    DirectorySnapshot snapshot = assembler.build(describe(), Instant.now());
    log.info(
        "source={} users={} groups={} memberships={} warnings={} userKey={} groupKey={}",
        describe(),
        snapshot.userCount(),
        snapshot.groupCount(),
        snapshot.membershipCount(),
        snapshot.warnings().size(),
        userKey.name(),
        groupKey.name());
    return snapshot;
  }

  /**
   * Duplicate values are retained rather than stripped: stripping compares every value of an
   * attribute with the others, which is quadratic for a group with tens of thousands of members,
   * and the assembler lists each member once anyway.
   */
  private static LDIFReader newReader(LdifLineReader lines) {
    LDIFReader reader = new LDIFReader(lines);
    reader.setDuplicateValueBehavior(DuplicateValueBehavior.RETAIN);
    return reader;
  }

  private void classify(
      Entry entry,
      long line,
      List<Parsed> users,
      List<Parsed> groups,
      DnReferences references,
      SnapshotAssembler assembler) {
    String origin = config.path() + " line " + line + " (" + entry.getDN() + ")";
    String reference = references.normalize(entry.getDN());
    if (reference == null) {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT,
          config.path() + " line " + line + ": invalid DN: " + entry.getDN());
    }
    boolean group = hasClass(entry, config.groupObjectClasses());
    if (!group && !hasClass(entry, config.userObjectClasses())) {
      return;
    }
    String keyAttribute = group ? config.groupKey() : config.userKey();
    String keyName = keyAttribute == null ? ENTRY_UUID : keyAttribute;
    String attributeKey =
        keyName.equalsIgnoreCase(LdifSourceConfig.DN_KEY)
            ? null
            : EntryAttributes.key(entry, keyName);
    if (!group) {
      Map<String, List<Object>> attributes = EntryAttributes.of(entry, Set.of());
      users.add(
          new Parsed(
              line, entry.getDN(), reference, origin, attributeKey, null, attributes, List.of()));
      return;
    }
    Map<String, List<Object>> attributes = EntryAttributes.of(entry, memberAttributes);
    String name = EntryAttributes.groupName(entry, config.groupNameAttribute(), attributes);
    List<String> members = new ArrayList<>();
    for (String attribute : config.memberAttributes()) {
      String[] values = entry.getAttributeValues(attribute);
      if (values != null) {
        references.addMembers(members, List.of(values), origin, attribute, assembler::warn);
      }
    }
    groups.add(
        new Parsed(
            line, entry.getDN(), reference, origin, attributeKey, name, attributes, members));
  }

  private static boolean hasClass(Entry entry, Set<String> classes) {
    String[] values = entry.getObjectClassValues();
    if (values != null) {
      for (String value : values) {
        if (classes.contains(value.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }

  /** An entry as read, before its key rule is known. */
  private record Parsed(
      long line,
      String dn,
      String reference,
      String origin,
      @Nullable String attributeKey,
      @Nullable String name,
      Map<String, List<Object>> attributes,
      List<String> members) {}

  /** Where the key of an entry comes from: an attribute, or the normalised DN. */
  private record KeyRule(String name, boolean fromDn) {

    static KeyRule resolve(@Nullable String configured, List<Parsed> entries) {
      if (configured != null) {
        return new KeyRule(configured, configured.equalsIgnoreCase(LdifSourceConfig.DN_KEY));
      }
      boolean anyUuid = entries.stream().anyMatch(entry -> entry.attributeKey() != null);
      return anyUuid ? new KeyRule(ENTRY_UUID, false) : new KeyRule(LdifSourceConfig.DN_KEY, true);
    }

    @Nullable String keyOf(Parsed entry) {
      return fromDn ? entry.reference() : entry.attributeKey();
    }
  }
}
