package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scimsync.client.internal.ScimJson;

/**
 * Cursor pages are fetched ahead of the consumer by a chain on a thread of its own: results, order,
 * errors, closing and laziness as seen through the public listing streams.
 */
class ScimClientCursorChainIT {

  @RegisterExtension static WireMockExtension wm = ScimWireMock.server();

  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final String USERS = "/scim/v2/Users";

  private static String cursor(int page) {
    return page == 0 ? "" : "c" + page;
  }

  /** Stubs page {@code page} of a cursor listing with the given users and next cursor. */
  private static void stubPage(int page, @Nullable String next, List<String> ids) {
    stub(cursor(page), aResponse().withStatus(200).withBody(body(next, ids)));
  }

  private static void stub(String cursor, ResponseDefinitionBuilder response) {
    wm.stubFor(
        get(urlPathEqualTo(USERS)).withQueryParam("cursor", equalTo(cursor)).willReturn(response));
  }

  private static String body(@Nullable String next, List<String> ids) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
        + "\"itemsPerPage\":"
        + ids.size()
        + ","
        + (next == null ? "" : "\"nextCursor\":\"" + next + "\",")
        + "\"Resources\":["
        + ids.stream()
            .map(id -> "{\"id\":\"" + id + "\",\"userName\":\"user-" + id + "\"}")
            .collect(Collectors.joining(","))
        + "]}";
  }

  /** Stubs {@code pages} pages of {@code perPage} users each (u&lt;page&gt;-&lt;i&gt;). */
  private static List<String> stubPages(int pages, int perPage) {
    List<String> all = new ArrayList<>();
    for (int page = 0; page < pages; page++) {
      int p = page;
      List<String> ids = IntStream.range(0, perPage).mapToObj(i -> "u" + p + "-" + i).toList();
      stubPage(page, page + 1 < pages ? cursor(page + 1) : null, ids);
      all.addAll(ids);
    }
    return all;
  }

  private static List<String> requestedCursors() {
    return wm.findAll(getRequestedFor(urlPathEqualTo(USERS))).stream()
        .map(request -> request.queryParameter("cursor").firstValue())
        .toList();
  }

  private static ScimClient client() {
    return ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER);
  }

  private static Set<Thread> pageThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("scim-client-pages-"))
        .collect(Collectors.toSet());
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + PATIENCE.toSeconds() + " s: " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private static String id(ObjectNode tree) {
    return tree.get("id").asText();
  }

  /** The ids listed before the listing failed, and its failure. */
  private record Outcome(List<String> seen, Throwable failure) {}

  private static Outcome listUntilFailure() {
    List<String> seen = new ArrayList<>();
    try (ScimClient client = client();
        Stream<ObjectNode> trees = client.listUsersAsTrees()) {
      Throwable failure = catchThrowable(() -> trees.forEach(tree -> seen.add(id(tree))));
      assertThat(failure).as("the listing fails").isNotNull();
      return new Outcome(seen, failure);
    }
  }

  @Test
  void deliversEveryPageCompleteAndInOrderThroughShortAndEmptyPages() {
    List<String> expected = new ArrayList<>();
    int pages = 30;
    for (int page = 0; page < pages; page++) {
      int p = page;
      // Full pages, with a short one every fifth page and an empty one every seventh.
      int size = page % 7 == 3 ? 0 : page % 5 == 2 ? 1 : 4;
      List<String> ids = IntStream.range(0, size).mapToObj(i -> "u" + p + "-" + i).toList();
      stubPage(page, page + 1 < pages ? cursor(page + 1) : null, ids);
      expected.addAll(ids);
    }

    try (ScimClient client = client();
        Stream<ObjectNode> trees = client.listUsersAsTrees()) {
      assertThat(trees.map(ScimClientCursorChainIT::id).toList())
          .containsExactlyElementsOf(expected);
    }
    assertThat(requestedCursors())
        .containsExactlyElementsOf(
            IntStream.range(0, pages).mapToObj(ScimClientCursorChainIT::cursor).toList());
  }

  @Test
  void requestsTheNextPageBeforeThisPageIsConsumed() {
    List<String> all = stubPages(3, 2);

    List<String> seen = new ArrayList<>();
    try (ScimClient client = client();
        Stream<ObjectNode> trees = client.listUsersAsTrees()) {
      Iterator<ObjectNode> items = trees.iterator();
      seen.add(id(items.next()));
      // The consumer holds the first item of page 1; the chain does not wait for it.
      await("page 2 requested while page 1 is unconsumed", () -> requestedCursors().size() >= 2);
      assertThat(requestedCursors()).startsWith("", "c1");
      items.forEachRemaining(tree -> seen.add(id(tree)));
    }
    assertThat(seen).containsExactlyElementsOf(all);
  }

  @Test
  void aRefusedPageSurfacesAfterTheEarlierPagesWithItsTypeAndNoToken() {
    stubPage(0, "c1", List.of("u1", "u2"));
    stubPage(1, "c2", List.of("u3"));
    stub(
        "c2",
        aResponse()
            .withStatus(401)
            .withBody("{\"detail\":\"bad token " + ScimWireMock.TOKEN + "\",\"status\":\"401\"}"));

    Outcome outcome = listUntilFailure();
    List<String> seen = outcome.seen();
    Throwable failure = outcome.failure();

    assertThat(seen).containsExactly("u1", "u2", "u3");
    assertThat(failure)
        .isExactlyInstanceOf(ScimUnauthorizedException.class)
        .hasMessageContaining("ListUsers")
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("bad token ****");
    assertThat(failure.getMessage()).doesNotContain(ScimWireMock.TOKEN);
    assertThat(requestedCursors()).containsExactly("", "c1", "c2");
  }

  @Test
  void aTransportFailureAfterRetriesSurfacesAfterTheEarlierPages() {
    stubPage(0, "c1", List.of("u1"));
    stubPage(1, "c2", List.of("u2"));
    stub("c2", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    Outcome outcome = listUntilFailure();
    List<String> seen = outcome.seen();
    Throwable failure = outcome.failure();

    assertThat(seen).containsExactly("u1", "u2");
    assertThat(failure)
        .isExactlyInstanceOf(ScimTransportException.class)
        .hasMessageContaining("ListUsers");
    // The client's retries still apply to each page: four attempts at the failing one.
    assertThat(requestedCursors()).containsExactly("", "c1", "c2", "c2", "c2", "c2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<html><body>Bad gateway</body></html>",
        "{\"nextCursor\":\"c2\",\"Resources\":[{\"id\":\"u3\"",
        "[{\"id\":\"u3\"}]",
        ""
      })
  void aPageThatIsNotAJsonObjectFailsAsBeforeAfterTheEarlierPages(String page) {
    stubPage(0, "c1", List.of("u1", "u2"));
    stub("c1", aResponse().withStatus(200).withBody(page));
    String expected =
        catchThrowable(
                () ->
                    new ScimJson().compactTree("ListUsers", page.getBytes(StandardCharsets.UTF_8)))
            .getMessage();

    Outcome outcome = listUntilFailure();
    List<String> seen = outcome.seen();
    Throwable failure = outcome.failure();

    assertThat(seen).containsExactly("u1", "u2");
    assertThat(failure).isExactlyInstanceOf(ScimServerException.class);
    assertThat(failure.getMessage()).isEqualTo(expected).contains("the answer is not");
  }

  @Test
  void theSameCursorAgainStopsAfterThePagesBeforeIt() {
    stubPage(0, "c1", List.of("u1"));
    stubPage(1, "c1", List.of("u2"));

    Outcome outcome = listUntilFailure();
    List<String> seen = outcome.seen();
    Throwable failure = outcome.failure();

    assertThat(seen).containsExactly("u1");
    assertThat(failure)
        .isExactlyInstanceOf(ScimServerException.class)
        .hasMessageContaining("the server returned the same nextCursor again");
    // Never a third request: the chain stops at the repeated cursor.
    assertThat(requestedCursors()).containsExactly("", "c1");
  }

  @Test
  void continuesByIndexWhenACursorPageEndsTheChainButTotalResultsSaysMore() {
    stubPage(0, "c1", List.of("u1", "u2"));
    stub(
        "c1",
        aResponse()
            .withStatus(200)
            .withBody(
                body(null, List.of("u3"))
                    .replace("{\"schemas\"", "{\"totalResults\":5,\"schemas\"")));
    wm.stubFor(
        get(urlPathEqualTo(USERS))
            .withQueryParam("startIndex", equalTo("4"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        body(null, List.of("u4", "u5"))
                            .replace("{\"schemas\"", "{\"totalResults\":5,\"schemas\""))));

    try (ScimClient client = client();
        Stream<ObjectNode> trees = client.listUsersAsTrees()) {
      assertThat(trees.map(ScimClientCursorChainIT::id))
          .containsExactly("u1", "u2", "u3", "u4", "u5");
    }
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(USERS))))
        .extracting(
            request ->
                request.queryParameter("cursor").isPresent()
                    ? "cursor=" + request.queryParameter("cursor").firstValue()
                    : "startIndex=" + request.queryParameter("startIndex").firstValue())
        .containsExactly("cursor=", "cursor=c1", "startIndex=4");
  }

  @Test
  void closingAfterTheFirstItemStopsTheChainAndEndsItsThread() {
    int pages = 40;
    stubPages(pages, 2);
    Set<Thread> before = pageThreads();
    Set<Thread> started;
    int requestsAtClose;

    try (ScimClient client = client()) {
      Stream<ObjectNode> trees = client.listUsersAsTrees();
      assertThat(pageThreads()).as("no thread before the stream is consumed").isEqualTo(before);
      try (trees) {
        assertThat(id(trees.iterator().next())).isEqualTo("u0-0");
        started = pageThreads();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        assertThat(started.iterator().next().isDaemon()).isTrue();
      }
      requestsAtClose = requestedCursors().size();

      await("the page thread ends", () -> started.stream().noneMatch(Thread::isAlive));
    }
    // At most the request in flight at the close went out after it.
    assertThat(requestedCursors().size()).isBetween(requestsAtClose, requestsAtClose + 1);
    assertThat(requestedCursors().size()).isLessThan(pages);
  }

  @Test
  void aConsumerThatStopsEarlyInsideTryWithResourcesLeavesNoThread() {
    stubPages(20, 3);
    Set<Thread> before = pageThreads();

    try (ScimClient client = client()) {
      try (Stream<ObjectNode> trees = client.listUsersAsTrees()) {
        // findFirst stops the consumer early: page 2 of 20 is the last one it looks at.
        assertThat(
                trees
                    .map(ScimClientCursorChainIT::id)
                    .filter(id -> id.startsWith("u1-"))
                    .findFirst())
            .contains("u1-0");
      }
      await(
          "every page thread of the listing ends",
          () -> pageThreads().stream().allMatch(before::contains));
    }
    assertThat(requestedCursors().size()).isLessThan(20);
  }
}
