package org.scimsync.engine;

import java.time.Duration;
import java.time.Instant;
import org.scimsync.engine.target.InMemoryScimTarget;
import org.scimsync.engine.testing.InMemoryStateStore;
import org.scimsync.engine.testing.ListDirectorySource;
import org.scimsync.engine.testing.MutableClock;
import org.scimsync.engine.testing.SimpleMapper;

/** A directory, an AWS-like target, a state store and a clock, wired into engines. */
final class EngineFixture {

  final ListDirectorySource source = new ListDirectorySource();
  final InMemoryScimTarget target = InMemoryScimTarget.aws();
  final InMemoryStateStore store = new InMemoryStateStore();
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  SyncPolicy policy =
      new SyncPolicy(
          SyncPolicy.UserDeprovision.DELETE,
          SyncPolicy.GroupDeprovision.DELETE,
          50,
          50,
          Duration.ofHours(6),
          4);

  ResourceMapper mapper = new SimpleMapper();

  SyncEngine engine() {
    return new SyncEngine(source, mapper, target, store, policy, clock);
  }

  RunReport run(SyncOptions options) {
    clock.advance(Duration.ofMinutes(1));
    return engine().run(options);
  }

  RunReport full() {
    return run(SyncOptions.of("test").withFull(true));
  }

  /** Users u0..u(n-1) with mail u{i}@example.org. */
  EngineFixture users(int count) {
    for (int i = 0; i < count; i++) {
      source.user("k" + i, "u" + i + "@example.org", "Given" + i, "Family" + i);
    }
    return this;
  }
}
