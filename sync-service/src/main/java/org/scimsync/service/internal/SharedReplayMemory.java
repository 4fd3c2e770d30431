package org.scimsync.service.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.scimsync.service.ServiceException;

/**
 * The replay memory of a cluster: the accepted signatures in the {@code webhook_replay} table of
 * the shared database, so that a request replayed to another instance is refused as well. The
 * primary key decides between two instances admitting the same signature at once: one inserts it,
 * the other finds it there. Bounded like {@link ReplayGuard}.
 */
final class SharedReplayMemory implements ReplayMemory {

  private static final String FORGET_EXPIRED = "DELETE FROM webhook_replay WHERE expires_at < ?";
  private static final String COUNT = "SELECT count(*) FROM webhook_replay";
  private static final String REMEMBER =
      "INSERT INTO webhook_replay (signature, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING";

  private final DataSource database;
  private final Clock clock;
  private final long windowSeconds;
  private final int capacity;

  SharedReplayMemory(DataSource database, Clock clock, Duration window, int capacity) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.windowSeconds = window.toSeconds();
    this.capacity = capacity;
  }

  @Override
  public Admission admit(String signature, long timestamp) {
    long now = clock.instant().getEpochSecond();
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(true);
      try (PreparedStatement forget = connection.prepareStatement(FORGET_EXPIRED)) {
        forget.setLong(1, now);
        forget.executeUpdate();
      }
      try (PreparedStatement count = connection.prepareStatement(COUNT);
          ResultSet rows = count.executeQuery()) {
        rows.next();
        if (rows.getLong(1) >= capacity) {
          return remembered(connection, signature) ? Admission.REPLAYED : Admission.FULL;
        }
      }
      try (PreparedStatement remember = connection.prepareStatement(REMEMBER)) {
        remember.setString(1, signature);
        remember.setLong(2, timestamp + windowSeconds);
        return remember.executeUpdate() == 1 ? Admission.FRESH : Admission.REPLAYED;
      }
    } catch (SQLException e) {
      throw new ServiceException(
          ServiceException.Kind.UNAVAILABLE,
          "the webhook's replay memory in the database is unavailable: " + e.getMessage(),
          e);
    }
  }

  private static boolean remembered(Connection connection, String signature) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT 1 FROM webhook_replay WHERE signature = ?")) {
      select.setString(1, signature);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }
}
