package org.scimsync.state.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.scimsync.engine.state.MappingMemo;

/** The mapping memo: one row per user, valid for the rules fingerprint kept in store_meta. */
final class MemoTable {

  private static final String RULES = "mapping_rules";
  private static final String SELECT_RULES = "SELECT value FROM store_meta WHERE name = ?";
  private static final String UPSERT_RULES =
      "INSERT INTO store_meta (name, value) VALUES (?, ?)"
          + " ON CONFLICT (name) DO UPDATE SET value = excluded.value";
  private static final String SELECT_ENTRIES =
      "SELECT source_key, source_fingerprint, user_name, content_hash FROM mapping_memo";
  private static final String DELETE_ALL = "DELETE FROM mapping_memo";
  private static final String UPSERT_ENTRY =
      "INSERT INTO mapping_memo"
          + " (source_key, source_fingerprint, user_name, content_hash) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (source_key) DO UPDATE SET source_fingerprint ="
          + " excluded.source_fingerprint, user_name = excluded.user_name,"
          + " content_hash = excluded.content_hash";
  private static final String DELETE_ENTRY = "DELETE FROM mapping_memo WHERE source_key = ?";

  private MemoTable() {}

  static MappingMemo load(SqlDatabase db, String rulesFingerprint) throws SQLException {
    if (!rulesFingerprint.equals(storedRules(db))) {
      return MappingMemo.empty(rulesFingerprint);
    }
    Map<String, MappingMemo.Entry> users = new HashMap<>();
    try (ResultSet rows = db.prepare(SELECT_ENTRIES).executeQuery()) {
      while (rows.next()) {
        users.put(
            rows.getString(1),
            new MappingMemo.Entry(rows.getString(2), rows.getString(3), rows.getString(4)));
      }
    }
    return new MappingMemo(rulesFingerprint, users);
  }

  static void update(SqlDatabase db, MappingMemo.Update update) throws SQLException {
    if (!update.rulesFingerprint().equals(storedRules(db))) {
      db.prepare(DELETE_ALL).executeUpdate();
      PreparedStatement rules = db.prepare(UPSERT_RULES);
      rules.setString(1, RULES);
      rules.setString(2, update.rulesFingerprint());
      rules.executeUpdate();
    }
    PreparedStatement delete = db.prepare(DELETE_ENTRY);
    for (String key : update.remove()) {
      delete.setString(1, key);
      delete.addBatch();
    }
    delete.executeBatch();
    PreparedStatement upsert = db.prepare(UPSERT_ENTRY);
    for (Map.Entry<String, MappingMemo.Entry> put : update.put().entrySet()) {
      upsert.setString(1, put.getKey());
      upsert.setString(2, put.getValue().sourceFingerprint());
      upsert.setString(3, put.getValue().userName());
      upsert.setString(4, put.getValue().contentHash());
      upsert.addBatch();
    }
    upsert.executeBatch();
  }

  private static String storedRules(SqlDatabase db) throws SQLException {
    PreparedStatement select = db.prepare(SELECT_RULES);
    select.setString(1, RULES);
    try (ResultSet row = select.executeQuery()) {
      return row.next() ? row.getString(1) : "";
    }
  }
}
