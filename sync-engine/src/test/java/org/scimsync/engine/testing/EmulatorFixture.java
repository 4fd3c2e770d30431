package org.scimsync.engine.testing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.scimsync.client.ConsistencySettings;
import org.scimsync.client.RateLimits;
import org.scimsync.client.ScimClient;
import org.scimsync.client.ScimClientConfig;
import org.scimsync.client.TargetProfile;
import org.scimsync.common.Secret;
import org.scimsync.emulator.EmulatorProfile;
import org.scimsync.emulator.ScimEmulator;
import org.scimsync.engine.RunReport;
import org.scimsync.engine.SyncEngine;
import org.scimsync.engine.SyncOptions;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.scim.ScimClientTarget;

/**
 * The engine against the emulator (AWS profile) through the real SCIM client: a directory, an
 * in-memory state store and a clock, and clients for the emulator's tenant or a wrong one. Close it
 * after each test.
 */
public final class EmulatorFixture implements AutoCloseable {

  private static final String TOKEN = "emulator-fixture-token-not-a-secret";

  public final ScimEmulator emulator;
  public final ListDirectorySource source = new ListDirectorySource();
  public final InMemoryStateStore store = new InMemoryStateStore();
  public final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  public final SyncPolicy policy =
      new SyncPolicy(
          SyncPolicy.UserDeprovision.DELETE,
          SyncPolicy.GroupDeprovision.DELETE,
          50,
          50,
          Duration.ofHours(6),
          4);
  private final List<ScimClient> clients = new ArrayList<>();

  public EmulatorFixture() {
    this.emulator =
        ScimEmulator.builder()
            .profile(EmulatorProfile.AWS_IDENTITY_CENTER)
            .port(0)
            .token(TOKEN)
            .build()
            .start();
  }

  /** A client of the emulator's tenant, with the default consistency retries. */
  public ScimClient client() {
    return client(emulator.baseUri(), ConsistencySettings.DEFAULT);
  }

  /** A client of the emulator's tenant with these consistency retries. */
  public ScimClient client(ConsistencySettings consistency) {
    return client(emulator.baseUri(), consistency);
  }

  /** A client whose base URL names a tenant the emulator does not know. */
  public ScimClient wrongTenantClient() {
    String base = emulator.baseUri().toString();
    String tenant = "/" + emulator.tenant() + "/";
    return client(
        URI.create(base.replace(tenant, "/t-does-not-exist/")), ConsistencySettings.DEFAULT);
  }

  private ScimClient client(URI baseUrl, ConsistencySettings consistency) {
    ScimClient client =
        ScimClient.create(
            ScimClientConfig.builder(baseUrl, Secret.of(TOKEN), TargetProfile.AWS_IDENTITY_CENTER)
                .rateLimits(RateLimits.UNLIMITED)
                .consistency(consistency)
                .build());
    clients.add(client);
    return client;
  }

  /** The engine with the given target and this fixture's directory, store and clock. */
  public SyncEngine engine(ScimTarget target) {
    return new SyncEngine(source, new SimpleMapper(), target, store, policy, clock);
  }

  /** The engine through {@link #client()}. */
  public SyncEngine engine() {
    return engine(new ScimClientTarget(client()));
  }

  /** A full run through {@link #client()}, a minute after the last one. */
  public RunReport full() {
    return run(engine(), true);
  }

  /** An incremental run through {@link #client()}, a minute after the last one. */
  public RunReport incremental() {
    return run(engine(), false);
  }

  /** A run of {@code engine}, a minute after the last one. */
  public RunReport run(SyncEngine engine, boolean full) {
    clock.advance(Duration.ofMinutes(1));
    return engine.run(SyncOptions.of("test").withFull(full));
  }

  /** Users k0..k(n-1) with mail u{i}@example.org. */
  public EmulatorFixture users(int count) {
    for (int i = 0; i < count; i++) {
      source.user("k" + i, "u" + i + "@example.org", "Given" + i, "Family" + i);
    }
    return this;
  }

  @Override
  public void close() {
    clients.forEach(ScimClient::close);
    emulator.close();
  }
}
