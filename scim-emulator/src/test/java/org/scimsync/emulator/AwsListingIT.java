package org.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.emulator.AwsUserRulesIT.assertAwsError;
import static org.scimsync.emulator.ScimHttp.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AWS listing: cursor paging with short pages, and the restricted filter grammar. */
class AwsListingIT extends EmulatorTestBase {
  static final int USERS = 250;
  final List<String> ids = new ArrayList<>();

  @Override
  boolean resetBeforeEach() {
    return false;
  }

  @BeforeAll
  void seed() {
    for (int i = 0; i < USERS; i++) {
      ids.add(emulator.seedUser("user" + i, "ext" + i));
    }
  }

  @Test
  void cursorWalkReturnsEveryUserOnceAcrossShortPages() {
    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String cursor = "";
    int pages = 0;
    while (cursor != null) {
      JsonNode page = scim.get("/Users?count=100&cursor=" + cursor).json();
      assertThat(page.has("totalResults")).isFalse();
      assertThat(page.get("itemsPerPage").asInt()).isEqualTo(page.get("Resources").size());
      page.get("Resources").forEach(u -> seen.add(u.get("id").asText()));
      pageSizes.add(page.get("Resources").size());
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
      assertThat(++pages).isLessThan(10);
    }

    assertThat(seen).containsExactlyElementsOf(ids);
    assertThat(pageSizes).containsExactly(100, 50, 100);
  }

  @Test
  void firstCursorPageDefaultsTo100() {
    JsonNode page = scim.get("/Users?cursor=").json();

    assertThat(page.get("Resources").size()).isEqualTo(100);
    assertThat(page.get("nextCursor").asText()).isNotEmpty();
  }

  @Test
  void withoutCursorOnlyTheFirstPageIsServedWithTotalResults() {
    JsonNode page = scim.get("/Users?count=10").json();

    assertThat(page.get("totalResults").asInt()).isEqualTo(USERS);
    assertThat(page.get("startIndex").asInt()).isEqualTo(1);
    assertThat(page.get("Resources").size()).isEqualTo(10);
    assertThat(page.has("nextCursor")).isFalse();
    assertAwsError(scim.get("/Users?startIndex=11&count=10"), 400, "startIndex");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "abc"})
  void refusesCountOutside1To100(String count) {
    assertThat(scim.get("/Users?cursor=&count=" + count).status()).isEqualTo(400);
  }

  @Test
  void refusesForgedCursor() {
    assertAwsError(scim.get("/Users?cursor=not-a-cursor!"), 400, "cursor");
  }

  @Test
  void filtersByUserNameCaseInsensitivelyAndByExternalId() {
    JsonNode byName = scim.get("/Users?" + filter("userName eq \"USER7\"")).json();
    JsonNode byExternalId = scim.get("/Users?" + filter("externalId eq \"ext8\"")).json();
    JsonNode both =
        scim.get("/Users?" + filter("userName eq \"user8\" and externalId eq \"ext9\"")).json();
    JsonNode byId = scim.get("/Users?" + filter("id eq \"" + ids.get(3) + "\"")).json();

    assertThat(byName.get("totalResults").asInt()).isEqualTo(1);
    assertThat(byName.get("Resources").get(0).get("id").asText()).isEqualTo(ids.get(7));
    assertThat(byExternalId.get("Resources").get(0).get("id").asText()).isEqualTo(ids.get(8));
    assertThat(both.get("totalResults").asInt()).isZero();
    assertThat(byId.get("Resources").get(0).get("userName").asText()).isEqualTo("user3");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "userName co \"user\"",
        "userName sw \"user1\"",
        "userName eq \"user1\" or userName eq \"user2\"",
        "displayName eq \"user1\"",
        "emails.value eq \"x@y.z\"",
        "not (userName eq \"user1\")",
        "userName pr",
        "active eq true",
        "manager eq \"x\"",
        "userName eq"
      })
  void refusesFiltersOutsideTheAwsGrammar(String expression) {
    ScimHttp.Answer answer = scim.get("/Users?" + filter(expression));

    assertThat(answer.status()).as(expression).isEqualTo(400);
    assertThat(answer.json().get("status").asText()).isEqualTo("400");
  }

  @Test
  void groupsOfOneUserFilterPagesToo() {
    Set<String> groupIds = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      groupIds.add(emulator.seedGroup("paged-" + i, null, List.of(ids.get(0))));
    }
    Set<String> seen = new HashSet<>();
    String cursor = "";
    while (cursor != null) {
      JsonNode page =
          scim.get(
                  "/Groups?count=2&cursor="
                      + cursor
                      + "&"
                      + filter("members.value eq \"" + ids.get(0) + "\""))
              .json();
      page.get("Resources").forEach(g -> seen.add(g.get("id").asText()));
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
    }

    assertThat(seen).isEqualTo(groupIds);
  }
}
