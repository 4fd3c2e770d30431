package org.scimsync.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.scimsync.client.ScimServerException;

/**
 * Walks every page of a SCIM list lazily. Cursor paging (AWS) sends {@code cursor} (empty at first)
 * and follows {@code nextCursor} until it is absent; a short page is not the end. Index paging (RFC
 * 7644) advances {@code startIndex} by the items received until {@code totalResults} is reached or
 * a page is empty.
 */
final class Paging {

  private Paging() {}

  /**
   * One fetched page.
   *
   * @param resources the resources of the page
   * @param totalResults {@code totalResults}, if sent
   * @param nextCursor {@code nextCursor}, if sent
   */
  public record Page(
      List<JsonNode> resources, @Nullable Integer totalResults, @Nullable String nextCursor) {

    /**
     * Reads a list answer.
     *
     * @param tree the parsed body
     * @return the page
     */
    public static Page of(JsonNode tree) {
      List<JsonNode> resources = new ArrayList<>();
      JsonNode list = tree.get("Resources");
      if (list == null) {
        list = tree.get("resources");
      }
      if (list != null && list.isArray()) {
        list.forEach(resources::add);
      }
      JsonNode total = tree.get("totalResults");
      JsonNode cursor = tree.get("nextCursor");
      return new Page(
          resources,
          total != null && total.canConvertToInt() && total.isNumber() ? total.intValue() : null,
          cursor != null && cursor.isTextual() && !cursor.asText().isBlank()
              ? cursor.asText()
              : null);
    }
  }

  /**
   * Streams all resources of a list, fetching pages as the stream is consumed.
   *
   * @param resourcePath {@code Users} or {@code Groups}
   * @param filter a SCIM filter, if any
   * @param pageSize the {@code count} per request
   * @param cursorPaging whether to use cursor paging
   * @param fetch fetches one page, given the path and encoded query
   * @return the resources, lazily
   */
  public static Stream<JsonNode> stream(
      String resourcePath,
      @Nullable String filter,
      int pageSize,
      boolean cursorPaging,
      Function<String, Page> fetch) {
    Iterator<JsonNode> items =
        new PageIterator(resourcePath, filter, pageSize, cursorPaging, fetch);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static final class PageIterator implements Iterator<JsonNode> {
    private final String resourcePath;
    private final @Nullable String filter;
    private final int pageSize;
    private boolean cursorPaging;
    private final Function<String, Page> fetch;
    private Iterator<JsonNode> current = List.<JsonNode>of().iterator();
    private boolean more = true;
    private @Nullable String cursor = "";
    private int startIndex = 1;
    private int seen;

    PageIterator(
        String resourcePath,
        @Nullable String filter,
        int pageSize,
        boolean cursorPaging,
        Function<String, Page> fetch) {
      this.resourcePath = resourcePath;
      this.filter = filter;
      this.pageSize = pageSize;
      this.cursorPaging = cursorPaging;
      this.fetch = fetch;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && more) {
        fetchNext();
      }
      return current.hasNext();
    }

    @Override
    public JsonNode next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }

    private void fetchNext() {
      StringBuilder query = new StringBuilder(resourcePath).append('?');
      if (filter != null) {
        query.append("filter=").append(encode(filter)).append('&');
      }
      query.append("count=").append(pageSize);
      if (cursorPaging) {
        query.append("&cursor=").append(encode(cursor == null ? "" : cursor));
      } else {
        query.append("&startIndex=").append(startIndex);
      }
      Page page = fetch.apply(query.toString());
      current = page.resources().iterator();
      int received = page.resources().size();
      seen += received;
      Integer total = page.totalResults();
      if (cursorPaging) {
        String next = page.nextCursor();
        if (next != null && next.equals(cursor)) {
          throw new ScimServerException(
              resourcePath.equals("Users") ? "ListUsers" : "ListGroups",
              200,
              "the server returned the same nextCursor again; stopping to avoid an endless loop",
              null,
              null);
        }
        cursor = next;
        more = next != null;
        if (!more && total != null && seen < total && received > 0) {
          // The server ignored the cursor and pages by index (the older AWS behaviour): a
          // short page is not the end while totalResults says more exist.
          cursorPaging = false;
          startIndex = seen + 1;
          more = true;
        }
      } else {
        startIndex += received;
        more = received > 0 && (total == null ? received >= pageSize : startIndex - 1 < total);
      }
    }
  }
}
