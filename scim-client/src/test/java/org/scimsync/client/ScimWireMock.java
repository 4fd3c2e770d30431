package org.scimsync.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import java.net.URI;
import java.time.Duration;
import org.scimsync.common.Secret;

/** Shared set-up of the WireMock tests: a loopback server and clients with tiny backoffs. */
final class ScimWireMock {

  /** A token distinctive enough to be searched for in logs and messages. */
  static final String TOKEN = "tok-3f9a2c71-SECRET-e84b";

  /** Four attempts, 5-20 ms apart: fast tests that still exercise the retry path. */
  static final RetrySettings FAST_RETRY =
      new RetrySettings(4, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(10));

  private ScimWireMock() {}

  static WireMockExtension server() {
    LogCapture.install();
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
        .build();
  }

  static URI baseUrl(WireMockRuntimeInfo info) {
    return URI.create(info.getHttpBaseUrl() + "/scim/v2");
  }

  static ScimClientConfig.Builder config(WireMockRuntimeInfo info, TargetProfile profile) {
    return ScimClientConfig.builder(baseUrl(info), Secret.of(TOKEN), profile)
        .retry(FAST_RETRY)
        .rateLimits(RateLimits.UNLIMITED);
  }

  static ScimClient client(WireMockRuntimeInfo info, TargetProfile profile) {
    return ScimClient.create(config(info, profile).build());
  }
}
