package org.scimsync.state.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What runs learned of each target's capabilities: one row per target and capability name. */
final class CapabilityTable {

  private static final String SELECT =
      "SELECT name, value FROM target_capability WHERE target = ? ORDER BY name";
  private static final String DELETE = "DELETE FROM target_capability WHERE target = ?";
  private static final String INSERT =
      "INSERT INTO target_capability (target, name, value) VALUES (?, ?, ?)";

  private CapabilityTable() {}

  static Map<String, String> load(SqlDatabase db, String target) throws SQLException {
    Map<String, String> capabilities = new LinkedHashMap<>();
    PreparedStatement select = db.prepare(SELECT);
    select.setString(1, target);
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        capabilities.put(rows.getString(1), rows.getString(2));
      }
    }
    return capabilities;
  }

  static void replace(SqlDatabase db, String target, Map<String, String> capabilities)
      throws SQLException {
    PreparedStatement delete = db.prepare(DELETE);
    delete.setString(1, target);
    delete.executeUpdate();
    PreparedStatement insert = db.prepare(INSERT);
    for (Map.Entry<String, String> capability : capabilities.entrySet()) {
      insert.setString(1, target);
      insert.setString(2, capability.getKey());
      insert.setString(3, capability.getValue());
      insert.executeUpdate();
    }
  }
}
