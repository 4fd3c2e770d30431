package org.scimsync.state.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.scimsync.engine.state.MappingMemo;

/**
 * The mapping memo: one row per target and user, valid for the rules fingerprint that {@code
 * mapping_rules} keeps for the target.
 */
final class MemoTable {

  private static final String SELECT_RULES =
      "SELECT fingerprint FROM mapping_rules WHERE target = ?";
  private static final String UPSERT_RULES =
      "INSERT INTO mapping_rules (target, fingerprint) VALUES (?, ?)"
          + " ON CONFLICT (target) DO UPDATE SET fingerprint = excluded.fingerprint";
  private static final String SELECT_ENTRIES =
      "SELECT source_key, source_fingerprint, user_name, content_hash FROM mapping_memo"
          + " WHERE target = ?";
  private static final String DELETE_ALL = "DELETE FROM mapping_memo WHERE target = ?";
  private static final String UPSERT_ENTRY =
      "INSERT INTO mapping_memo"
          + " (target, source_key, source_fingerprint, user_name, content_hash)"
          + " VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (target, source_key) DO UPDATE SET source_fingerprint ="
          + " excluded.source_fingerprint, user_name = excluded.user_name,"
          + " content_hash = excluded.content_hash";
  private static final String DELETE_ENTRY =
      "DELETE FROM mapping_memo WHERE target = ? AND source_key = ?";

  private MemoTable() {}

  static MappingMemo load(SqlDatabase db, String target, String rulesFingerprint)
      throws SQLException {
    if (!rulesFingerprint.equals(storedRules(db, target))) {
      return MappingMemo.empty(rulesFingerprint);
    }
    Map<String, MappingMemo.Entry> users = new HashMap<>();
    PreparedStatement select = db.prepare(SELECT_ENTRIES);
    select.setString(1, target);
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        users.put(
            rows.getString(1),
            new MappingMemo.Entry(rows.getString(2), rows.getString(3), rows.getString(4)));
      }
    }
    return new MappingMemo(rulesFingerprint, users);
  }

  static void update(SqlDatabase db, String target, MappingMemo.Update update) throws SQLException {
    if (!update.rulesFingerprint().equals(storedRules(db, target))) {
      PreparedStatement deleteAll = db.prepare(DELETE_ALL);
      deleteAll.setString(1, target);
      deleteAll.executeUpdate();
      PreparedStatement rules = db.prepare(UPSERT_RULES);
      rules.setString(1, target);
      rules.setString(2, update.rulesFingerprint());
      rules.executeUpdate();
    }
    PreparedStatement delete = db.prepare(DELETE_ENTRY);
    for (String key : update.remove()) {
      delete.setString(1, target);
      delete.setString(2, key);
      delete.addBatch();
    }
    delete.executeBatch();
    PreparedStatement upsert = db.prepare(UPSERT_ENTRY);
    for (Map.Entry<String, MappingMemo.Entry> put : update.put().entrySet()) {
      upsert.setString(1, target);
      upsert.setString(2, put.getKey());
      upsert.setString(3, put.getValue().sourceFingerprint());
      upsert.setString(4, put.getValue().userName());
      upsert.setString(5, put.getValue().contentHash());
      upsert.addBatch();
    }
    upsert.executeBatch();
  }

  private static String storedRules(SqlDatabase db, String target) throws SQLException {
    PreparedStatement select = db.prepare(SELECT_RULES);
    select.setString(1, target);
    try (ResultSet row = select.executeQuery()) {
      return row.next() ? row.getString(1) : "";
    }
  }
}
