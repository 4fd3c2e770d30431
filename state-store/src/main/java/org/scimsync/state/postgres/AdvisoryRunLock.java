package org.scimsync.state.postgres;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.scimsync.engine.state.RunLock;
import org.scimsync.engine.state.StateLockedException;
import org.scimsync.engine.state.StateStoreException;

/**
 * The one-run-at-a-time lock on PostgreSQL: a session-level advisory lock ({@code
 * pg_try_advisory_lock}) held by a session of its own, kept open for the run. The server releases
 * it when the session ends, however it ends: a process killed with SIGKILL closes its socket, and a
 * host that vanished is found by TCP keep-alive. The lock's key is per schema, so that two
 * deployments sharing one database in different schemas do not exclude each other.
 */
final class AdvisoryRunLock implements RunLock {

  /** The first half of the lock's key: "scim" in ASCII; the second is the schema's hash. */
  static final int KEY = 0x7363696d;

  private static final String TRY_LOCK =
      "SELECT pg_try_advisory_lock(" + KEY + ", hashtext(current_schema()))";
  private static final String UNLOCK =
      "SELECT pg_advisory_unlock(" + KEY + ", hashtext(current_schema()))";
  private static final String HOLDER =
      "SELECT a.application_name, a.client_addr, a.backend_start FROM pg_locks l"
          + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'"
          + " AND l.granted AND l.classid = "
          + KEY
          + "::oid"
          + " AND l.objid = hashtext(current_schema())::oid AND l.objsubid = 2";

  private final Connection session;
  private final String location;
  private final Runnable onRelease;
  private final AtomicBoolean released = new AtomicBoolean();

  private AdvisoryRunLock(Connection session, String location, Runnable onRelease) {
    this.session = session;
    this.location = location;
    this.onRelease = onRelease;
  }

  /**
   * Takes the lock on a session of its own.
   *
   * @throws StateLockedException when another live session holds it
   */
  static RunLock acquire(PostgresConnection connection, Runnable onRelease) {
    String location = connection.url();
    Connection session = null;
    try {
      session = connection.open();
      session.setAutoCommit(true);
      name(session);
      boolean locked;
      try (Statement statement = session.createStatement();
          ResultSet row = statement.executeQuery(TRY_LOCK)) {
        row.next();
        locked = row.getBoolean(1);
      }
      if (!locked) {
        String holder = holder(session);
        throw new StateLockedException(
            "state store "
                + location
                + " is in use by another run ("
                + (holder.isEmpty() ? "" : holder + "; ")
                + "PostgreSQL advisory lock "
                + KEY
                + ")");
      }
      return new AdvisoryRunLock(session, location, onRelease);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(session, e);
      if (e instanceof StateStoreException stateStoreException) {
        throw stateStoreException;
      }
      throw new StateStoreException(
          "cannot lock state store " + location + ": " + e.getMessage(), e);
    }
  }

  /** Names the session after this process, so that a refused run can tell who holds the lock. */
  private static void name(Connection session) throws SQLException {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown";
    }
    String name = "scim-sync run pid " + ProcessHandle.current().pid() + " on " + host;
    try (PreparedStatement set =
        session.prepareStatement("SELECT set_config('application_name', ?, false)")) {
      set.setString(1, name.length() > 63 ? name.substring(0, 63) : name);
      set.execute();
    }
  }

  /** Who holds the lock, as far as this user may see; empty if unknown. Never throws. */
  private static String holder(Connection session) {
    try (Statement statement = session.createStatement();
        ResultSet row = statement.executeQuery(HOLDER)) {
      if (!row.next()) {
        return "";
      }
      String client = row.getString(2);
      return "held by "
          + row.getString(1)
          + (client == null ? "" : " from " + client)
          + " since "
          + row.getTimestamp(3).toInstant();
    } catch (SQLException | RuntimeException e) {
      return "";
    }
  }

  private static void closeQuietly(Connection session, Exception cause) {
    if (session == null) {
      return;
    }
    try {
      session.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    if (!released.compareAndSet(false, true)) {
      return;
    }
    onRelease.run();
    try (session;
        Statement statement = session.createStatement()) {
      statement.execute(UNLOCK);
    } catch (SQLException e) {
      // Closing the session releases the lock as well; a session already lost has released it.
      if (!isClosed()) {
        throw new StateStoreException(
            "cannot release the run lock of state store " + location + ": " + e.getMessage(), e);
      }
    }
  }

  private boolean isClosed() {
    try {
      return session.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  @Override
  public String toString() {
    return "AdvisoryRunLock[" + location + "]";
  }
}
