package org.scimsync.engine;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.scimsync.engine.plan.ResourceMapper;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.target.AttributeChange;
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

  /**
   * Changes a user's displayName in the target, as an administrator would in the console, behind
   * the engine's back; returns the user's target id.
   */
  String editDisplayNameInTheTarget(String userName) {
    String id = target.userIdByName(userName).orElseThrow();
    target.patchUser(
        id,
        List.of(
            AttributeChange.replace(
                List.of("displayName"), TextNode.valueOf("Edited in the console"))));
    return id;
  }

  /** Users u0..u(n-1) with mail u{i}@example.org. */
  EngineFixture users(int count) {
    for (int i = 0; i < count; i++) {
      source.user("k" + i, "u" + i + "@example.org", "Given" + i, "Family" + i);
    }
    return this;
  }
}
