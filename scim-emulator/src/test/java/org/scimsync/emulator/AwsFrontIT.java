package org.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scimsync.emulator.AwsUserRulesIT.assertAwsError;
import static org.scimsync.emulator.ScimHttp.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an AWS client meets before and around the SCIM rules: the unknown tenant, the request ids
 * and error bodies, and the strict front's switches (PATCH without {@code User-Agent}, chunked
 * request bodies).
 */
class AwsFrontIT extends EmulatorTestBase {
  static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

  @Override
  ScimEmulator.Builder configure(ScimEmulator.Builder builder) {
    return builder.tenant("t-1234");
  }

  private ScimHttp otherTenant() {
    return new ScimHttp(
        URI.create(emulator.baseUri().toString().replace("t-1234", "t-9999")), "emulator-token");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /Users",
        "GET /Groups",
        "GET /Users/u-1",
        "GET /Groups/g-1",
        "POST /Users",
        "PATCH /Groups/g-1",
        "PUT /Users/u-1",
        "DELETE /Users/u-1",
        "GET /ServiceProviderConfig"
      })
  void unknownTenantIsNotFoundOnEveryPath(String request) {
    String[] parts = request.split(" ");
    Object body = parts[0].equals("GET") || parts[0].equals("DELETE") ? null : user("ann");

    ScimHttp.Answer answer = otherTenant().send(parts[0], parts[1], body);

    assertAwsError(answer, 404, "TENANT does not exist.");
    assertThat(answer.json().get("detail").asText()).isEqualTo("TENANT does not exist.");
    assertThat(emulator.snapshot().users()).isEmpty();
  }

  @Test
  void unknownTenantIsNotFoundEvenWithoutAToken() {
    ScimHttp noToken =
        new ScimHttp(URI.create(emulator.baseUri().toString().replace("t-1234", "t-9999")), null);

    assertAwsError(noToken.get("/Users"), 404, "TENANT does not exist.");
  }

  @Test
  void errorBodyCarriesTheAwsFields() {
    ScimHttp.Answer first = scim.get("/Users/nobody");
    ScimHttp.Answer second = scim.get("/Users/nobody");

    JsonNode body = first.json();
    assertThat(body.get("schema")).containsExactly(ScimHttp.JSON.getNodeFactory().textNode(ERROR));
    assertThat(body.get("schemas")).containsExactly(ScimHttp.JSON.getNodeFactory().textNode(ERROR));
    assertThat(body.get("status").isTextual()).isTrue();
    assertThat(body.get("status").asText()).isEqualTo("404");
    assertThat(body.has("scimType")).isFalse();
    String requestId = body.get("exceptionRequestId").asText();
    assertThat(UUID.fromString(requestId).toString()).isEqualTo(requestId);
    assertThat(first.header("x-amzn-RequestId")).hasValue(requestId);
    assertThat(second.json().get("exceptionRequestId").asText()).isNotEqualTo(requestId);
    assertThat(body.get("timeStamp").asText())
        .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
  }

  @Test
  void everyAnswerCarriesAFreshRequestId() {
    ScimHttp.Answer created = scim.post("/Users", user("bea"));
    String id = created.json().get("id").asText();
    List<ScimHttp.Answer> answers =
        List.of(
            created,
            scim.get("/Users/" + id),
            scim.get("/Users?cursor="),
            scim.get("/ServiceProviderConfig"),
            scim.delete("/Users/" + id),
            scim.get("/Users/" + id));

    Set<String> ids = new HashSet<>();
    for (ScimHttp.Answer answer : answers) {
      String requestId = answer.header("x-amzn-RequestId").orElseThrow();
      assertThat(UUID.fromString(requestId).toString()).isEqualTo(requestId);
      ids.add(requestId);
    }
    assertThat(ids).hasSize(answers.size());
  }

  private int patches;

  private RawHttp.Response rawPatch(String id, Map<String, String> extraHeaders) {
    Map<String, String> headers = new java.util.LinkedHashMap<>(extraHeaders);
    headers.put("Authorization", "Bearer emulator-token");
    headers.put("Content-Type", "application/scim+json");
    String body =
        ScimHttp.write(
            ScimHttp.patchOp(
                "replace", "title", ScimHttp.JSON.getNodeFactory().textNode("T" + ++patches)));
    return RawHttp.send(
        emulator.baseUri(), "PATCH", "/Users/" + id, headers, body, RawHttp.Framing.CONTENT_LENGTH);
  }

  @Test
  void patchWithoutUserAgentIsBlockedByDefaultAndCanBeSwitchedOff() {
    String id = emulator.seedUser("cai", null);
    emulator.quirks(ServerQuirks.none());
    assertThat(rawPatch(id, Map.of()).status()).as("switched off").isEqualTo(204);
    emulator.quirks(ServerQuirks.none().withPatchNeedsUserAgent(true));
    String before = emulator.snapshot().user(id).orElseThrow().json().get("title").asText();

    RawHttp.Response blocked = rawPatch(id, Map.of());
    RawHttp.Response blank = rawPatch(id, Map.of("User-Agent", " "));

    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.body()).contains("User-Agent").contains("\"status\":\"403\"");
    assertThat(blocked.headers()).containsEntry("x-amzn-errortype", "AccessDeniedException");
    assertThat(blank.status()).isEqualTo(403);
    assertThat(emulator.snapshot().user(id).orElseThrow().json().get("title").asText())
        .isEqualTo(before);
    assertThat(rawPatch(id, Map.of("User-Agent", "scim-sync/1.0")).status()).isEqualTo(204);
    assertThat(scim.get("/Users/" + id).status()).isEqualTo(200);
  }

  private RawHttp.Response rawCreate(String userName, RawHttp.Framing framing) {
    return RawHttp.send(
        emulator.baseUri(),
        "POST",
        "/Users",
        Map.of(
            "Authorization", "Bearer emulator-token",
            "Content-Type", "application/scim+json",
            "User-Agent", "raw-test"),
        ScimHttp.write(user(userName)),
        framing);
  }

  @Test
  void chunkedBodyIsRefusedOnlyWhenSwitchedOn() {
    assertThat(rawCreate("dee", RawHttp.Framing.CHUNKED).status())
        .as("off by default")
        .isEqualTo(201);
    emulator.quirks(ServerQuirks.none().withChunkedBodiesRefused(true));

    RawHttp.Response refused = rawCreate("eve", RawHttp.Framing.CHUNKED);

    assertThat(refused.status()).isEqualTo(411);
    assertThat(refused.body()).contains("Content-Length");
    assertThat(emulator.snapshot().userByUserName("eve")).isEmpty();
    assertThat(rawCreate("eve", RawHttp.Framing.CONTENT_LENGTH).status()).isEqualTo(201);
  }
}
