package org.scimsync.service.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.service.RunResult;
import org.scimsync.service.ServiceException;
import org.scimsync.service.Trigger;
import org.scimsync.service.TriggerStatus;

/**
 * The trigger ids of a cluster and what became of them, in the {@code service_trigger} table of the
 * shared database: any instance hands out an id (a sequence, so ids never repeat across instances
 * or restarts) and any instance answers {@code GET /triggers/{id}}.
 */
final class SharedTriggers {

  private static final String INSERT =
      "INSERT INTO service_trigger (triggered_by, state) VALUES (?, 'PENDING') RETURNING id";
  private static final String SELECT = "SELECT state, result FROM service_trigger WHERE id = ?";
  private static final String MARK =
      "UPDATE service_trigger SET state = ?, result = ? WHERE id = ?";
  private static final String FORGET_OLD =
      "DELETE FROM service_trigger WHERE accepted_at < now() - CAST(? AS interval)";

  /** How long the outcome of a trigger is kept. */
  static final Duration KEPT = Duration.ofDays(7);

  private final DataSource database;

  SharedTriggers(DataSource database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** Records a new trigger, pending, and returns its id. */
  long add(Trigger trigger) {
    try (Connection connection = open();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, trigger.label());
      try (ResultSet id = insert.executeQuery()) {
        id.next();
        return id.getLong(1);
      }
    } catch (SQLException e) {
      throw unavailable("record a trigger", e);
    }
  }

  Optional<TriggerStatus> status(long id) {
    try (Connection connection = open();
        PreparedStatement select = connection.prepareStatement(SELECT)) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new TriggerStatus(
                id, TriggerStatus.State.valueOf(row.getString(1)), result(row.getString(2))));
      }
    } catch (SQLException e) {
      throw unavailable("read trigger " + id, e);
    }
  }

  /** Marks triggers; the outcome of the run that served them once it has ended. */
  void mark(Collection<Long> ids, TriggerStatus.State state, @Nullable RunResult result) {
    if (ids.isEmpty()) {
      return;
    }
    try (Connection connection = open();
        PreparedStatement update = connection.prepareStatement(MARK)) {
      String json = result == null ? null : json(result);
      for (long id : ids) {
        update.setString(1, state.name());
        update.setString(2, json);
        update.setLong(3, id);
        update.addBatch();
      }
      update.executeBatch();
    } catch (SQLException e) {
      throw unavailable("mark triggers " + ids, e);
    }
  }

  /** Forgets triggers accepted more than {@link #KEPT} ago. */
  void forgetOld() {
    try (Connection connection = open();
        PreparedStatement delete = connection.prepareStatement(FORGET_OLD)) {
      delete.setString(1, KEPT.toSeconds() + " seconds");
      delete.executeUpdate();
    } catch (SQLException e) {
      throw unavailable("forget old triggers", e);
    }
  }

  private Connection open() throws SQLException {
    Connection connection = database.getConnection();
    connection.setAutoCommit(true);
    return connection;
  }

  private static String json(RunResult result) {
    ObjectNode node = Answers.JSON.createObjectNode();
    node.put("runId", result.runId());
    node.put("status", result.status().name());
    node.put("exitCode", result.exitCode());
    node.put("full", result.full());
    node.put("changes", result.changes());
    node.put("failures", result.failures());
    ObjectNode byKind = node.putObject("changesByKind");
    result.changesByKind().forEach(byKind::put);
    node.put("durationMs", result.duration().toMillis());
    return node.toString();
  }

  private static @Nullable RunResult result(@Nullable String json) throws SQLException {
    if (json == null) {
      return null;
    }
    try {
      JsonNode node = Answers.JSON.readTree(json);
      Map<String, Integer> byKind = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> kinds = node.path("changesByKind").fields();
          kinds.hasNext(); ) {
        Map.Entry<String, JsonNode> kind = kinds.next();
        byKind.put(kind.getKey(), kind.getValue().asInt());
      }
      return new RunResult(
          node.path("runId").asLong(),
          RunStatus.valueOf(node.path("status").asText()),
          node.path("exitCode").asInt(),
          node.path("full").asBoolean(),
          node.path("changes").asInt(),
          node.path("failures").asInt(),
          byKind,
          Duration.ofMillis(node.path("durationMs").asLong()));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new SQLException("unreadable outcome of a trigger: " + e.getMessage(), e);
    }
  }

  private static ServiceException unavailable(String what, SQLException e) {
    return new ServiceException(
        ServiceException.Kind.UNAVAILABLE,
        "cannot " + what + " in the shared database: " + e.getMessage(),
        e);
  }
}
