package org.scimsync.sources.ldap;

import com.unboundid.ldap.sdk.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.source.Attributes;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.sources.assembly.SnapshotAssembler;
import org.scimsync.sources.read.DnReferences;
import org.scimsync.sources.read.EntryAttributes;

/**
 * Turns the user and group entries of one LDAP read into a {@link DirectorySnapshot}, as the
 * configuration says: keys, attributes, account status, member DNs, {@code memberUid} values and
 * Active Directory primary groups, resolved by {@link SnapshotAssembler}. Users must be added
 * before groups. An entry added twice (overlapping bases) counts once. Used by the full read and by
 * the change reader, so both give the same values for the same entries. One instance per read.
 */
public final class LdapSnapshotBuilder {

  private final LdapSourceConfig config;
  private final Set<String> memberAttributes;
  private final Instant now;
  private final SnapshotAssembler assembler;
  private final DnReferences references = new DnReferences();
  private final MemberUids uids = new MemberUids();
  private final PrimaryGroups primaryGroups = new PrimaryGroups();
  private final Set<String> seen = new HashSet<>();

  /**
   * @param now the time account expiry is judged against
   */
  public LdapSnapshotBuilder(LdapSourceConfig config, Instant now) {
    this.config = Objects.requireNonNull(config, "config");
    this.memberAttributes = EntryAttributes.lowerCase(config.memberAttributes());
    this.now = Objects.requireNonNull(now, "now");
    this.assembler = new SnapshotAssembler(config.nested());
  }

  /** The attributes a user search requests. */
  public static List<String> userAttributes(LdapSourceConfig config) {
    List<String> attributes = new ArrayList<>(List.of("*", config.userKey()));
    attributes.addAll(AccountStatus.attributesOf(config.flavor()));
    if (config.flavor().hasPrimaryGroups()) {
      attributes.add(PrimaryGroups.PRIMARY_GROUP_ID);
      attributes.add(PrimaryGroups.OBJECT_SID);
    }
    return attributes;
  }

  /**
   * The attributes that place a user in groups without reading all of it: its key, {@code uid} (for
   * {@code memberUid}), and in Active Directory its SID and primary group.
   */
  public static List<String> userReferenceAttributes(LdapSourceConfig config) {
    List<String> attributes = new ArrayList<>(List.of(config.userKey(), "uid"));
    if (config.flavor().hasPrimaryGroups()) {
      attributes.add(PrimaryGroups.PRIMARY_GROUP_ID);
      attributes.add(PrimaryGroups.OBJECT_SID);
    }
    return attributes;
  }

  /** The attributes a group search requests. */
  public static List<String> groupAttributes(LdapSourceConfig config) {
    List<String> attributes = new ArrayList<>(List.of("*", config.groupKey()));
    attributes.add(config.groupNameAttribute());
    attributes.addAll(config.memberAttributes());
    if (config.flavor().hasPrimaryGroups()) {
      attributes.add(PrimaryGroups.OBJECT_SID);
    }
    return attributes;
  }

  /**
   * The attributes that name a group without its members: its key, name and (Active Directory) SID.
   */
  public static List<String> groupNameAttributes(LdapSourceConfig config) {
    List<String> attributes = new ArrayList<>(List.of(config.groupKey()));
    attributes.add(config.groupNameAttribute());
    if (config.flavor().hasPrimaryGroups()) {
      attributes.add(PrimaryGroups.OBJECT_SID);
    }
    return attributes;
  }

  /** The attribute of Active Directory users naming their primary group; null elsewhere. */
  public static @Nullable String primaryGroupAttribute(LdapSourceConfig config) {
    return config.flavor().hasPrimaryGroups() ? PrimaryGroups.PRIMARY_GROUP_ID : null;
  }

  /** Records a warning about an entry. */
  public void warn(String warning) {
    assembler.warn(warning);
  }

  /** Adds a user entry read from {@code server}; returns whether it was added. */
  public boolean addUser(String server, Entry entry) {
    String origin = server + " entry " + entry.getDN();
    String reference = reference(entry, origin);
    if (reference == null) {
      return false;
    }
    String key = EntryAttributes.key(entry, config.userKey());
    if (key == null) {
      assembler.warn(origin + ": user without " + config.userKey() + "; skipped");
      return false;
    }
    Attributes.Builder attributes = EntryAttributes.builder(entry, Set.of());
    AccountStatus.mark(config.flavor(), entry, now, attributes, origin, assembler::warn);
    if (!assembler.addUser(reference, key, entry.getDN(), attributes.build(), origin)) {
      return false;
    }
    uids.addUser(entry, reference);
    if (config.flavor().hasPrimaryGroups()) {
      primaryGroups.addUser(entry, reference);
    }
    return true;
  }

  /**
   * Adds a group entry read from {@code server}, after every user.
   *
   * @param allValues every value of a member attribute of the entry (range retrieval in Active
   *     Directory: {@link PagedSearch#allValues})
   */
  public void addGroup(
      String server, Entry entry, BiFunction<Entry, String, List<String>> allValues) {
    String origin = server + " entry " + entry.getDN();
    String reference = reference(entry, origin);
    if (reference == null) {
      return;
    }
    String key = EntryAttributes.key(entry, config.groupKey());
    if (key == null) {
      assembler.warn(origin + ": group without " + config.groupKey() + "; skipped");
      return;
    }
    Attributes.Builder attributes = EntryAttributes.builder(entry, memberAttributes);
    String name = EntryAttributes.groupName(entry, config.groupNameAttribute(), attributes);
    List<String> members = new ArrayList<>();
    for (String attribute : config.memberAttributes()) {
      if (MemberUids.holdsUids(attribute)) {
        for (String uid : allValues.apply(entry, attribute)) {
          members.add(uids.reference(uid));
        }
        continue;
      }
      references.addMembers(
          members,
          allValues.apply(entry, attribute),
          value ->
              assembler.warn(origin + ": " + attribute + " value is not a DN, ignored: " + value));
    }
    if (config.flavor().hasPrimaryGroups()) {
      members.addAll(primaryGroups.membersOf(entry));
    }
    assembler.addGroup(reference, key, name, entry.getDN(), attributes.build(), members, origin);
  }

  /** Adds a group entry whose member values are all in the entry (no range retrieval). */
  public void addGroup(String server, Entry entry) {
    addGroup(
        server,
        entry,
        (group, attribute) -> {
          String[] values = group.getAttributeValues(attribute);
          return values == null ? List.of() : List.of(values);
        });
  }

  /** Resolves memberships: the snapshot of everything added. */
  public DirectorySnapshot build(String source, Instant readAt) {
    return assembler.build(source, readAt);
  }

  /**
   * The entry's normalised DN, or null when it is invalid (warned) or was already added (read under
   * two bases: once, silently).
   */
  private @Nullable String reference(Entry entry, String origin) {
    String reference = references.normalize(entry.getDN());
    if (reference == null) {
      assembler.warn(origin + ": the server returned an invalid DN; entry skipped");
      return null;
    }
    return seen.add(reference) ? reference : null;
  }
}
