package org.scimsync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.plan.Change;
import org.scimsync.engine.plan.Plan;
import org.scimsync.engine.plan.SyncPolicy;
import org.scimsync.engine.state.ChangeOutcome.Result;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.target.AttributeChange;

/**
 * An incremental run diffs a changed, linked object against the resource last pushed to it, so it
 * reads nothing from the target: the writes are the changes, and nothing else.
 */
class IncrementalWithoutReadsTest {

  private final EngineFixture f = new EngineFixture();

  private void retitle(int i, String title) {
    f.source.user(
        "k" + i,
        Map.of(
            "mail",
            "u" + i + "@example.org",
            "givenName",
            "Given" + i,
            "sn",
            "Family" + i,
            "title",
            title));
  }

  private String userId(int i) {
    return f.target.userIdByName("u" + i + "@example.org").orElseThrow();
  }

  @Test
  void changedUsersArePatchedWithExactlyOneRequestEachAndNoRead() {
    f.users(20);
    f.full();
    retitle(3, "Engineer");
    retitle(7, "Engineer");
    retitle(11, "Manager");
    f.target.clearRequests();

    RunReport report = f.run(SyncOptions.of("schedule"));

    assertThat(report.plan().full()).isFalse();
    assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.target.requests())
        .containsExactlyInAnyOrder(
            "PATCH /Users/" + userId(3), "PATCH /Users/" + userId(7), "PATCH /Users/" + userId(11));
    assertThat(f.target.user(userId(11)).get("title").asText()).isEqualTo("Manager");
    assertThat(f.store.pushedResourceReads()).endsWith(3);
    Change.UpdateUser update = (Change.UpdateUser) report.plan().changes().get(0);
    assertThat(update.changes())
        .containsExactly(
            AttributeChange.replace(
                List.of("title"),
                com.fasterxml.jackson.databind.node.TextNode.valueOf(
                    f.target.user(update.targetId()).get("title").asText())));
  }

  @Test
  void anAttributeNoLongerMappedIsRemovedWithoutReadingTheTarget() {
    f.users(3);
    retitle(1, "Engineer");
    f.full();
    f.source.user("k1", "u1@example.org", "Given1", "Family1");
    f.target.clearRequests();

    RunReport report = f.run(SyncOptions.of("schedule"));

    assertThat(f.target.requests()).containsExactly("PATCH /Users/" + userId(1));
    Change.UpdateUser update = (Change.UpdateUser) report.plan().changes().get(0);
    assertThat(update.changes()).containsExactly(AttributeChange.remove(List.of("title")));
    assertThat(f.target.user(userId(1)).has("title")).isFalse();
  }

  @Test
  void aRenamedGroupIsPatchedWithoutAnyRead() {
    f.users(2).source.group("g1", "aws-admins", List.of("k0", "k1"));
    f.full();
    String id = f.target.groupIdByName("aws-admins").orElseThrow();
    f.source.group("g1", "aws-platform-admins", List.of("k0", "k1"));
    f.target.clearRequests();

    RunReport report = f.run(SyncOptions.of("schedule"));

    assertThat(f.target.requests()).containsExactly("PATCH /Groups/" + id);
    assertThat(report.plan().changes().get(0).reason()).contains("renamed from aws-admins");
    assertThat(f.target.groupIdByName("aws-platform-admins")).contains(id);
  }

  @Test
  void aLeaverIsNamedFromItsPushedResourceWithoutARead() {
    f.users(3);
    f.full();
    String id = userId(1);
    f.source.removeUser("k1");
    f.target.clearRequests();

    RunReport report = f.run(SyncOptions.of("schedule"));

    assertThat(report.toText()).contains("- delete user u1@example.org");
    assertThat(f.target.requests()).containsExactly("DELETE /Users/" + id);
  }

  @Test
  void linksWithoutAPushedResourceAreLookedUpOnceAndThenNoMore() {
    f.users(5);
    f.full();
    f.store.forgetPushedResources();
    retitle(2, "Engineer");
    f.target.clearRequests();

    assertThat(f.run(SyncOptions.of("schedule")).status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.target.requests())
        .containsExactly("GET /Users?externalId", "PATCH /Users/" + userId(2));

    retitle(2, "Manager");
    f.target.clearRequests();
    assertThat(f.run(SyncOptions.of("schedule")).status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.target.requests()).containsExactly("PATCH /Users/" + userId(2));
  }

  @Test
  void aLinkedUserDeletedBehindTheEnginesBackFailsClearlyAndTheNextRunCreatesItAgain() {
    f.users(4);
    f.full();
    String gone = userId(2);
    f.target.deleteUser(gone);
    retitle(2, "Engineer");
    retitle(3, "Engineer");
    f.target.clearRequests();

    RunReport failed = f.run(SyncOptions.of("schedule"));

    assertThat(failed.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(failed.results())
        .filteredOn(r -> r.result() == Result.FAILED)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.change().sourceKey()).isEqualTo("k2");
              assertThat(r.httpStatus()).isEqualTo(404);
              assertThat(r.detail())
                  .contains("no longer exists")
                  .contains("the link to it is dropped and the next run creates it again");
            });
    assertThat(f.store.load().users()).doesNotContainKey("k2").containsKey("k3");
    assertThat(f.target.user(userId(3)).get("title").asText()).isEqualTo("Engineer");

    f.target.clearRequests();
    RunReport next = f.run(SyncOptions.of("schedule"));

    assertThat(next.plan().full()).isFalse();
    assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.target.requests())
        .containsExactly("GET /Users?externalId", "GET /Users?userName", "POST /Users");
    assertThat(f.target.user(userId(2)).get("title").asText()).isEqualTo("Engineer");
    assertThat(f.store.load().users().get("k2").targetId()).isEqualTo(userId(2)).isNotEqualTo(gone);
  }

  @Test
  void aLinkedGroupDeletedBehindTheEnginesBackIsCreatedAgainWithItsMembers() {
    f.users(3).source.group("g1", "aws-admins", List.of("k0", "k1"));
    f.full();
    f.target.deleteGroup(f.target.groupIdByName("aws-admins").orElseThrow());
    f.source.group("g1", "aws-platform-admins", List.of("k0", "k1"));

    RunReport failed = f.run(SyncOptions.of("schedule"));

    assertThat(failed.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(failed.results().get(0).detail()).contains("linked target group no longer exists");
    assertThat(f.store.load().groups()).isEmpty();
    assertThat(f.store.load().memberships()).isEmpty();

    RunReport next = f.run(SyncOptions.of("schedule"));

    assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
    String id = f.target.groupIdByName("aws-platform-admins").orElseThrow();
    assertThat(f.target.membersOf(id)).containsExactlyInAnyOrder(userId(0), userId(1));
  }

  @Test
  void driftMadeInTheTargetIsLeftToTheNextFullRun() {
    f.users(2);
    f.full();
    String id = userId(1);
    f.target.patchUser(
        id,
        List.of(
            AttributeChange.replace(
                List.of("displayName"),
                com.fasterxml.jackson.databind.node.TextNode.valueOf("Changed By Hand"))));
    retitle(1, "Engineer");

    f.run(SyncOptions.of("schedule"));
    assertThat(f.target.user(id).get("displayName").asText()).isEqualTo("Changed By Hand");
    assertThat(f.target.user(id).get("title").asText()).isEqualTo("Engineer");

    f.clock.advance(Duration.ofHours(7));
    RunReport full = f.run(SyncOptions.of("schedule"));

    assertThat(full.plan().full()).isTrue();
    assertThat(f.target.user(id).get("displayName").asText()).isEqualTo("Given1 Family1");
  }

  @Test
  void disablingAUserDeletedBehindTheEnginesBackForgetsItsLink() {
    f.policy =
        new SyncPolicy(
            SyncPolicy.UserDeprovision.DISABLE,
            SyncPolicy.GroupDeprovision.DELETE,
            50,
            50,
            Duration.ofHours(6),
            4);
    f.users(3);
    f.full();
    f.target.deleteUser(userId(1));
    f.source.removeUser("k1");
    List<String> before = new ArrayList<>(f.store.load().users().keySet());
    f.target.clearRequests();

    RunReport report = f.run(SyncOptions.of("schedule"));

    assertThat(before).contains("k1");
    assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(report.results().get(0).detail()).isEqualTo("already gone from the target");
    assertThat(report.toText()).contains("u1@example.org");
    // the 404 is confirmed by a read of the collection (a wrong tenant would fail it) before the
    // link is forgotten
    assertThat(f.target.requests()).hasSize(2);
    assertThat(f.target.requests().get(0)).startsWith("PATCH /Users/");
    assertThat(f.target.requests().get(1)).isEqualTo("GET /Users?externalId");
    assertThat(f.store.load().users()).doesNotContainKey("k1");
  }

  @Test
  void aSavedPlanCarriesTheResourceSoApplyingItAlsoSparesTheNextRunsReads() {
    f.users(3);
    f.full();
    retitle(1, "Engineer");
    SyncEngine engine = f.engine();
    Plan saved = PlanJson.read(PlanJson.write(engine.plan(SyncOptions.of("cli"))));
    assertThat(((Change.UpdateUser) saved.changes().get(0)).resource().get("title").asText())
        .isEqualTo("Engineer");

    assertThat(engine.apply(saved, SyncOptions.of("cli")).status()).isEqualTo(RunStatus.SUCCEEDED);
    retitle(1, "Manager");
    f.target.clearRequests();
    f.run(SyncOptions.of("schedule"));

    assertThat(f.target.requests()).containsExactly("PATCH /Users/" + userId(1));
  }

  @Test
  void aLeaverWhoseUserNameANewcomerHasIsReadSoADeletedTargetUserIsNotAdopted() {
    f.users(3);
    f.full();
    String gone = userId(1);
    f.target.deleteUser(gone);
    f.source.removeUser("k1");
    f.source.user("k9", "u1@example.org", "Given1", "Family1");
    f.target.clearRequests();

    RunReport report = f.run(SyncOptions.of("schedule"));

    assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(f.target.requests())
        .contains("POST /Users", "DELETE /Users/" + gone)
        .filteredOn(r -> r.startsWith("GET"))
        .containsExactlyInAnyOrder(
            "GET /Users?externalId",
            "GET /Users?userName",
            "GET /Users?externalId",
            // the DELETE's 404, confirmed by a read of the collection before the link is forgotten
            "GET /Users?externalId");
    assertThat(f.store.load().users().get("k9").targetId()).isEqualTo(userId(1)).isNotEqualTo(gone);
  }
}
