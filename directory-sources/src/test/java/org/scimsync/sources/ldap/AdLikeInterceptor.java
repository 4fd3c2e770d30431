package org.scimsync.sources.ldap;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes UnboundID's in-memory server answer like Active Directory where it matters to the source: a
 * {@code member} attribute with more than {@link #SLICE} values comes back as {@code
 * member;range=0-1499}, and a request for {@code member;range=N-*} gets the next slice, named
 * {@code member;range=N-M}, or {@code member;range=N-*} for the last one. It can also end the n-th
 * search with a given result code, to simulate a server that stops part-way.
 */
final class AdLikeInterceptor extends InMemoryOperationInterceptor {

  static final int SLICE = 1500;
  private static final String RANGE_START = "rangeStart";
  private static final String MEMBER_RANGE = "member;range=";

  private final AtomicInteger rangeRequests = new AtomicInteger();
  private final AtomicInteger searches = new AtomicInteger();
  private volatile int failSearchNumber;
  private volatile ResultCode failWith = ResultCode.SUCCESS;

  /** Range requests received so far. */
  int rangeRequests() {
    return rangeRequests.get();
  }

  /** Ends the {@code number}-th search from now (1 = the next one) with {@code code}. */
  void failSearch(int number, ResultCode code) {
    searches.set(0);
    failSearchNumber = number;
    failWith = code;
  }

  void reset() {
    failSearchNumber = 0;
    failWith = ResultCode.SUCCESS;
  }

  @Override
  public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
    request.setProperty("searchNumber", searches.incrementAndGet());
    ReadOnlySearchRequest original = request.getRequest();
    List<String> attributes = new ArrayList<>();
    Integer start = null;
    for (String attribute : original.getAttributeList()) {
      if (attribute.toLowerCase(Locale.ROOT).startsWith(MEMBER_RANGE)) {
        String bounds = attribute.substring(MEMBER_RANGE.length());
        start = Integer.parseInt(bounds.substring(0, bounds.indexOf('-')));
        attributes.add("member");
      } else {
        attributes.add(attribute);
      }
    }
    if (start != null) {
      rangeRequests.incrementAndGet();
      SearchRequest rewritten = original.duplicate();
      rewritten.setAttributes(attributes);
      request.setRequest(rewritten);
      request.setProperty(RANGE_START, start);
    }
  }

  @Override
  public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
    SearchResultEntry entry = result.getSearchEntry();
    Attribute member = entry.getAttribute("member");
    Integer start = (Integer) result.getProperty(RANGE_START);
    if (member == null || (start == null && member.size() <= SLICE)) {
      return;
    }
    int low = start == null ? 0 : start;
    String[] values = member.getValues();
    int end = Math.min(values.length, low + SLICE);
    boolean last = end == values.length;
    Entry sliced = entry.duplicate();
    sliced.removeAttribute("member");
    sliced.addAttribute(
        MEMBER_RANGE + low + "-" + (last ? "*" : String.valueOf(end - 1)),
        Arrays.copyOfRange(values, Math.min(low, values.length), end));
    result.setSearchEntry(sliced);
  }

  @Override
  public void processSearchResult(InMemoryInterceptedSearchResult result) {
    Object number = result.getProperty("searchNumber");
    if (failSearchNumber > 0 && number != null && (Integer) number == failSearchNumber) {
      LDAPResult original = result.getResult();
      result.setResult(
          new LDAPResult(
              original.getMessageID(),
              failWith,
              "simulated: " + failWith,
              null,
              (String[]) null,
              (Control[]) null));
    }
  }
}
