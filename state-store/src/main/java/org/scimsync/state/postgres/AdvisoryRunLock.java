package org.scimsync.state.postgres;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.scimsync.engine.state.RunLock;
import org.scimsync.engine.state.StateLockedException;
import org.scimsync.engine.state.StateStoreException;
import org.scimsync.engine.state.TargetNames;

/**
 * The one-run-at-a-time lock on PostgreSQL: a session-level advisory lock ({@code
 * pg_try_advisory_lock}) held by a session of its own, kept open for the run. The server releases
 * it when the session ends, however it ends: a process killed with SIGKILL closes its socket, and a
 * host that vanished is found by TCP keep-alive. The lock's key is per schema and target, so that
 * two deployments sharing one database in different schemas do not exclude each other, nor do the
 * runs of two targets of one deployment.
 *
 * <p><b>Key.</b> Two integers: {@link #KEY}, and {@code hashtext(current_schema() || suffix)} where
 * the suffix is empty for the target {@code default} (the key of versions before targets had names,
 * so that an older and a newer instance still exclude each other) and {@code '/' || target} for any
 * other. Two names whose hashes collide would only make their runs wait for each other.
 */
final class AdvisoryRunLock implements RunLock {

  /**
   * The first half of the lock's key: "scim" in ASCII; the second is the hash of the schema and
   * target.
   */
  static final int KEY = 0x7363696d;

  /** The second half of the key; its parameter is {@link #suffix(String)}. */
  private static final String SECOND_HALF = "hashtext(current_schema() || CAST(? AS text))";

  private static final String TRY_LOCK =
      "SELECT pg_try_advisory_lock(" + KEY + ", " + SECOND_HALF + ")";
  private static final String UNLOCK =
      "SELECT pg_advisory_unlock(" + KEY + ", " + SECOND_HALF + ")";
  private static final String HOLDER =
      "SELECT a.application_name, a.client_addr, a.backend_start FROM pg_locks l"
          + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'"
          + " AND l.granted AND l.classid = "
          + KEY
          + "::oid"
          + " AND l.objid = "
          + SECOND_HALF
          + "::oid AND l.objsubid = 2";

  private final Connection session;
  private final String location;
  private final String target;
  private final Runnable onRelease;
  private final AtomicBoolean released = new AtomicBoolean();

  private AdvisoryRunLock(Connection session, String location, String target, Runnable onRelease) {
    this.session = session;
    this.location = location;
    this.target = target;
    this.onRelease = onRelease;
  }

  /**
   * Takes the lock of one target on a session of its own.
   *
   * @throws StateLockedException when another live session holds it
   */
  static RunLock acquire(PostgresConnection connection, String target, Runnable onRelease) {
    String location = connection.url();
    String store =
        "state store "
            + location
            + (TargetNames.DEFAULT.equals(target) ? "" : " (target " + target + ")");
    Connection session = null;
    try {
      session = connection.open();
      session.setAutoCommit(true);
      name(session);
      boolean locked;
      try (PreparedStatement tryLock = session.prepareStatement(TRY_LOCK)) {
        tryLock.setString(1, suffix(target));
        try (ResultSet row = tryLock.executeQuery()) {
          row.next();
          locked = row.getBoolean(1);
        }
      }
      if (!locked) {
        String holder = holder(session, target);
        throw new StateLockedException(
            store
                + " is in use by another run ("
                + (holder.isEmpty() ? "" : holder + "; ")
                + "PostgreSQL advisory lock "
                + KEY
                + ")");
      }
      return new AdvisoryRunLock(session, location, target, onRelease);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(session, e);
      if (e instanceof StateStoreException stateStoreException) {
        throw stateStoreException;
      }
      throw new StateStoreException("cannot lock " + store + ": " + e.getMessage(), e);
    }
  }

  /** What the schema's name is followed by in the hashed half of a target's key. */
  static String suffix(String target) {
    return TargetNames.DEFAULT.equals(target) ? "" : "/" + TargetNames.check(target);
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
  private static String holder(Connection session, String target) {
    try (PreparedStatement select = session.prepareStatement(HOLDER)) {
      select.setString(1, suffix(target));
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return "";
        }
        String client = row.getString(2);
        return "held by "
            + row.getString(1)
            + (client == null ? "" : " from " + client)
            + " since "
            + row.getTimestamp(3).toInstant();
      }
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
        PreparedStatement unlock = session.prepareStatement(UNLOCK)) {
      unlock.setString(1, suffix(target));
      unlock.execute();
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
    return "AdvisoryRunLock[" + location + " target=" + target + "]";
  }
}
