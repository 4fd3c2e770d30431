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
 * Walks every page of a SCIM list. Cursor paging (AWS) sends {@code cursor} (empty at first) and
 * follows {@code nextCursor} until it is absent; a short page is not the end. The cursor chain runs
 * ahead on a thread of its own ({@link CursorChain}) so that the next request leaves as soon as a
 * page arrives, while the consumer parses pages into trees in order. Index paging (RFC 7644), and
 * the fallback to it when a server ignores the cursor, advances {@code startIndex} by the items
 * received until {@code totalResults} is reached or a page is empty, one page at a time as the
 * stream is consumed.
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
   * Streams all resources of a list. Nothing is requested before the stream's first element is
   * asked for. Cursor pages are then fetched ahead by a {@link CursorChain} while the consumer
   * parses and consumes earlier ones; index pages are fetched one at a time as the stream is
   * consumed. Closing the stream stops the chain.
   *
   * @param api the list operation, for errors
   * @param resourcePath {@code Users} or {@code Groups}
   * @param filter a SCIM filter, if any
   * @param pageSize the {@code count} per request
   * @param cursorPaging whether to use cursor paging
   * @param fetch fetches one page's raw body, given the path and encoded query
   * @param parse reads a raw page as a tree; throws when it is not a JSON object
   * @return the resources, lazily
   */
  public static Stream<JsonNode> stream(
      String api,
      String resourcePath,
      @Nullable String filter,
      int pageSize,
      boolean cursorPaging,
      Function<String, byte[]> fetch,
      Function<byte[], JsonNode> parse) {
    PageIterator items =
        new PageIterator(
            new Request(api, resourcePath, filter, pageSize), cursorPaging, fetch, parse);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(items::close);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** What every page request of one listing shares. */
  private record Request(String api, String resourcePath, @Nullable String filter, int pageSize) {

    String query(String paging) {
      StringBuilder query =
          new StringBuilder(resourcePath).append(resourcePath.indexOf('?') < 0 ? '?' : '&');
      if (filter != null) {
        query.append("filter=").append(encode(filter)).append('&');
      }
      return query.append("count=").append(pageSize).append('&').append(paging).toString();
    }

    String cursorQuery(String cursor) {
      return query("cursor=" + encode(cursor));
    }

    String indexQuery(int startIndex) {
      return query("startIndex=" + startIndex);
    }
  }

  private static final class PageIterator implements Iterator<JsonNode> {
    private final Request request;
    private boolean cursorPaging;
    private final Function<String, byte[]> fetch;
    private final Function<byte[], JsonNode> parse;
    private @Nullable CursorChain chain;
    private Iterator<JsonNode> current = List.<JsonNode>of().iterator();
    private boolean more = true;
    private int startIndex = 1;
    private int seen;

    PageIterator(
        Request request,
        boolean cursorPaging,
        Function<String, byte[]> fetch,
        Function<byte[], JsonNode> parse) {
      this.request = request;
      this.cursorPaging = cursorPaging;
      this.fetch = fetch;
      this.parse = parse;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && more) {
        try {
          if (cursorPaging) {
            nextCursorPage();
          } else {
            nextIndexPage();
          }
        } catch (RuntimeException e) {
          // A failed listing delivers nothing more, and its chain stops.
          current = List.<JsonNode>of().iterator();
          more = false;
          close();
          throw e;
        }
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

    void close() {
      if (chain != null) {
        chain.close();
      }
    }

    private void nextCursorPage() {
      if (chain == null) {
        chain = CursorChain.start(request.api(), request::cursorQuery, fetch, CursorChain.GIVE_UP);
      }
      CursorChain.Delivery delivery = chain.take();
      if (delivery instanceof CursorChain.Failed failed) {
        throw failed.error();
      }
      CursorChain.Fetched fetched = (CursorChain.Fetched) delivery;
      Page page = Page.of(parse.apply(fetched.body()));
      CursorScan scan = fetched.scan();
      if (!scan.readable()) {
        // Parsing accepted what the scan could not read: do not guess where the list goes on.
        throw new ScimServerException(
            request.api(), 200, "the answer is not a readable list page", null, null);
      }
      current = page.resources().iterator();
      int received = page.resources().size();
      seen += received;
      String next = scan.nextCursor();
      if (next != null && next.equals(fetched.sentCursor())) {
        throw new ScimServerException(
            request.api(),
            200,
            "the server returned the same nextCursor again; stopping to avoid an endless loop",
            null,
            null);
      }
      more = next != null;
      Integer total = page.totalResults();
      if (!more && total != null && seen < total && received > 0) {
        // The server ignored the cursor and pages by index (the older AWS behaviour): a
        // short page is not the end while totalResults says more exist.
        cursorPaging = false;
        startIndex = seen + 1;
        more = true;
      }
    }

    private void nextIndexPage() {
      Page page = Page.of(parse.apply(fetch.apply(request.indexQuery(startIndex))));
      current = page.resources().iterator();
      int received = page.resources().size();
      Integer total = page.totalResults();
      startIndex += received;
      more =
          received > 0 && (total == null ? received >= request.pageSize() : startIndex - 1 < total);
    }
  }
}
