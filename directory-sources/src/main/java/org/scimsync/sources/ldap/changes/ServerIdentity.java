package org.scimsync.sources.ldap.changes;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchResultEntry;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.source.SourceException;
import org.scimsync.sources.ldap.LdapFailures;
import org.scimsync.sources.read.ObjectGuid;

/**
 * Which server (or replicated database) a connection reached, and where it stands: what a
 * checkpoint must match to be continued from.
 *
 * @param identity {@code openldap:<entryUUID of the naming context entry>} or {@code
 *     ad:<invocationId of the domain controller>}
 * @param namingContext the naming context holding the first user base
 * @param position OpenLDAP: the naming context's {@code contextCSN} (null when unreadable); Active
 *     Directory: the {@code highestCommittedUSN}
 */
record ServerIdentity(String identity, String namingContext, @Nullable String position) {

  /** The identity of an OpenLDAP database. */
  static ServerIdentity openLdap(LDAPConnection connection, String server, String base) {
    try {
      String context = namingContext(connection.getRootDSE(), base);
      SearchResultEntry entry = connection.getEntry(context, "entryUUID", "contextCSN");
      if (entry == null || entry.getAttributeValue("entryUUID") == null) {
        throw new SourceException(
            SourceException.Kind.UNAVAILABLE,
            server + ": the naming context " + context + " has no readable entryUUID");
      }
      return new ServerIdentity(
          "openldap:" + entry.getAttributeValue("entryUUID"),
          context,
          maxCsn(entry.getAttributeValues("contextCSN")));
    } catch (LDAPException e) {
      throw LdapFailures.of(server, "reading the naming context", e);
    }
  }

  /** The identity and highest committed USN of an Active Directory domain controller. */
  static ServerIdentity activeDirectory(LDAPConnection connection, String server, String base) {
    try {
      SearchResultEntry root =
          connection.getEntry(
              "", "dsServiceName", "highestCommittedUSN", "defaultNamingContext", "namingContexts");
      String service = root == null ? null : root.getAttributeValue("dsServiceName");
      String usn = root == null ? null : root.getAttributeValue("highestCommittedUSN");
      if (service == null || usn == null) {
        throw new SourceException(
            SourceException.Kind.UNAVAILABLE,
            server + ": the root DSE has no dsServiceName or highestCommittedUSN (not a DC?)");
      }
      SearchResultEntry settings = connection.getEntry(service, "invocationId");
      byte[] invocation = settings == null ? null : settings.getAttributeValueBytes("invocationId");
      if (invocation == null || !ObjectGuid.isGuid(invocation)) {
        throw new SourceException(
            SourceException.Kind.UNAVAILABLE,
            server + ": the invocationId of " + service + " cannot be read");
      }
      return new ServerIdentity(
          "ad:" + ObjectGuid.toCanonicalString(invocation),
          namingContext(new RootDSE(root), base),
          usn);
    } catch (LDAPException e) {
      throw LdapFailures.of(server, "reading the domain controller's identity", e);
    }
  }

  /** The longest naming context holding {@code base}; {@code base} itself when none is listed. */
  private static String namingContext(@Nullable RootDSE root, String base) throws LDAPException {
    DN baseDn = new DN(base);
    String best = null;
    int depth = -1;
    String[] contexts = root == null ? null : root.getNamingContextDNs();
    if (contexts != null) {
      for (String context : contexts) {
        DN dn = new DN(context);
        if (baseDn.isDescendantOf(dn, true) && dn.getRDNs().length > depth) {
          best = context;
          depth = dn.getRDNs().length;
        }
      }
    }
    return best == null ? base : best;
  }

  /** The greatest CSN (CSNs compare as text), or null. */
  static @Nullable String maxCsn(String @Nullable [] csns) {
    String max = null;
    if (csns != null) {
      for (String csn : csns) {
        if (max == null || csn.compareTo(max) > 0) {
          max = csn;
        }
      }
    }
    return max;
  }
}
