package org.scimsync.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScimClientRateLimitIT {

  @RegisterExtension static WireMockExtension wm = ScimWireMock.server();

  private static final String USER =
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"u1\",\"userName\":\"ann\"}";
  private static final String GROUP =
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"id\":\"g1\",\"displayName\":\"G\"}";

  private static long millis(LoggedRequest request) {
    return request.getLoggedDate().getTime();
  }

  private ScimClient slowWrites() {
    // One write every 2 s per operation; reads unlimited.
    return ScimClient.create(
        ScimWireMock.config(wm.getRuntimeInfo(), TargetProfile.AWS_IDENTITY_CENTER)
            .rateLimits(new RateLimits(0, 0.5))
            .build());
  }

  private static long spanMillis(List<LoggedRequest> requests) {
    return millis(requests.get(requests.size() - 1)) - millis(requests.get(0));
  }

  @Test
  void pacesCallsOfOneOperation() {
    wm.stubFor(
        post(urlPathEqualTo("/scim/v2/Users"))
            .willReturn(aResponse().withStatus(201).withBody(USER)));

    try (ScimClient client = slowWrites()) {
      for (int i = 0; i < 3; i++) {
        client.createUser(new ScimUser());
      }
    }
    // A smooth limiter grants one permit per 2 s slot: three calls span at least one full slot.
    assertThat(spanMillis(wm.findAll(postRequestedFor(urlPathEqualTo("/scim/v2/Users")))))
        .isGreaterThanOrEqualTo(1950);
  }

  @Test
  void limitsEachWriteOperationOnItsOwn() {
    wm.stubFor(
        post(urlPathEqualTo("/scim/v2/Users"))
            .willReturn(aResponse().withStatus(201).withBody(USER)));
    wm.stubFor(
        post(urlPathEqualTo("/scim/v2/Groups"))
            .willReturn(aResponse().withStatus(201).withBody(GROUP)));
    wm.stubFor(
        patch(urlPathMatching("/scim/v2/(Users|Groups)/x"))
            .willReturn(aResponse().withStatus(204)));
    wm.stubFor(
        delete(urlPathMatching("/scim/v2/(Users|Groups)/x"))
            .willReturn(aResponse().withStatus(204)));
    List<PatchOperation> rename =
        List.of(
            new PatchOperation()
                .setOperation(PatchOperation.Type.REPLACE)
                .setValue(Map.of("displayName", "n")));

    try (ScimClient client = slowWrites()) {
      client.createUser(new ScimUser());
      client.createGroup(new ScimGroup());
      client.patchUser("x", rename);
      client.patchGroup("x", rename);
      client.deleteUser("x");
      client.deleteGroup("x");
    }
    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(urlPathMatching("/scim/v2/.*")));
    assertThat(requests).hasSize(6);
    // Six writes through one shared limiter would need at least four 2 s slots (8 s); each
    // operation has its own limiter, so none waited for another.
    assertThat(spanMillis(requests)).isLessThan(6000);
  }

  @Test
  void servesManyThreadsAtOnce() throws Exception {
    wm.stubFor(
        get(urlPathMatching("/scim/v2/Users/u[0-9]+"))
            .willReturn(aResponse().withStatus(200).withBody(USER).withFixedDelay(20)));
    int threads = 32;
    int callsPerThread = 4;
    List<Future<Integer>> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (ScimClient client = ScimWireMock.client(wm.getRuntimeInfo(), TargetProfile.GENERIC)) {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  int found = 0;
                  for (int i = 0; i < callsPerThread; i++) {
                    found +=
                        client.getUser("u" + (thread * callsPerThread + i)).isPresent() ? 1 : 0;
                  }
                  return found;
                }));
      }
      int found = 0;
      for (Future<Integer> result : results) {
        found += result.get();
      }

      assertThat(found).isEqualTo(threads * callsPerThread);
      assertThat(client.stats().attemptsByApi())
          .containsEntry("GetUser", (long) threads * callsPerThread);
    } finally {
      pool.shutdownNow();
    }
    wm.verify(threads * callsPerThread, getRequestedFor(urlPathMatching("/scim/v2/Users/u[0-9]+")));
  }
}
