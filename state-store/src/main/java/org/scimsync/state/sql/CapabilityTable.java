package org.scimsync.state.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What runs learned of the target's capabilities: one row per capability name. */
final class CapabilityTable {

  private static final String SELECT = "SELECT name, value FROM target_capability ORDER BY name";
  private static final String DELETE = "DELETE FROM target_capability";
  private static final String INSERT = "INSERT INTO target_capability (name, value) VALUES (?, ?)";

  private CapabilityTable() {}

  static Map<String, String> load(SqlDatabase db) throws SQLException {
    Map<String, String> capabilities = new LinkedHashMap<>();
    try (ResultSet rows = db.prepare(SELECT).executeQuery()) {
      while (rows.next()) {
        capabilities.put(rows.getString(1), rows.getString(2));
      }
    }
    return capabilities;
  }

  static void replace(SqlDatabase db, Map<String, String> capabilities) throws SQLException {
    db.prepare(DELETE).executeUpdate();
    PreparedStatement insert = db.prepare(INSERT);
    for (Map.Entry<String, String> capability : capabilities.entrySet()) {
      insert.setString(1, capability.getKey());
      insert.setString(2, capability.getValue());
      insert.executeUpdate();
    }
  }
}
