package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScimClientPagingIT {

  @RegisterExtension static WireMockExtension wm = ScimWireMock.server();

  static String users(String extra, String... ids) {
    String resources =
        Stream.of(ids)
            .map(
                id ->
                    "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\""
                        + id
                        + "\",\"userName\":\"user-"
                        + id
                        + "\"}")
            .collect(Collectors.joining(","));
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
        + extra
        + "\"Resources\":["
        + resources
        + "]}";
  }

  private void stubCursorPage(String cursor, String body) {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users"))
            .withQueryParam("cursor", equalTo(cursor))
            .willReturn(aResponse().withStatus(200).withBody(body)));
  }

  @Test
  void followsNextCursorThroughShortAndEmptyPages() {
    stubCursorPage("", users("\"itemsPerPage\":2,\"nextCursor\":\"c1\",", "u1", "u2"));
    stubCursorPage("c1", users("\"itemsPerPage\":0,\"nextCursor\":\"c2\",", new String[0]));
    stubCursorPage("c2", users("\"itemsPerPage\":1,", "u3"));

    try (ScimClient client =
        ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER)) {
      List<String> ids = client.listUsers().map(ScimUser::getId).toList();

      assertThat(ids).containsExactly("u1", "u2", "u3");
    }
    List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlPathEqualTo("/scim/v2/Users")));
    assertThat(requests)
        .extracting(r -> r.queryParameter("cursor").firstValue())
        .containsExactly("", "c1", "c2");
    assertThat(requests)
        .allSatisfy(r -> assertThat(r.queryParameter("count").firstValue()).isEqualTo("100"));
    assertThat(requests)
        .allSatisfy(r -> assertThat(r.queryParameter("startIndex").isPresent()).isFalse());
  }

  @Test
  void listsUsersAsTheTreesTheServerSentThroughTheSameCursorChain() {
    stubCursorPage("", users("\"nextCursor\":\"c1\",", "u1", "u2"));
    stubCursorPage(
        "c1",
        "{\"Resources\":[{\"id\":\"u3\",\"userName\":\"user-u3\",\"title\":\"Boss\","
            + "\"meta\":{\"resourceType\":\"User\"},\"x-vendor\":{\"kept\":true}}]}");

    try (ScimClient client =
        ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER)) {
      List<ObjectNode> trees = client.listUsersAsTrees().toList();

      assertThat(trees).extracting(t -> t.get("id").asText()).containsExactly("u1", "u2", "u3");
      assertThat(trees.get(0).get("schemas").get(0).asText())
          .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
      assertThat(trees.get(2).get("title").asText()).isEqualTo("Boss");
      assertThat(trees.get(2).get("meta").get("resourceType").asText()).isEqualTo("User");
      assertThat(trees.get(2).get("x-vendor").get("kept").asBoolean()).isTrue();
    }
    List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlPathEqualTo("/scim/v2/Users")));
    assertThat(requests)
        .extracting(r -> r.queryParameter("cursor").firstValue())
        .containsExactly("", "c1");
  }

  @Test
  void aListedResourceThatIsNotAnObjectIsAServerError() {
    stubCursorPage("", "{\"Resources\":[\"u1\"]}");

    try (ScimClient client =
        ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER)) {
      assertThatThrownBy(() -> client.listUsersAsTrees().toList())
          .isInstanceOf(ScimServerException.class)
          .hasMessageContaining("not a JSON object");
    }
  }

  @Test
  void listsGroupTreesPageByPageWithStartIndexForGenericTargets() {
    for (int start = 1; start <= 3; start += 2) {
      wm.stubFor(
          get(urlPathEqualTo("/scim/v2/Groups"))
              .withQueryParam("startIndex", equalTo(String.valueOf(start)))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withBody(
                          "{\"totalResults\":3,\"Resources\":["
                              + (start == 1
                                  ? "{\"id\":\"g1\",\"displayName\":\"A\"},"
                                      + "{\"id\":\"g2\",\"displayName\":\"B\"}"
                                  : "{\"id\":\"g3\",\"displayName\":\"C\"}")
                              + "]}")));
    }

    try (ScimClient client = ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.GENERIC)) {
      assertThat(client.listGroupsAsTrees().map(t -> t.get("displayName").asText()))
          .containsExactly("A", "B", "C");
    }
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/scim/v2/Groups"))))
        .extracting(r -> r.queryParameter("startIndex").firstValue())
        .containsExactly("1", "3");
  }

  @Test
  void continuesByIndexWhenACursorAnswerHasNoCursorButMoreResults() {
    // An older-style answer: the cursor is ignored, a short page, totalResults says 3.
    stubCursorPage("", users("\"totalResults\":3,\"startIndex\":1,", "u1", "u2"));
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Users"))
            .withQueryParam("startIndex", equalTo("3"))
            .willReturn(aResponse().withStatus(200).withBody(users("\"totalResults\":3,", "u3"))));

    try (ScimClient client =
        ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER)) {
      assertThat(client.listUsers().map(ScimUser::getId)).containsExactly("u1", "u2", "u3");
    }
    wm.verify(2, getRequestedFor(urlPathEqualTo("/scim/v2/Users")));
  }

  @Test
  void sendsNoRequestBeforeTheStreamIsConsumed() {
    stubCursorPage("", users("\"nextCursor\":\"c1\",", "u1", "u2"));
    stubCursorPage("c1", users("", "u3"));

    try (ScimClient client =
            ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER);
        Stream<String> ids = client.listUsers().map(ScimUser::getId)) {
      wm.verify(0, getRequestedFor(urlPathEqualTo("/scim/v2/Users")));

      assertThat(ids.limit(2).toList()).containsExactly("u1", "u2");
    }
    wm.verify(
        getRequestedFor(urlPathEqualTo("/scim/v2/Users")).withQueryParam("cursor", equalTo("")));
  }

  @Test
  void stopsWithAnErrorWhenTheCursorDoesNotAdvance() {
    stubCursorPage("", users("\"nextCursor\":\"same\",", "u1"));
    stubCursorPage("same", users("\"nextCursor\":\"same\",", "u2"));

    try (ScimClient client =
        ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER)) {
      assertThatThrownBy(() -> client.listUsers().toList())
          .isInstanceOf(ScimServerException.class)
          .hasMessageContaining("nextCursor");
    }
  }

  @Test
  void pagesWithStartIndexUntilTotalResultsForGenericTargets() {
    String[] all = IntStream.rangeClosed(1, 5).mapToObj(i -> "u" + i).toArray(String[]::new);
    // The server hands out at most two per page, fewer than the count asked for.
    for (int start = 1; start <= 5; start += 2) {
      String[] page =
          List.of(all).subList(start - 1, Math.min(start + 1, 5)).toArray(String[]::new);
      wm.stubFor(
          get(urlPathEqualTo("/scim/v2/Users"))
              .withQueryParam("startIndex", equalTo(String.valueOf(start)))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withBody(
                          users(
                              "\"totalResults\":5,\"startIndex\":"
                                  + start
                                  + ",\"itemsPerPage\":"
                                  + page.length
                                  + ",",
                              page))));
    }

    try (ScimClient client = ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.GENERIC)) {
      assertThat(client.listUsers().map(ScimUser::getId)).containsExactly(all);
    }
    List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlPathEqualTo("/scim/v2/Users")));
    assertThat(requests)
        .extracting(r -> r.queryParameter("startIndex").firstValue())
        .containsExactly("1", "3", "5");
    assertThat(requests)
        .allSatisfy(r -> assertThat(r.queryParameter("cursor").isPresent()).isFalse());
  }

  @Test
  void listsGroupsWithTheGroupsEndpoint() {
    wm.stubFor(
        get(urlPathEqualTo("/scim/v2/Groups"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"totalResults\":1,\"Resources\":[{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                            + "\"id\":\"g1\",\"displayName\":\"Admins\",\"members\":[]}]}")));

    try (ScimClient client =
        ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER)) {
      assertThat(client.listGroups().map(ScimGroup::getDisplayName)).containsExactly("Admins");
    }
    wm.verify(
        getRequestedFor(urlPathEqualTo("/scim/v2/Groups"))
            .withQueryParam("cursor", equalTo(""))
            .withQueryParam("count", equalTo("100")));
  }
}
