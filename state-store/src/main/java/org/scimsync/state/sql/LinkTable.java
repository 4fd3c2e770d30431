package org.scimsync.state.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.Link;
import org.scimsync.engine.state.ObjectKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Links and pushed memberships: what the engine manages in each target. */
final class LinkTable {

  private static final Logger LOG = LoggerFactory.getLogger(LinkTable.class);

  private static final String SELECT_LINKS =
      "SELECT kind, source_key, target_id, content_hash, disabled, synced_at FROM link"
          + " WHERE target = ?";
  private static final String DELETE_OTHER_LINK_OF_TARGET =
      "DELETE FROM link WHERE target = ? AND kind = ? AND target_id = ? AND source_key <> ?"
          + " RETURNING source_key";
  // A link saved without a resource keeps the one pushed to the same target object (the
  // expressions of SET see the row as it was before the update).
  private static final String UPSERT_LINK =
      "INSERT INTO link (target, kind, source_key, target_id, content_hash, disabled,"
          + " synced_at, pushed_resource) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (target, kind, source_key) DO UPDATE SET target_id = excluded.target_id,"
          + " content_hash = excluded.content_hash, disabled = excluded.disabled,"
          + " synced_at = excluded.synced_at, pushed_resource = CASE"
          + " WHEN excluded.pushed_resource IS NOT NULL THEN excluded.pushed_resource"
          + " WHEN link.target_id = excluded.target_id THEN link.pushed_resource END";
  private static final String SELECT_PUSHED_RESOURCES =
      "SELECT source_key, pushed_resource FROM link WHERE target = ? AND kind = ?"
          + " AND source_key IN (%s) AND pushed_resource IS NOT NULL";
  private static final String DELETE_LINK =
      "DELETE FROM link WHERE target = ? AND kind = ? AND source_key = ?";
  private static final String DELETE_MEMBERSHIPS_OF_GROUP =
      "DELETE FROM membership WHERE target = ? AND group_key = ?";
  private static final String DELETE_MEMBERSHIPS_OF_USER =
      "DELETE FROM membership WHERE target = ? AND user_key = ?";
  private static final String INSERT_MEMBERSHIP =
      "INSERT INTO membership (target, group_key, user_key) VALUES (?, ?, ?)"
          + " ON CONFLICT DO NOTHING";
  private static final String DELETE_MEMBERSHIP =
      "DELETE FROM membership WHERE target = ? AND group_key = ? AND user_key = ?";

  private static final int SQLITE_CONSTRAINT = 19;

  /** Links by kind, then by source key. */
  record Links(Map<String, Link> users, Map<String, Link> groups) {}

  private LinkTable() {}

  static Links links(SqlDatabase db, String target) throws SQLException {
    Map<String, Link> users = new HashMap<>();
    Map<String, Link> groups = new HashMap<>();
    PreparedStatement select = db.prepare(SELECT_LINKS);
    select.setString(1, target);
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        ObjectKind kind = ObjectKind.valueOf(rows.getString(1));
        Link link =
            new Link(
                kind,
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getInt(5) != 0,
                Columns.instant(rows.getString(6)));
        (kind == ObjectKind.USER ? users : groups).put(link.sourceKey(), link);
      }
    }
    return new Links(users, groups);
  }

  /**
   * Group source key to the immutable set of its pushed member user keys. The database aggregates
   * each group's members into one JSON array: one row per group instead of one per membership,
   * which makes reading 250,000 memberships several times faster.
   */
  static Map<String, Set<String>> memberships(SqlDatabase db, String target) throws SQLException {
    Map<String, Set<String>> memberships = new HashMap<>();
    PreparedStatement select = db.prepare(db.dialect().membershipsByGroup());
    select.setString(1, target);
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        memberships.put(rows.getString(1), Set.copyOf(Columns.strings(rows.getString(2))));
      }
    }
    return memberships;
  }

  /**
   * The pushed resources (JSON text) of some source keys, read in one statement: the keys travel as
   * one JSON array parameter, so any number of them costs one query and no SQL variable limit.
   */
  static Map<String, String> pushedResources(
      SqlDatabase db, String target, ObjectKind kind, Collection<String> sourceKeys)
      throws SQLException {
    Map<String, String> resources = new HashMap<>();
    PreparedStatement select =
        db.prepare(SELECT_PUSHED_RESOURCES.formatted(db.dialect().stringsOfJsonParameter()));
    select.setString(1, target);
    select.setString(2, kind.name());
    select.setString(3, Columns.json(List.copyOf(sourceKeys)));
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        resources.put(rows.getString(1), rows.getString(2));
      }
    }
    return resources;
  }

  /**
   * Inserts or replaces the link of one source object, with the resource last pushed to it (null:
   * keep the one recorded for the same target id, if any). A target object belongs to one source
   * object of the same target only: a link of another source key to the same target id (an object
   * re-adopted under a new key) is replaced by this one. On SQLite that rare case is handled when
   * the unique constraint refuses the upsert; on PostgreSQL, where a refused statement aborts the
   * transaction, the other link is looked for first.
   */
  static void save(SqlDatabase db, String target, Link link, @Nullable String pushedResource)
      throws SQLException {
    if (!db.dialect().continuesAfterFailedStatement()) {
      forgetOtherLinkOfTarget(db, target, link);
      upsert(db, target, link, pushedResource);
      return;
    }
    try {
      upsert(db, target, link, pushedResource);
    } catch (SQLException e) {
      if ((e.getErrorCode() & 0xff) != SQLITE_CONSTRAINT) {
        throw e;
      }
      // The only unique constraint the upsert does not resolve is (target, kind, target_id): the
      // target object is linked to another source key. Rare, so handled only when it happens.
      forgetOtherLinkOfTarget(db, target, link);
      upsert(db, target, link, pushedResource);
    }
  }

  private static void upsert(
      SqlDatabase db, String target, Link link, @Nullable String pushedResource)
      throws SQLException {
    PreparedStatement upsert = db.prepare(UPSERT_LINK);
    upsert.setString(1, target);
    upsert.setString(2, link.kind().name());
    upsert.setString(3, link.sourceKey());
    upsert.setString(4, link.targetId());
    upsert.setString(5, link.contentHash());
    upsert.setInt(6, link.disabled() ? 1 : 0);
    upsert.setString(7, Columns.text(link.syncedAt()));
    upsert.setString(8, pushedResource);
    upsert.executeUpdate();
  }

  private static void forgetOtherLinkOfTarget(SqlDatabase db, String target, Link link)
      throws SQLException {
    PreparedStatement stale = db.prepare(DELETE_OTHER_LINK_OF_TARGET);
    stale.setString(1, target);
    stale.setString(2, link.kind().name());
    stale.setString(3, link.targetId());
    stale.setString(4, link.sourceKey());
    try (ResultSet replaced = stale.executeQuery()) {
      while (replaced.next()) {
        LOG.warn(
            "state.link.relinked target={} kind={} targetId={} previousSourceKey={} sourceKey={}",
            target,
            link.kind(),
            link.targetId(),
            replaced.getString(1),
            link.sourceKey());
      }
    }
  }

  /** Forgets an object and the memberships recorded for it in its target. */
  static void delete(SqlDatabase db, String target, ObjectKind kind, String sourceKey)
      throws SQLException {
    PreparedStatement link = db.prepare(DELETE_LINK);
    link.setString(1, target);
    link.setString(2, kind.name());
    link.setString(3, sourceKey);
    link.executeUpdate();
    PreparedStatement memberships =
        db.prepare(
            kind == ObjectKind.USER ? DELETE_MEMBERSHIPS_OF_USER : DELETE_MEMBERSHIPS_OF_GROUP);
    memberships.setString(1, target);
    memberships.setString(2, sourceKey);
    memberships.executeUpdate();
  }

  static void addMemberships(
      SqlDatabase db, String target, String groupKey, Collection<String> userKeys)
      throws SQLException {
    batch(db.prepare(INSERT_MEMBERSHIP), target, groupKey, userKeys);
  }

  static void removeMemberships(
      SqlDatabase db, String target, String groupKey, Collection<String> userKeys)
      throws SQLException {
    batch(db.prepare(DELETE_MEMBERSHIP), target, groupKey, userKeys);
  }

  private static void batch(
      PreparedStatement statement, String target, String groupKey, Collection<String> keys)
      throws SQLException {
    for (String userKey : keys) {
      statement.setString(1, target);
      statement.setString(2, groupKey);
      statement.setString(3, userKey);
      statement.addBatch();
    }
    statement.executeBatch();
  }
}
