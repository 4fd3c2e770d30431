package org.scimsync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.DirectorySource;
import org.scimsync.engine.source.SourceException;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetException;
import org.scimsync.engine.target.TargetUser;
import org.scimsync.engine.testing.Eventually;
import org.scimsync.engine.testing.ReplacedUserListing;
import org.scimsync.engine.testing.SimpleMapper;

/**
 * The reads of one run happen at the same time: the target's listing runs while the directory is
 * read, a source failure cancels the listing and is what the run reports, a listing failure is
 * reported as before, and the stop signal ends a run that is still reading.
 */
class SyncEngineConcurrentReadsTest {

  /**
   * How long a test waits for the other side before it fails (a sequential engine never gets it).
   */
  private static final long WAIT_SECONDS = 10;

  private final EngineFixture f = new EngineFixture();
  private final CountDownLatch listingStarted = new CountDownLatch(1);
  private final CountDownLatch listingClosed = new CountDownLatch(1);
  private final AtomicBoolean listingInterrupted = new AtomicBoolean();

  @ParameterizedTest
  @ValueSource(strings = {"forced-full", "full-because-never-run", "dry-run"})
  void listsTheTargetWhileTheSourceIsStillBeingRead(String kind) {
    f.users(3).source.group("g1", "aws-admins", List.of("k0", "k1"));
    if (!kind.equals("full-because-never-run")) {
      f.full();
    }
    f.target.clearRequests();
    AtomicBoolean sawListing = new AtomicBoolean();
    DirectorySource source =
        readingAfter(
            () -> {
              sawListing.set(await(listingStarted));
              if (!sawListing.get()) {
                throw new SourceException(
                    SourceException.Kind.UNAVAILABLE, "the listing did not start during the read");
              }
            });
    SyncEngine engine = engine(source, observed(f.target, this::plainListing));

    Plan plan =
        switch (kind) {
          case "forced-full" -> engine.run(SyncOptions.of("test").withFull(true)).plan();
          case "full-because-never-run" -> engine.run(SyncOptions.of("schedule")).plan();
          default -> engine.plan(SyncOptions.of("cli").withFull(true));
        };

    assertThat(sawListing).isTrue();
    assertThat(plan.full()).isTrue();
    if (kind.equals("full-because-never-run")) {
      assertThat(f.target.userCount()).isEqualTo(3);
    } else {
      assertThat(plan.changes()).isEmpty();
      assertThat(f.target.requests()).containsExactlyInAnyOrder("GET /Users", "GET /Groups");
    }
    Eventually.await(
        Duration.ofSeconds(WAIT_SECONDS), "listing threads ended", () -> listThreads() == 0);
  }

  @Test
  void anIncrementalRunListsNothingWhileTheSourceIsRead() {
    f.users(3);
    f.full();
    f.target.clearRequests();
    SyncEngine engine = engine(f.source, observed(f.target, this::plainListing));

    RunReport report = engine.run(SyncOptions.of("schedule"));

    assertThat(report.plan().full()).isFalse();
    assertThat(listingStarted.getCount()).isEqualTo(1);
    assertThat(f.target.requests()).isEmpty();
  }

  @Test
  void aSourceFailureCancelsTheListingAndIsWhatTheRunReports() {
    f.users(3);
    DirectorySource source =
        readingAfter(
            () -> {
              await(listingStarted);
              throw new SourceException(SourceException.Kind.UNAVAILABLE, "connection refused");
            });
    SyncEngine engine = engine(source, observed(f.target, this::endlessListing));

    assertThatThrownBy(() -> engine.run(SyncOptions.of("test").withFull(true)))
        .isInstanceOfSatisfying(
            SyncException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
              assertThat(e.getMessage()).isEqualTo("cannot read list:test: connection refused");
            });

    assertThat(await(listingClosed)).as("listing stream closed").isTrue();
    assertThat(listingInterrupted).as("page in flight interrupted").isTrue();
    Eventually.await(
        Duration.ofSeconds(WAIT_SECONDS), "listing threads ended", () -> listThreads() == 0);
    assertThat(f.store.recentRuns(1).get(0).summary().status()).isEqualTo(RunStatus.FAILED);
    assertThat(f.target.writeCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UNAUTHORIZED", "UNAVAILABLE", "BAD_REQUEST"})
  void aListingFailureIsReportedAsBefore(String failure) {
    TargetException.Kind kind = TargetException.Kind.valueOf(failure);
    f.users(3);
    SyncEngine engine =
        engine(
            f.source,
            observed(
                f.target,
                () -> {
                  listingStarted.countDown();
                  throw new TargetException(kind, 500, "listing refused");
                }));

    assertThatThrownBy(() -> engine.run(SyncOptions.of("test").withFull(true)))
        .isInstanceOfSatisfying(
            SyncException.class,
            e -> {
              assertThat(e.kind())
                  .isEqualTo(
                      kind == TargetException.Kind.BAD_REQUEST
                          ? ErrorKind.INVALID_INPUT
                          : ErrorKind.UNAVAILABLE);
              assertThat(e.getMessage()).isEqualTo("cannot read the target: listing refused");
            });
    assertThat(f.store.recentRuns(1).get(0).summary().status()).isEqualTo(RunStatus.FAILED);
    assertThat(f.target.writeCount()).isZero();
  }

  @Test
  void whenBothFailTheSourceFailureIsReported() {
    f.users(3);
    CountDownLatch listingFailed = new CountDownLatch(1);
    DirectorySource source =
        readingAfter(
            () -> {
              await(listingFailed);
              throw new SourceException(SourceException.Kind.INVALID_INPUT, "line 3: bad entry");
            });
    SyncEngine engine =
        engine(
            source,
            observed(
                f.target,
                () -> {
                  listingFailed.countDown();
                  throw new TargetException(TargetException.Kind.UNAVAILABLE, 503, "down");
                }));

    assertThatThrownBy(() -> engine.run(SyncOptions.of("test").withFull(true)))
        .isInstanceOfSatisfying(
            SyncException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
              assertThat(e.getMessage()).isEqualTo("cannot read list:test: line 3: bad entry");
            });
  }

  @Test
  void theStopSignalEndsARunStillListingAndNothingIsWritten() {
    f.users(3);
    AtomicBoolean stop = new AtomicBoolean();
    SyncEngine engine = stoppedWhileListing(stop);

    RunReport report =
        engine.run(SyncOptions.of("serve").withFull(true).withStopRequested(stop::get));

    assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(report.message()).isEqualTo("stopped by shutdown");
    assertThat(report.plan().changes()).isEmpty();
    assertThat(await(listingClosed)).isTrue();
    Eventually.await(
        Duration.ofSeconds(WAIT_SECONDS), "listing threads ended", () -> listThreads() == 0);
    assertThat(f.store.recentRuns(1).get(0).summary().message()).isEqualTo("stopped by shutdown");
    assertThat(f.target.writeCount()).isZero();
    assertThat(f.run(SyncOptions.of("cli").withFull(true)).plan().changes()).hasSize(3);
  }

  @Test
  void aDryRunStoppedWhileListingIsAnError() {
    f.users(3);
    AtomicBoolean stop = new AtomicBoolean();
    SyncEngine engine = stoppedWhileListing(stop);

    assertThatThrownBy(
            () -> engine.plan(SyncOptions.of("cli").withFull(true).withStopRequested(stop::get)))
        .isInstanceOfSatisfying(
            SyncException.class,
            e -> assertThat(e.getMessage()).startsWith("stopped by shutdown before the plan"));
    assertThat(await(listingClosed)).isTrue();
  }

  // ---- fixtures ----------------------------------------------------------------------------

  /** An engine whose listing never ends and which raises {@code stop} once it has started. */
  private SyncEngine stoppedWhileListing(AtomicBoolean stop) {
    return engine(
        f.source,
        observed(
            f.target,
            () -> {
              stop.set(true);
              return endlessListing();
            }));
  }

  private SyncEngine engine(DirectorySource source, ScimTarget target) {
    return new SyncEngine(source, new SimpleMapper(), target, f.store, f.policy, f.clock);
  }

  /** The fixture's directory, read after {@code before} ran (which may block or throw). */
  private DirectorySource readingAfter(Runnable before) {
    return new DirectorySource() {
      @Override
      public DirectorySnapshot read() {
        before.run();
        return f.source.read();
      }

      @Override
      public String describe() {
        return f.source.describe();
      }
    };
  }

  /** The target, with its user listing replaced by {@code users}. */
  private static ScimTarget observed(ScimTarget target, Supplier<Stream<TargetUser>> users) {
    return ReplacedUserListing.of(target, users);
  }

  private Stream<TargetUser> plainListing() {
    listingStarted.countDown();
    return f.target.users();
  }

  /** A listing whose next page never comes: it ends only when its thread is interrupted. */
  private Stream<TargetUser> endlessListing() {
    listingStarted.countDown();
    Iterator<TargetUser> pages =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            try {
              new CountDownLatch(1).await(WAIT_SECONDS * 3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              listingInterrupted.set(true);
              Thread.currentThread().interrupt();
              throw new TargetException(TargetException.Kind.UNAVAILABLE, null, "interrupted");
            }
            throw new TargetException(TargetException.Kind.UNAVAILABLE, null, "never cancelled");
          }

          @Override
          public TargetUser next() {
            throw new UnsupportedOperationException();
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED), false)
        .onClose(listingClosed::countDown);
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static long listThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("scim-sync-list") && t.isAlive())
        .count();
  }
}
