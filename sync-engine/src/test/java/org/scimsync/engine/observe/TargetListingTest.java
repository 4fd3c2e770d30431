package org.scimsync.engine.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.target.InMemoryScimTarget;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetUser;
import org.scimsync.engine.testing.ReplacedUserListing;

/** The listing started ahead of the plan, and the feed of users as they are listed. */
class TargetListingTest {

  private static final int USERS = 500;
  private static final int BEFORE_FEED = 200;

  @Test
  void feedsEveryUserExactlyOnceWhetherListedBeforeOrAfterTheFeedWasSet() throws Exception {
    GatedUsers gated = new GatedUsers(USERS, BEFORE_FEED);
    Map<String, AtomicInteger> fed = new ConcurrentHashMap<>();
    try (TargetListing listing = TargetListing.start(gated.target())) {
      assertThat(gated.reachedGate.await(10, TimeUnit.SECONDS)).isTrue();

      listing.feedUsers(
          u -> fed.computeIfAbsent(u.id(), id -> new AtomicInteger()).incrementAndGet());
      // the users listed before the feed was set were fed on this thread, before it returned
      assertThat(fed).hasSize(BEFORE_FEED);
      gated.gate.countDown();
      List<TargetUser> users = listing.users(() -> false);

      assertThat(users).hasSize(USERS);
      assertThat(users).map(TargetUser::id).doesNotHaveDuplicates();
      assertThat(fed.keySet()).containsExactlyInAnyOrderElementsOf(ids(users));
      assertThat(fed.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }
  }

  @Test
  void aSecondFeedIsRefused() {
    GatedUsers gated = new GatedUsers(3, 3);
    try (TargetListing listing = TargetListing.start(gated.target())) {
      listing.feedUsers(u -> {});

      assertThatThrownBy(() -> listing.feedUsers(u -> {}))
          .isInstanceOf(IllegalStateException.class);
      gated.gate.countDown();
      assertThat(listing.users(() -> false)).hasSize(3);
    }
  }

  private static List<String> ids(List<TargetUser> users) {
    return users.stream().map(TargetUser::id).toList();
  }

  /** A target whose user listing stops after {@code gateAt} users until {@link #gate} opens. */
  private static final class GatedUsers {
    final CountDownLatch reachedGate = new CountDownLatch(1);
    final CountDownLatch gate = new CountDownLatch(1);
    private final int total;
    private final int gateAt;
    private final InMemoryScimTarget groups = InMemoryScimTarget.aws();

    GatedUsers(int total, int gateAt) {
      this.total = total;
      this.gateAt = gateAt;
    }

    ScimTarget target() {
      return ReplacedUserListing.of(groups, this::users);
    }

    private Stream<TargetUser> users() {
      Iterator<TargetUser> all =
          IntStream.range(0, total)
              .mapToObj(
                  i ->
                      new TargetUser(
                          "u" + i,
                          "k" + i,
                          "user" + i + "@x",
                          JsonNodeFactory.instance.objectNode()))
              .iterator();
      Iterator<TargetUser> gated =
          new Iterator<>() {
            private int handed;

            @Override
            public boolean hasNext() {
              if (handed == gateAt) {
                reachedGate.countDown();
                try {
                  if (!gate.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gate never opened");
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException("interrupted at the gate", e);
                }
              }
              return all.hasNext();
            }

            @Override
            public TargetUser next() {
              if (!hasNext()) {
                throw new NoSuchElementException();
              }
              handed++;
              return all.next();
            }
          };
      return StreamSupport.stream(
          Spliterators.spliteratorUnknownSize(gated, Spliterator.ORDERED), false);
    }
  }
}
