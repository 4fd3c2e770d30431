package org.scimsync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimsync.emulator.EmulatorState;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.state.ChangeOutcome;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.state.StoredState;
import org.scimsync.engine.target.scim.ScimClientTarget;
import org.scimsync.engine.testing.EmulatorFixture;

/**
 * A wrong tenant id in {@code target.url}: AWS answers 404 "TENANT does not exist." on every path,
 * collections and single resources alike. After a first successful run, a run against the wrong
 * tenant stops with the client's message (check the tenant id), as a refused run (exit 4: the
 * engine's {@link ErrorKind#UNAVAILABLE} or a {@link RunStatus#FAILED} run), and changes nothing:
 * no link dropped, no membership forgotten, nothing written to the target. Only a 404 on one
 * resource of a tenant that answers means that resource is gone.
 */
class WrongTenantRunIT {

  private static final String CHECK_TENANT = "check the tenant id in target.url";

  private EmulatorFixture fixture;

  @BeforeEach
  void firstRunSucceeds() {
    fixture = new EmulatorFixture().users(4);
    fixture.source.group("g1", "aws-team", List.of("k0", "k1", "k2"));
    assertThat(fixture.full().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(fixture.store.load().users()).hasSize(4);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aFullRunAgainstAWrongTenantStopsBeforePlanningAndChangesNoState() {
    StoredState before = fixture.store.load();
    EmulatorState target = fixture.emulator.snapshot();
    fixture.source.user("k9", "u9@example.org", "Given9", "Family9");
    SyncEngine wrong = fixture.engine(new ScimClientTarget(fixture.wrongTenantClient()));

    assertThatThrownBy(() -> fixture.run(wrong, true))
        .isInstanceOfSatisfying(
            SyncException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
              assertThat(e.getMessage())
                  .contains("cannot read the target", "HTTP 404", CHECK_TENANT, "TENANT");
            });

    assertThat(fixture.store.load()).isEqualTo(before);
    assertThat(fixture.emulator.snapshot()).isEqualTo(target);
    assertThat(fixture.store.recentRuns(1).get(0).summary().status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void anIncrementalRunAgainstAWrongTenantStopsWithoutDroppingALink() {
    StoredState before = fixture.store.load();
    EmulatorState target = fixture.emulator.snapshot();
    // planned from the state alone, without a read: a patch, a delete and a membership removal,
    // each of which answers 404 on its own resource
    fixture.source.user(
        "k1",
        Map.of("mail", "u1@example.org", "givenName", "Given1", "sn", "Family1", "title", "Boss"));
    fixture.source.removeUser("k2");
    SyncEngine wrong = fixture.engine(new ScimClientTarget(fixture.wrongTenantClient()));

    RunReport report = fixture.run(wrong, false);

    assertThat(report.status()).isEqualTo(RunStatus.FAILED);
    assertThat(report.message()).contains("run stopped", CHECK_TENANT);
    assertThat(report.results())
        .noneMatch(r -> r.result() == ChangeOutcome.Result.APPLIED)
        .noneMatch(r -> r.detail() != null && r.detail().contains("no longer exists"));
    assertThat(fixture.store.load()).isEqualTo(before);
    assertThat(fixture.emulator.snapshot()).isEqualTo(target);

    // the tenant fixed, the same changes go through
    RunReport fixed = fixture.incremental();
    assertThat(fixed.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(fixture.store.load().users()).containsOnlyKeys("k0", "k1", "k3");
    assertThat(fixture.store.load().users().get("k1").targetId())
        .isEqualTo(before.users().get("k1").targetId());
  }

  @Test
  void aFourOhFourOnOneResourceOfTheRightTenantStillMeansItIsGone() {
    String id = fixture.store.load().users().get("k1").targetId();
    fixture.client().deleteUser(id);
    fixture.source.user(
        "k1",
        Map.of("mail", "u1@example.org", "givenName", "Given1", "sn", "Family1", "title", "Boss"));

    RunReport report = fixture.incremental();

    assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(report.results())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.result()).isEqualTo(ChangeOutcome.Result.FAILED);
              assertThat(r.detail()).contains("no longer exists", "link to it is dropped");
            });
    assertThat(fixture.store.load().users()).doesNotContainKey("k1");

    RunReport next = fixture.incremental();
    assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
    String recreated = fixture.store.load().users().get("k1").targetId();
    assertThat(recreated).isNotEqualTo(id);
    assertThat(fixture.emulator.snapshot().user(recreated)).isPresent();
    assertThat(fixture.emulator.snapshot().users()).hasSize(4);
  }
}
