package org.scimsync.sources.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.source.SourceException;

/**
 * Turns LDAP failures into {@link SourceException}s. Messages are built from the result code and
 * the server's diagnostic message only, never from the request, so no password can reach them.
 */
public final class LdapFailures {

  /** Result codes that mean the request itself is wrong: a bad base DN, filter or attribute. */
  private static final Set<ResultCode> INVALID_REQUEST =
      Set.of(
          ResultCode.NO_SUCH_OBJECT,
          ResultCode.INVALID_DN_SYNTAX,
          ResultCode.FILTER_ERROR,
          ResultCode.UNDEFINED_ATTRIBUTE_TYPE,
          ResultCode.INAPPROPRIATE_MATCHING,
          ResultCode.PARAM_ERROR);

  private LdapFailures() {}

  /** The exception for {@code failure} while doing {@code what} against {@code server}. */
  public static SourceException of(String server, String what, LDAPException failure) {
    return of(server, what, failure, null);
  }

  /**
   * The exception for {@code failure} while doing {@code what} against {@code server} bound as
   * {@code account} (null: anonymous), whose limits a hint may name.
   */
  static SourceException of(
      String server, String what, LDAPException failure, @Nullable String account) {
    ResultCode code = failure.getResultCode();
    SourceException.Kind kind =
        INVALID_REQUEST.contains(code)
            ? SourceException.Kind.INVALID_INPUT
            : SourceException.Kind.UNAVAILABLE;
    StringBuilder message =
        new StringBuilder(server)
            .append(": ")
            .append(what)
            .append(" failed: ")
            .append(code.getName())
            .append(" (")
            .append(code.intValue())
            .append(')');
    String diagnostic = failure.getDiagnosticMessage();
    if (diagnostic == null || diagnostic.isBlank()) {
      // client-side failures (connect, TLS, timeouts) describe themselves in the message
      diagnostic = failure.getMessage();
    }
    if (diagnostic != null && !diagnostic.isBlank()) {
      message.append(": ").append(diagnostic);
    }
    hint(code, failure, account, message);
    return new SourceException(kind, message.toString(), failure);
  }

  private static void hint(
      ResultCode code, LDAPException failure, @Nullable String account, StringBuilder message) {
    if (code == ResultCode.SIZE_LIMIT_EXCEEDED) {
      String who = account == null ? "anonymous searches" : "the bind account";
      String dn = account == null ? "anonymous" : "dn.exact=\"" + account + "\"";
      message
          .append("; the server stops ")
          .append(account == null ? "anonymous searches" : "searches by " + account)
          .append(" at a size limit, and a smaller pageSize does not help where the limit counts")
          .append(" the whole search (OpenLDAP): raise the limit for ")
          .append(who)
          .append(" (OpenLDAP: limits ")
          .append(dn)
          .append(" size=unlimited in slapd.conf, or olcLimits on the database in cn=config;")
          .append(" Active Directory: keep pageSize at or below MaxPageSize, 1,000 by default,")
          .append(" set with ntdsutil's LDAP policies)");
    } else if (code == ResultCode.STRONG_AUTH_REQUIRED
        || code == ResultCode.CONFIDENTIALITY_REQUIRED) {
      message.append(
          "; the server accepts this bind only over an encrypted connection: use an ldaps:// url"
              + " (port 636) or startTls: true with the ldap:// url, and a trustStore holding the"
              + " server's CA certificate");
    } else if (code == ResultCode.TIME_LIMIT_EXCEEDED) {
      message.append("; the search took longer than searchTimeout");
    } else if (code == ResultCode.TIMEOUT) {
      message.append("; the server did not answer within searchTimeout");
    } else if (code == ResultCode.CONNECT_ERROR
        && failure.getMessage() != null
        && failure.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timed out")) {
      message.append("; no connection within connectTimeout");
    } else if (code == ResultCode.INVALID_CREDENTIALS) {
      message.append("; check bindDn and the bind password");
    }
  }
}
