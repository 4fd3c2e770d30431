package org.scimsync.state.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;
import org.scimsync.common.ConfigValueException;
import org.scimsync.common.Secret;

/**
 * Where the PostgreSQL state store is, and how to log in: the {@code state.url}, {@code state.user}
 * and {@code state.password} keys. The password is a {@link Secret}: never in the URL, never in a
 * message or a log line ({@link #toString()} leaves it out).
 *
 * @param url {@code jdbc:postgresql://host[:port]/database[?options]}, without a password
 * @param user the database user; null for the driver's default (the operating-system user)
 * @param password the user's password; null when the server needs none (peer, certificate)
 */
public record PostgresConnection(String url, @Nullable String user, @Nullable Secret password) {

  /** The prefix every {@code state.url} of a PostgreSQL store has. */
  public static final String URL_PREFIX = "jdbc:postgresql://";

  /** What the sessions of scim-sync are called in {@code pg_stat_activity}. */
  static final String APPLICATION_NAME = "scim-sync";

  /**
   * @throws ConfigValueException naming {@code url} when it is not a PostgreSQL JDBC URL or holds a
   *     password
   */
  public PostgresConnection {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith(URL_PREFIX)) {
      throw new ConfigValueException(
          "url",
          "'"
              + url
              + "' is not a PostgreSQL URL: expected jdbc:postgresql://host:port/database (the"
              + " only database besides the SQLite file of state.path)");
    }
    if (url.toLowerCase(Locale.ROOT).matches(".*[?&]password=.*")) {
      // the URL is printed in messages; the password is not
      throw new ConfigValueException(
          "url", "holds a password; give it as state.password (a secret) instead");
    }
    if (user != null && user.isBlank()) {
      throw new ConfigValueException("user", "must not be empty");
    }
  }

  /** Opens one session. */
  Connection open() throws SQLException {
    Connection connection = new Driver().connect(url, properties());
    if (connection == null) {
      throw new SQLException("the PostgreSQL driver does not accept the URL " + url);
    }
    return connection;
  }

  private Properties properties() {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password.reveal());
    }
    properties.setProperty("ApplicationName", APPLICATION_NAME);
    // a session whose process or host died must end, so that its run lock is released
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("connectTimeout", "10");
    return properties;
  }

  /**
   * A data source opening a new session per connection (for Quartz's clustered job store, which
   * takes connections for short transactions).
   */
  public DataSource dataSource() {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(url);
    if (user != null) {
      source.setUser(user);
    }
    if (password != null) {
      source.setPassword(password.reveal());
    }
    source.setApplicationName(APPLICATION_NAME);
    source.setTcpKeepAlive(true);
    source.setConnectTimeout(10);
    return source;
  }

  @Override
  public String toString() {
    return "PostgresConnection[url="
        + url
        + ", user="
        + user
        + ", password="
        + (password == null ? "none" : "***")
        + "]";
  }
}
