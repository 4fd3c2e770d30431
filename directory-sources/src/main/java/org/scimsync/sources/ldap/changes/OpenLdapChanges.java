package org.scimsync.sources.ldap.changes;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.scimsync.sources.ldap.LdapConnector;
import org.scimsync.sources.ldap.LdapFailures;
import org.scimsync.sources.ldap.LdapSnapshotBuilder;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.scimsync.sources.ldap.PagedSearch;
import org.scimsync.sources.ldap.changes.FullReadNeeded.Reason;

/**
 * One change read from OpenLDAP: content synchronization against {@code syncprov}, or {@code
 * entryCSN} where the checkpoint says the server had none.
 */
final class OpenLdapChanges {

  /** The position name of the {@code entryCSN} mechanism. */
  static final String CSN = "csn";

  private static final String ENTRY_CSN = "entryCSN";

  private final LdapSourceConfig config;
  private final LdapConnector.BoundConnection bound;
  private final Checkpoint from;
  private final int maxChanges;

  OpenLdapChanges(
      LdapSourceConfig config,
      LdapConnector.BoundConnection bound,
      Checkpoint from,
      int maxChanges) {
    this.config = config;
    this.bound = bound;
    this.from = from;
    this.maxChanges = maxChanges;
  }

  /** The searches of a change read: users under each user base, groups under each group base. */
  static List<LdapChangeReader.Search> searches(LdapSourceConfig config) {
    List<LdapChangeReader.Search> searches = new ArrayList<>();
    config.userBases().forEach(base -> searches.add(new LdapChangeReader.Search(true, base)));
    config.groupBases().forEach(base -> searches.add(new LdapChangeReader.Search(false, base)));
    return searches;
  }

  ChangeRead read() {
    ServerIdentity identity =
        ServerIdentity.openLdap(bound.connection(), bound.server(), config.userBase());
    if (!identity.identity().equals(from.server())) {
      return new FullReadNeeded(
          Reason.OTHER_SERVER,
          bound.server()
              + ": the checkpoint is of another database ("
              + from.server()
              + ", now "
              + identity.identity()
              + ")");
    }
    return switch (from.mechanism()) {
      case CONTENT_SYNC -> contentSync(identity);
      case ENTRY_CSN -> entryCsn(identity);
      case USN_CHANGED -> throw new IllegalStateException("not an OpenLDAP mechanism");
    };
  }

  private ChangeRead contentSync(ServerIdentity identity) {
    List<Entry> users = new ArrayList<>();
    List<Entry> groups = new ArrayList<>();
    Set<UUID> deleted = new HashSet<>();
    Set<UUID> received = new HashSet<>();
    Map<String, String> positions = new HashMap<>();
    for (LdapChangeReader.Search search : searches(config)) {
      String position = from.position(search.position());
      if (position == null) {
        return new FullReadNeeded(
            Reason.SETTINGS_CHANGED, "the checkpoint has no position for " + search.base());
      }
      ASN1OctetString cookie;
      try {
        cookie = LdapChangeReader.decodeCookie(position);
      } catch (IllegalArgumentException e) {
        return new FullReadNeeded(
            Reason.UNREADABLE_CHECKPOINT, "the checkpoint's cookie is garbled");
      }
      String cookieCsn = csnOf(cookie.stringValue());
      if (cookieCsn != null
          && identity.position() != null
          && cookieCsn.compareTo(identity.position()) > 0) {
        return behind(cookieCsn, identity.position());
      }
      ContentSyncSearch.Refresh refresh;
      try {
        refresh =
            ContentSyncSearch.refresh(
                bound.connection(),
                search.base(),
                parse(search.users() ? config.userFilter() : config.groupFilter()),
                search.users()
                    ? LdapSnapshotBuilder.userAttributes(config)
                    : LdapSnapshotBuilder.groupAttributes(config),
                cookie,
                config.searchTimeout());
      } catch (ContentSyncSearch.Refused e) {
        return new FullReadNeeded(
            e.unavailable() ? Reason.MECHANISM_CHANGED : Reason.COOKIE_EXPIRED,
            bound.server() + ": " + e.getMessage());
      } catch (LDAPException e) {
        throw LdapFailures.of(bound.server(), "content synchronization under " + search.base(), e);
      }
      if (!refresh.complete()) {
        return new FullReadNeeded(
            Reason.COOKIE_EXPIRED,
            bound.server()
                + ": the server cannot list the deletions since the checkpoint (its syncprov"
                + " session log does not reach back that far)");
      }
      (search.users() ? users : groups).addAll(refresh.entries());
      deleted.addAll(refresh.deleted());
      received.addAll(refresh.received());
      positions.put(
          search.position(),
          refresh.cookie() == null ? position : LdapChangeReader.encode(refresh.cookie()));
    }
    // an entry another search returned still exists: it only does not match this one's filter
    deleted.removeAll(received);
    Set<String> deletedKeys = LdapChangeReader.uuidKeys(config, deleted);
    if (deletedKeys == null && !deleted.isEmpty()) {
      return new FullReadNeeded(
          Reason.UNKEYED_DELETIONS,
          deleted.size()
              + " entries were deleted, which the server names by entryUUID, while the keys are "
              + config.userKey()
              + " and "
              + config.groupKey());
    }
    Checkpoint next =
        new Checkpoint(ChangeMechanism.CONTENT_SYNC, from.server(), from.settings(), positions);
    return ChangeSets.of(
        config,
        bound,
        users,
        groups,
        deletedKeys,
        true,
        next,
        ChangeMechanism.CONTENT_SYNC,
        maxChanges);
  }

  private ChangeRead entryCsn(ServerIdentity identity) {
    String last = from.position(CSN);
    if (last == null) {
      return new FullReadNeeded(
          Reason.MECHANISM_UNAVAILABLE,
          bound.server() + ": no content synchronization, and no entryCSN was readable");
    }
    if (identity.position() != null && last.compareTo(identity.position()) > 0) {
      return behind(last, identity.position());
    }
    PagedSearch search = PagedSearch.of(bound, config);
    Filter changed = Filter.createNOTFilter(Filter.createLessOrEqualFilter(ENTRY_CSN, last));
    List<Entry> users = new ArrayList<>();
    List<Entry> groups = new ArrayList<>();
    String[] newest = {last};
    List<String> userAttributes = new ArrayList<>(LdapSnapshotBuilder.userAttributes(config));
    userAttributes.add(ENTRY_CSN);
    List<String> groupAttributes = new ArrayList<>(LdapSnapshotBuilder.groupAttributes(config));
    groupAttributes.add(ENTRY_CSN);
    for (String base : config.userBases()) {
      search.forEach(
          "user search",
          base,
          Filter.createANDFilter(parse(config.userFilter()), changed).toString(),
          userAttributes,
          entry -> users.add(withoutCsn(entry, newest)));
    }
    for (String base : config.groupBases()) {
      search.forEach(
          "group search",
          base,
          Filter.createANDFilter(parse(config.groupFilter()), changed).toString(),
          groupAttributes,
          entry -> groups.add(withoutCsn(entry, newest)));
    }
    Checkpoint next =
        new Checkpoint(
            ChangeMechanism.ENTRY_CSN, from.server(), from.settings(), Map.of(CSN, newest[0]));
    return ChangeSets.of(
        config, bound, users, groups, Set.of(), false, next, ChangeMechanism.ENTRY_CSN, maxChanges);
  }

  /**
   * The newest {@code entryCSN} of the entries the source reads: where a change read continues when
   * the server has no content synchronization. Taken before a full read, so a change made during it
   * is read again next time. Null when no entry shows one.
   */
  static @Nullable String newestCsn(LdapConnector.BoundConnection bound, LdapSourceConfig config) {
    PagedSearch search = PagedSearch.of(bound, config);
    String[] newest = {null};
    for (LdapChangeReader.Search one : searches(config)) {
      search.forEach(
          one.users() ? "user search" : "group search",
          one.base(),
          one.users() ? config.userFilter() : config.groupFilter(),
          List.of(ENTRY_CSN),
          entry -> {
            String csn = entry.getAttributeValue(ENTRY_CSN);
            if (csn != null && (newest[0] == null || csn.compareTo(newest[0]) > 0)) {
              newest[0] = csn;
            }
          });
    }
    return newest[0];
  }

  /** The entry without its {@code entryCSN} (a full read has none), noting the newest one. */
  private static Entry withoutCsn(Entry entry, String[] newest) {
    String csn = entry.getAttributeValue(ENTRY_CSN);
    if (csn != null && csn.compareTo(newest[0]) > 0) {
      newest[0] = csn;
    }
    Entry copy = entry.duplicate();
    copy.removeAttribute(ENTRY_CSN);
    return copy;
  }

  private FullReadNeeded behind(String checkpointCsn, String serverCsn) {
    return new FullReadNeeded(
        Reason.OTHER_SERVER,
        bound.server()
            + ": the server is behind the checkpoint (contextCSN "
            + serverCsn
            + " < "
            + checkpointCsn
            + "): restored from a backup, or another replica");
  }

  /** The {@code csn=} part of an OpenLDAP cookie ({@code rid=000,csn=...}), or null. */
  static @Nullable String csnOf(String cookie) {
    for (String part : cookie.split(",")) {
      if (part.startsWith("csn=")) {
        String csn = part.substring(4);
        int semicolon = csn.indexOf(';');
        return semicolon < 0 ? csn : csn.substring(0, semicolon);
      }
    }
    return null;
  }

  private Filter parse(String filter) {
    try {
      return Filter.create(filter);
    } catch (LDAPException e) {
      throw LdapFailures.of(bound.server(), "parsing the filter " + filter, e);
    }
  }
}
