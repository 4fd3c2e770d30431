package org.scimsync.sources.ldap.changes;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.IntermediateResponse;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.ContentSyncDoneControl;
import com.unboundid.ldap.sdk.controls.ContentSyncInfoIntermediateResponse;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestControl;
import com.unboundid.ldap.sdk.controls.ContentSyncRequestMode;
import com.unboundid.ldap.sdk.controls.ContentSyncState;
import com.unboundid.ldap.sdk.controls.ContentSyncStateControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One RFC 4533 content synchronization search in refreshOnly mode: the entries added or changed
 * since the cookie, the entryUUIDs of those deleted (from {@code syncprov}'s session log), and the
 * new cookie. Without a cookie, every entry matching the filter and a cookie for now.
 */
final class ContentSyncSearch {

  /** {@code e-syncRefreshRequired}: the server cannot continue from the cookie (RFC 4533). */
  static final int SYNC_REFRESH_REQUIRED = 4096;

  private ContentSyncSearch() {}

  /**
   * What one refresh returned.
   *
   * @param entries entries added or changed, in the order received
   * @param received entryUUIDs of the entries received
   * @param deleted entryUUIDs of entries deleted or that no longer match the search: an entry
   *     changed that matches another search's filter (a group in the user search) is among them
   * @param cookie the cookie to continue from; null when the server sent none (nothing changed:
   *     keep the previous one)
   * @param complete false when the server answered with its present phase (RFC 4533 3.3.1): it
   *     could not list the deletions since the cookie, so the caller cannot know them
   */
  record Refresh(
      List<SearchResultEntry> entries,
      Set<UUID> received,
      Set<UUID> deleted,
      @Nullable ASN1OctetString cookie,
      boolean complete) {}

  /** The server cannot continue from the cookie, or has no content synchronization. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean unavailable;

    Refused(boolean unavailable, String message, @Nullable Throwable cause) {
      super(message, cause, false, false);
      this.unavailable = unavailable;
    }

    /** True: no content synchronization here; false: the cookie is too old. */
    boolean unavailable() {
      return unavailable;
    }
  }

  /**
   * Runs the refresh.
   *
   * @throws Refused when the server has no {@code syncprov} on this database or cannot continue
   *     from the cookie
   * @throws LDAPException on any other failure
   */
  static Refresh refresh(
      LDAPConnection connection,
      String base,
      Filter filter,
      List<String> attributes,
      @Nullable ASN1OctetString cookie,
      Duration timeout)
      throws LDAPException, Refused {
    List<SearchResultEntry> entries = new ArrayList<>();
    Set<UUID> received = new HashSet<>();
    Set<UUID> deleted = new HashSet<>();
    boolean[] present = {false};
    SearchResultListener listener =
        new SearchResultListener() {
          private static final long serialVersionUID = 1L;

          @Override
          public void searchEntryReturned(SearchResultEntry entry) {
            ContentSyncStateControl state;
            try {
              state = ContentSyncStateControl.get(entry);
            } catch (LDAPException e) {
              state = null;
            }
            if (state == null
                || state.getState() == ContentSyncState.ADD
                || state.getState() == ContentSyncState.MODIFY) {
              entries.add(entry);
              if (state != null) {
                received.add(state.getEntryUUID());
              }
            } else if (state.getState() == ContentSyncState.DELETE) {
              deleted.add(state.getEntryUUID());
            } else {
              present[0] = true;
            }
          }

          @Override
          public void searchReferenceReturned(SearchResultReference reference) {
            // referrals are not followed, as in the full read
          }
        };
    SearchRequest request =
        new SearchRequest(
            listener, base, SearchScope.SUB, filter, attributes.toArray(String[]::new));
    request.setTimeLimitSeconds((int) Math.max(1, timeout.toSeconds()));
    request.setResponseTimeoutMillis(timeout.toMillis());
    request.addControl(
        new ContentSyncRequestControl(true, ContentSyncRequestMode.REFRESH_ONLY, cookie, false));
    request.setIntermediateResponseListener(
        (IntermediateResponse response) -> {
          ContentSyncInfoIntermediateResponse info;
          try {
            info = ContentSyncInfoIntermediateResponse.decode(response);
          } catch (LDAPException e) {
            return;
          }
          switch (info.getType()) {
            case SYNC_ID_SET -> {
              if (info.refreshDeletes()) {
                deleted.addAll(info.getEntryUUIDs());
              } else {
                present[0] = true;
              }
            }
            case REFRESH_PRESENT -> present[0] = true;
            default -> {
              // NEW_COOKIE and REFRESH_DELETE: the cookie comes with the done control
            }
          }
        });
    SearchResult result;
    try {
      result = connection.search(request);
    } catch (LDAPSearchException e) {
      throw refusal(e);
    }
    ContentSyncDoneControl done = ContentSyncDoneControl.get(result);
    ASN1OctetString next = done == null ? null : done.getCookie();
    boolean refreshDeletes = done == null || done.refreshDeletes();
    boolean complete = cookie == null || (refreshDeletes && !present[0]);
    return new Refresh(
        List.copyOf(entries), Set.copyOf(received), Set.copyOf(deleted), next, complete);
  }

  private static LDAPException refusal(LDAPSearchException e) throws Refused {
    ResultCode code = e.getResultCode();
    if (code == ResultCode.UNAVAILABLE_CRITICAL_EXTENSION) {
      throw new Refused(true, "the server has no content synchronization (syncprov) here", e);
    }
    if (code.intValue() == SYNC_REFRESH_REQUIRED) {
      throw new Refused(false, "the server asks for a full refresh (e-syncRefreshRequired)", e);
    }
    return e;
  }
}
