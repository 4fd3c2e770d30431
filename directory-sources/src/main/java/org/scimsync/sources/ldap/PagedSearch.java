package org.scimsync.sources.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.scimsync.engine.source.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches that read everything or fail: subtree searches in pages with the Simple Paged Results
 * control (RFC 2696), so a server's size limit does not cut the result short, and Active Directory
 * range retrieval for attributes with more values than the server returns at once ({@code
 * member;range=0-1499}, then {@code member;range=1500-*}, ... until a range ends in {@code *}). Any
 * non-success result, including a size or time limit, is a {@link SourceException}.
 */
public final class PagedSearch {

  private static final Logger log = LoggerFactory.getLogger(PagedSearch.class);
  private static final String RANGE = "range=";

  private final LDAPConnection connection;
  private final String server;
  private final @Nullable String account;
  private final int pageSize;
  private final Duration timeout;
  private int rangeRequests;

  /**
   * @param account the bind DN (null: anonymous), named in a size-limit failure
   */
  PagedSearch(
      LDAPConnection connection,
      String server,
      @Nullable String account,
      int pageSize,
      Duration timeout) {
    this.connection = connection;
    this.server = server;
    this.account = account;
    this.pageSize = pageSize;
    this.timeout = timeout;
  }

  /** Searches over {@code bound} with the page size, timeout and account of {@code config}. */
  public static PagedSearch of(LdapConnector.BoundConnection bound, LdapSourceConfig config) {
    return new PagedSearch(
        bound.connection(),
        bound.server(),
        config.bindDn(),
        config.pageSize(),
        config.searchTimeout());
  }

  /** How many range-retrieval requests were needed so far. */
  public int rangeRequests() {
    return rangeRequests;
  }

  /**
   * Gives every entry under {@code base} that matches {@code filter} to {@code consumer}, one page
   * at a time; returns the number of entries.
   */
  public long forEach(
      String what,
      String base,
      String filter,
      List<String> attributes,
      Consumer<SearchResultEntry> consumer) {
    Filter parsed;
    try {
      parsed = Filter.create(filter);
    } catch (LDAPException e) {
      throw new SourceException(
          SourceException.Kind.INVALID_INPUT,
          what + " filter " + filter + " is not an LDAP filter: " + e.getDiagnosticMessage(),
          e);
    }
    long count = 0;
    int pages = 0;
    ASN1OctetString cookie = null;
    do {
      SearchRequest request =
          new SearchRequest(base, SearchScope.SUB, parsed, attributes.toArray(String[]::new));
      request.setTimeLimitSeconds((int) Math.max(1, timeout.toSeconds()));
      request.setResponseTimeoutMillis(timeout.toMillis());
      request.setControls(new SimplePagedResultsControl(pageSize, cookie, false));
      SearchResult result;
      try {
        result = connection.search(request);
      } catch (LDAPException e) {
        throw LdapFailures.of(server, what + " under " + base, e, account);
      }
      pages++;
      for (SearchResultEntry entry : result.getSearchEntries()) {
        consumer.accept(entry);
        count++;
      }
      if (result.getReferenceCount() > 0) {
        log.debug(
            "source={} search={} referencesNotFollowed={}",
            server,
            what,
            result.getReferenceCount());
      }
      SimplePagedResultsControl paging;
      try {
        paging = SimplePagedResultsControl.get(result);
      } catch (LDAPException e) {
        throw LdapFailures.of(server, what + " paging", e);
      }
      cookie = paging == null || !paging.moreResultsToReturn() ? null : paging.getCookie();
    } while (cookie != null);
    log.debug("source={} search={} entries={} pages={}", server, what, count, pages);
    return count;
  }

  /**
   * Every value of {@code attribute} (no options) of {@code entry}, fetching the remaining ranges
   * when the server returned only the first one.
   */
  public List<String> allValues(Entry entry, String attribute) {
    List<String> values = new ArrayList<>();
    for (Attribute candidate : entry.getAttributes()) {
      if (!candidate.getBaseName().equalsIgnoreCase(attribute)) {
        continue;
      }
      values.addAll(List.of(candidate.getValues()));
      Range range = Range.of(candidate);
      if (range != null && range.high() >= 0) {
        fetchRemaining(entry.getDN(), attribute, range.high() + 1, values);
      }
    }
    return values;
  }

  private void fetchRemaining(String dn, String attribute, int start, List<String> values) {
    int next = start;
    while (true) {
      String requested = attribute + ";" + RANGE + next + "-*";
      SearchResultEntry slice;
      try {
        rangeRequests++;
        slice = connection.getEntry(dn, requested);
      } catch (LDAPException e) {
        throw LdapFailures.of(server, "range retrieval of " + requested + " from " + dn, e);
      }
      Range range = null;
      Attribute sliceValues = null;
      if (slice != null) {
        for (Attribute candidate : slice.getAttributes()) {
          Range candidateRange = Range.of(candidate);
          if (candidate.getBaseName().equalsIgnoreCase(attribute) && candidateRange != null) {
            range = candidateRange;
            sliceValues = candidate;
          }
        }
      }
      if (range == null || sliceValues == null || range.low() != next) {
        throw new SourceException(
            SourceException.Kind.UNAVAILABLE,
            String.format(
                "%s: range retrieval of %s from %s returned no range starting at %d; the group"
                    + " would be incomplete",
                server, attribute, dn, next));
      }
      values.addAll(List.of(sliceValues.getValues()));
      if (range.high() < 0) {
        return;
      }
      next = range.high() + 1;
    }
  }

  /** The {@code range=LOW-HIGH} option of an attribute; {@code high} is -1 for {@code *}. */
  record Range(int low, int high) {

    static @Nullable Range of(Attribute attribute) {
      for (String option : attribute.getOptions()) {
        if (option.toLowerCase(Locale.ROOT).startsWith(RANGE)) {
          String bounds = option.substring(RANGE.length());
          int dash = bounds.indexOf('-');
          if (dash > 0) {
            try {
              int low = Integer.parseInt(bounds.substring(0, dash));
              String high = bounds.substring(dash + 1);
              return new Range(low, high.equals("*") ? -1 : Integer.parseInt(high));
            } catch (NumberFormatException e) {
              throw malformed(attribute, e);
            }
          }
          throw malformed(attribute, null);
        }
      }
      return null;
    }

    private static SourceException malformed(Attribute attribute, @Nullable Exception cause) {
      return new SourceException(
          SourceException.Kind.UNAVAILABLE,
          "the server returned a malformed range option: " + attribute.getName(),
          cause);
    }
  }
}
