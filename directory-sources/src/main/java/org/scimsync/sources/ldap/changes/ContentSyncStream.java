package org.scimsync.sources.ldap.changes;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.AsyncRequestID;
import com.unboundid.ldap.sdk.AsyncSearchResultListener;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.IntermediateResponse;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoIntermediateResponse;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestControl;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestMode;
import com.unboundid.ldap.sdk.controls.ContentSyncState;
import com.unboundid.ldap.sdk.controls.ContentSyncStateControl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.scimsync.sources.ldap.LdapConnector;
import org.scimsync.sources.ldap.LdapFailures;
import org.scimsync.sources.ldap.LdapSourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 4533 refreshAndPersist against OpenLDAP's {@code syncprov}: one persistent search per base
 * (users or groups) over one connection, started from a cookie of now (so the first refresh returns
 * nothing), each change reported as it comes. The cookie of the last notice is kept across
 * reconnections, so the refresh phase of the next session reports what changed while the connection
 * was down; one the server no longer knows (e-syncRefreshRequired, a present phase) reports a
 * resync.
 */
final class ContentSyncStream implements WatchSession {

  private static final Logger LOG = LoggerFactory.getLogger(ContentSyncStream.class);
  private static final int SYNC_REFRESH_REQUIRED = 4096;
  private static final String NOTHING = "(!(objectClass=*))";

  private final LdapSourceConfig config;
  private final LdapConnector connector;
  private final ChangeBatcher batcher;
  private final Map<String, ASN1OctetString> cookies = new ConcurrentHashMap<>();
  private final BlockingQueue<Ended> ended = new ArrayBlockingQueue<>(64);
  private volatile LdapConnector.@Nullable BoundConnection bound;
  private volatile boolean stopped;

  ContentSyncStream(LdapSourceConfig config, LdapConnector connector, ChangeBatcher batcher) {
    this.config = config;
    this.connector = connector;
    this.batcher = batcher;
  }

  /** A persistent search ended. */
  private record Ended(String base, ResultCode code, @Nullable String message) {}

  /** Whether the server has content synchronization for the bases: false on a plain database. */
  static boolean offeredBy(LdapConnector connector, LdapSourceConfig config) throws LDAPException {
    try (LdapConnector.BoundConnection probe = connector.connect()) {
      SearchRequest request =
          new SearchRequest(config.userBase(), SearchScope.SUB, Filter.create(NOTHING), "1.1");
      request.addControl(
          new ContentSyncRequestControl(true, ContentSyncRequestMode.REFRESH_ONLY, null, false));
      try {
        probe.connection().search(request);
        return true;
      } catch (LDAPException e) {
        if (e.getResultCode() == ResultCode.UNAVAILABLE_CRITICAL_EXTENSION) {
          return false;
        }
        throw e;
      }
    }
  }

  @Override
  public void run(Runnable started) throws Exception {
    ended.clear();
    LdapConnector.BoundConnection connection = connector.connectForStreaming();
    bound = connection;
    try {
      Filter filter =
          Filter.createORFilter(
              Filter.create(config.userFilter()), Filter.create(config.groupFilter()));
      for (String base : bases()) {
        ASN1OctetString cookie = cookies.get(base);
        if (cookie == null) {
          cookie = cookieOfNow(connection, base);
          cookies.put(base, cookie);
        }
        connection.connection().asyncSearch(persistent(base, filter, cookie));
      }
      LOG.info("source={} watching bases={} with refreshAndPersist", connection.server(), bases());
      started.run();
      Ended end = ended.take();
      if (stopped) {
        return;
      }
      if (end.code().intValue() == SYNC_REFRESH_REQUIRED) {
        LOG.info("source={} the server no longer knows the watch's position", connection.server());
        cookies.clear();
        batcher.resync();
        return;
      }
      LOG.warn(
          "source={} the change stream under {} ended: {} {}; reconnecting",
          connection.server(),
          end.base(),
          end.code(),
          end.message() == null ? "" : end.message());
    } finally {
      connection.close();
      bound = null;
    }
  }

  @Override
  public void stop() {
    stopped = true;
    ended.offer(new Ended("", ResultCode.USER_CANCELED, "stopped"));
    LdapConnector.BoundConnection connection = bound;
    if (connection != null) {
      connection.close();
    }
  }

  private List<String> bases() {
    Set<String> bases = new LinkedHashSet<>(config.userBases());
    bases.addAll(config.groupBases());
    return new ArrayList<>(bases);
  }

  /** A cookie of now: a refreshOnly search that matches nothing. */
  private ASN1OctetString cookieOfNow(LdapConnector.BoundConnection connection, String base)
      throws LDAPException {
    SearchRequest request = new SearchRequest(base, SearchScope.SUB, Filter.create(NOTHING), "1.1");
    request.addControl(
        new ContentSyncRequestControl(true, ContentSyncRequestMode.REFRESH_ONLY, null, false));
    request.setResponseTimeoutMillis(config.searchTimeout().toMillis());
    SearchResult result = connection.connection().search(request);
    var done = com.unboundid.ldap.sdk.controls.ContentSyncDoneControl.get(result);
    if (done == null || done.getCookie() == null) {
      throw LdapFailures.of(
          connection.server(),
          "content synchronization under " + base,
          new LDAPException(ResultCode.DECODING_ERROR, "the server sent no cookie"));
    }
    return done.getCookie();
  }

  private SearchRequest persistent(String base, Filter filter, ASN1OctetString cookie) {
    Listener listener = new Listener(base);
    SearchRequest request = new SearchRequest(listener, base, SearchScope.SUB, filter, "1.1");
    request.addControl(
        new ContentSyncRequestControl(
            true, ContentSyncRequestMode.REFRESH_AND_PERSIST, cookie, false));
    request.setIntermediateResponseListener(listener::intermediate);
    request.setResponseTimeoutMillis(0);
    return request;
  }

  /** The notices of one persistent search. */
  private final class Listener implements AsyncSearchResultListener {
    private static final long serialVersionUID = 1L;

    private final String base;
    private boolean presentPhase;

    Listener(String base) {
      this.base = base;
    }

    @Override
    public void searchEntryReturned(SearchResultEntry entry) {
      ContentSyncStateControl state;
      try {
        state = ContentSyncStateControl.get(entry);
      } catch (LDAPException e) {
        state = null;
      }
      if (state != null && state.getCookie() != null) {
        cookies.put(base, state.getCookie());
      }
      if (state != null && state.getState() == ContentSyncState.PRESENT) {
        if (!presentPhase) {
          presentPhase = true;
          batcher.resync();
        }
        return;
      }
      batcher.changed(entry.getDN());
    }

    @Override
    public void searchReferenceReturned(SearchResultReference reference) {
      // referrals are not followed
    }

    void intermediate(IntermediateResponse response) {
      ContentSyncInfoIntermediateResponse info;
      try {
        info = ContentSyncInfoIntermediateResponse.decode(response);
      } catch (LDAPException e) {
        return;
      }
      if (info.getCookie() != null) {
        cookies.put(base, info.getCookie());
      }
      switch (info.getType()) {
        case SYNC_ID_SET -> {
          if (info.refreshDeletes()) {
            info.getEntryUUIDs().forEach(uuid -> batcher.changed(null));
          } else if (!presentPhase) {
            presentPhase = true;
            batcher.resync();
          }
        }
        default -> {
          // NEW_COOKIE, REFRESH_DELETE, REFRESH_PRESENT (the end of a phase): only the cookie
        }
      }
    }

    @Override
    public void searchResultReceived(AsyncRequestID requestID, SearchResult result) {
      ended.offer(new Ended(base, result.getResultCode(), result.getDiagnosticMessage()));
    }
  }
}
