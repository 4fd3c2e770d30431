package org.scimsync.sources.ldap.changes;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.sources.ldap.LdapConnector;
import org.scimsync.sources.ldap.LdapDirectorySource;
import org.scimsync.sources.ldap.LdapFailures;
import org.scimsync.sources.ldap.LdapFlavor;
import org.scimsync.sources.ldap.LdapSnapshotBuilder;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldap.PagedSearch;
import org.scimsync.sources.ldap.changes.FullReadNeeded.Reason;
import org.scimsync.sources.read.ObjectGuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what changed in an LDAP directory or Active Directory since a checkpoint, or everything
 * with a checkpoint to continue from. Stateless: the caller keeps the checkpoint (one per target)
 * and hands it back; this class keeps nothing between calls.
 *
 * <p>How changes are found ({@link ChangeMechanism}): OpenLDAP with the {@code syncprov} overlay
 * (and its session log): RFC 4533 content synchronization, refreshOnly, one search per user base
 * and per group base, which returns the changed entries and the entryUUIDs of deleted ones.
 * OpenLDAP without it: entries with an {@code entryCSN} at or above the last one seen, deletions
 * unknown. Active Directory: entries whose {@code uSNChanged} is above the {@code
 * highestCommittedUSN} of the same domain controller at the checkpoint, and tombstones in its
 * Deleted Objects container (read with the Show Deleted control). {@code uSNChanged} is kept by
 * each domain controller for itself, so a checkpoint names the DC's {@code invocationId}, and
 * another DC (or the same one restored from a backup, which gets a new one) means a full read.
 *
 * <p>Changed entries are then resolved as a full read would ({@link Neighbourhood}): their groups,
 * members and nested groups are read from the server, not from the caller.
 */
public final class LdapChangeReader {

  /** Changed entries above which a full read is asked for instead. */
  public static final int DEFAULT_MAX_CHANGES = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(LdapChangeReader.class);
  private static final String NOTHING = "(!(objectClass=*))";

  private final LdapSourceConfig config;
  private final LdapConnector connector;
  private final int maxChanges;
  private final String settings;

  public LdapChangeReader(LdapSourceConfig config) {
    this(config, DEFAULT_MAX_CHANGES);
  }

  /**
   * @param maxChanges changed entries above which {@link #readChanges} answers {@link
   *     Reason#TOO_MANY_CHANGES}
   */
  public LdapChangeReader(LdapSourceConfig config, int maxChanges) {
    this.config = Objects.requireNonNull(config, "config");
    this.connector = new LdapConnector(config);
    this.maxChanges = maxChanges;
    this.settings = Checkpoint.settingsOf(config);
  }

  /** The source as {@link LdapDirectorySource#describe()} shows it. */
  public String describe() {
    return "ldap:" + connector.server() + "/" + config.userBase();
  }

  /**
   * Reads everything, as {@link LdapDirectorySource#read()}, and the checkpoint of the moment
   * before the read began; an empty checkpoint when this server cannot be tracked for this account
   * (its identity or position cannot be read: logged), with which the next change read asks for a
   * full read again.
   *
   * @throws org.scimsync.engine.source.SourceException when the directory cannot be read
   */
  public CheckpointedSnapshot readAll() {
    LdapConnector.BoundConnection bound = connector.connect();
    String checkpoint;
    try {
      checkpoint = currentCheckpoint(bound).encode();
    } catch (SourceException e) {
      // the directory can be read but not tracked (identity or positions unreadable for this
      // account): the read goes on, and the next change read asks for a full read again
      LOG.warn(
          "source={} changes cannot be tracked, every run reads everything: {}",
          bound.server(),
          e.getMessage());
      checkpoint = "";
    } catch (RuntimeException e) {
      bound.close();
      throw e;
    }
    return new CheckpointedSnapshot(
        new LdapDirectorySource(config).read(bound, Instant.now()), checkpoint);
  }

  /**
   * What changed since {@code checkpoint}: the {@link DirectoryChanges}, or {@link FullReadNeeded}
   * when they cannot be known.
   *
   * @param checkpoint a checkpoint from {@link #readAll} or from an earlier {@link
   *     DirectoryChanges#checkpoint()}; null or blank when there is none
   * @throws org.scimsync.engine.source.SourceException when the directory cannot be read
   */
  public ChangeRead readChanges(@Nullable String checkpoint) {
    if (checkpoint == null || checkpoint.isBlank()) {
      return new FullReadNeeded(Reason.NO_CHECKPOINT, "no checkpoint of an earlier read");
    }
    Checkpoint from = Checkpoint.decode(checkpoint);
    if (from == null) {
      return new FullReadNeeded(
          Reason.UNREADABLE_CHECKPOINT,
          "the checkpoint is not one this version of scim-sync wrote");
    }
    if (!from.settings().equals(settings)) {
      return new FullReadNeeded(
          Reason.SETTINGS_CHANGED,
          "the source's bases, filters, keys, member attributes or nesting changed since the"
              + " checkpoint");
    }
    try (LdapConnector.BoundConnection bound = connector.connect()) {
      ChangeRead read =
          switch (from.mechanism()) {
            case CONTENT_SYNC, ENTRY_CSN ->
                new OpenLdapChanges(config, bound, from, maxChanges).read();
            case USN_CHANGED -> new ActiveDirectoryChanges(config, bound, from, maxChanges).read();
          };
      if (read instanceof DirectoryChanges found) {
        LOG.info(
            "source={} server={} mechanism={} users={} groups={} deleted={} entriesRead={}",
            describe(),
            bound.server(),
            found.mechanism().label(),
            found.users().size(),
            found.groups().size(),
            found.deletedKeys().size(),
            found.entriesRead());
      } else if (read instanceof FullReadNeeded needed) {
        LOG.info(
            "source={} server={} fullReadNeeded={} detail={}",
            describe(),
            bound.server(),
            needed.reason(),
            needed.detail());
      }
      return read;
    }
  }

  /**
   * The current values of the users with these keys, as a full read gives them (with their groups);
   * keys of no user are left out. For a caller that needs the groups of users whose membership
   * changed (see {@link DirectoryChanges}).
   */
  public List<SourceUser> readUsers(Collection<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    try (LdapConnector.BoundConnection bound = connector.connect()) {
      PagedSearch search = PagedSearch.of(bound, config);
      List<com.unboundid.ldap.sdk.Entry> found = new ArrayList<>();
      List<Filter> batch = new ArrayList<>();
      for (String key : new LinkedHashSet<>(keys)) {
        batch.add(keyFilter(config.userKey(), key));
        if (batch.size() == 50) {
          readUsers(search, batch, found);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        readUsers(search, batch, found);
      }
      return new Neighbourhood(config, bound, search).resolve(found, List.of()).users();
    }
  }

  private void readUsers(
      PagedSearch search, List<Filter> keys, List<com.unboundid.ldap.sdk.Entry> found) {
    String filter =
        Filter.createANDFilter(parse(config.userFilter()), Filter.createORFilter(keys)).toString();
    for (String base : config.userBases()) {
      search.forEach(
          "user search", base, filter, LdapSnapshotBuilder.userAttributes(config), found::add);
    }
  }

  /** An equality filter on a key attribute; an {@code objectGUID} is given as a GUID string. */
  static Filter keyFilter(String attribute, String key) {
    if (attribute.equalsIgnoreCase("objectGUID")
        || attribute.equalsIgnoreCase("msDS-ConsistencyGuid")) {
      try {
        return Filter.createEqualityFilter(attribute, ObjectGuid.fromCanonicalString(key));
      } catch (IllegalArgumentException e) {
        // not a GUID string: compared as text, matching nothing
      }
    }
    return Filter.createEqualityFilter(attribute, key);
  }

  /** Where the directory stands now, with the mechanism it offers. */
  private Checkpoint currentCheckpoint(LdapConnector.BoundConnection bound) {
    if (config.flavor() == LdapFlavor.ACTIVE_DIRECTORY) {
      ServerIdentity identity =
          ServerIdentity.activeDirectory(bound.connection(), bound.server(), config.userBase());
      return new Checkpoint(
          ChangeMechanism.USN_CHANGED,
          identity.identity(),
          settings,
          Map.of(Checkpoint.USN, Objects.requireNonNull(identity.position())));
    }
    ServerIdentity identity =
        ServerIdentity.openLdap(bound.connection(), bound.server(), config.userBase());
    Map<String, String> cookies = new HashMap<>();
    try {
      for (Search search : OpenLdapChanges.searches(config)) {
        ContentSyncSearch.Refresh refresh =
            ContentSyncSearch.refresh(
                bound.connection(),
                search.base(),
                parse(NOTHING),
                List.of("1.1"),
                null,
                config.searchTimeout());
        if (refresh.cookie() == null) {
          throw new ContentSyncSearch.Refused(true, "the server sent no cookie", null);
        }
        cookies.put(search.position(), encode(refresh.cookie()));
      }
      return new Checkpoint(ChangeMechanism.CONTENT_SYNC, identity.identity(), settings, cookies);
    } catch (ContentSyncSearch.Refused e) {
      LOG.info(
          "source={} no content synchronization ({}); changes found by entryCSN, deletions only by"
              + " full reads",
          bound.server(),
          e.getMessage());
      Map<String, String> positions = new HashMap<>();
      String newest = OpenLdapChanges.newestCsn(bound, config);
      if (newest != null) {
        positions.put(OpenLdapChanges.CSN, newest);
      }
      return new Checkpoint(ChangeMechanism.ENTRY_CSN, identity.identity(), settings, positions);
    } catch (LDAPException e) {
      throw LdapFailures.of(bound.server(), "content synchronization", e);
    }
  }

  /** One search of a change read: users or groups under one base. */
  record Search(boolean users, String base) {
    /** The name of its position in a checkpoint. */
    String position() {
      return (users ? "u:" : "g:") + base;
    }
  }

  static String encode(ASN1OctetString cookie) {
    return Base64.getEncoder().encodeToString(cookie.getValue());
  }

  static ASN1OctetString decodeCookie(String text) {
    return new ASN1OctetString(Base64.getDecoder().decode(text));
  }

  /** The entryUUIDs as keys, when entryUUID is the key of users and groups; else null. */
  static @Nullable Set<String> uuidKeys(LdapSourceConfig config, Set<UUID> uuids) {
    if (!config.userKey().equalsIgnoreCase("entryUUID")
        || !config.groupKey().equalsIgnoreCase("entryUUID")) {
      return null;
    }
    Set<String> keys = new LinkedHashSet<>();
    uuids.forEach(uuid -> keys.add(uuid.toString()));
    return keys;
  }

  private Filter parse(String filter) {
    try {
      return Filter.create(filter);
    } catch (LDAPException e) {
      throw LdapFailures.of(connector.server(), "parsing the filter " + filter, e);
    }
  }
}
