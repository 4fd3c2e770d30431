package org.scimsync.engine.target.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimsync.client.ScimClient;
import org.scimsync.client.ScimException;
import org.scimsync.emulator.EmulatorState;
import org.scimsync.engine.RunReport;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.engine.target.ScimTarget;
import org.scimsync.engine.target.TargetException;
import org.scimsync.engine.target.TargetGroup;
import org.scimsync.engine.testing.EmulatorFixture;

/**
 * Filters AWS refuses (emulator, AWS profile): a {@code displayName eq} filter with non-ASCII
 * characters and an empty member id answer 400 "Invalid filter". The engine never sends either,
 * finds such a group by externalId or in the listing, and a lookup that the target refuses for one
 * object holds that object, with a warning, while every other object is synced.
 */
class RefusedFiltersRunIT {

  private static final String EQUIPE = "aws-équipe-05";

  private EmulatorFixture fixture;

  @BeforeEach
  void start() {
    fixture = new EmulatorFixture().users(3);
    fixture.source.group("g1", "aws-team", List.of("k0"));
    assertThat(fixture.full().status()).isEqualTo(RunStatus.SUCCEEDED);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aGroupWithANonAsciiNameMadeInTheConsoleIsAdoptedFromTheListingInLaterRuns() {
    String existing = fixture.emulator.seedGroup(EQUIPE, null, List.of());
    fixture.source.group("g5", EQUIPE, List.of("k1", "k2"));
    fixture.emulator.resetStats();

    RunReport adopted = fixture.incremental();

    assertThat(adopted.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(fixture.emulator.stats().responses("ListGroups", 400)).isZero();
    assertThat(fixture.store.load().groups().get("g5").targetId()).isEqualTo(existing);
    EmulatorState target = fixture.emulator.snapshot();
    assertThat(target.groups()).filteredOn(g -> g.displayName().equals(EQUIPE)).hasSize(1);
    EmulatorState.Group group = target.group(existing).orElseThrow();
    assertThat(group.externalId()).isEqualTo("g5");
    assertThat(group.memberIds()).hasSize(2);

    fixture.source.user("k7", "u7@example.org", "Given7", "Family7");
    assertThat(fixture.incremental().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(fixture.emulator.stats().responses("ListGroups", 400)).isZero();
  }

  @Test
  void theAdapterFindsANonAsciiNameInTheListingAndSendsNoEmptyMemberId() {
    String existing = fixture.emulator.seedGroup(EQUIPE, null, List.of());
    ScimClientTarget target = new ScimClientTarget(fixture.client());
    fixture.emulator.resetStats();

    Optional<TargetGroup> found = target.findGroupByDisplayName("AWS-ÉQUIPE-05");

    assertThat(found).map(TargetGroup::id).contains(existing);
    assertThat(target.findGroupByDisplayName("aws-équipe-99")).isEmpty();
    assertThatThrownBy(() -> target.groupIdsOfUser(""))
        .isInstanceOfSatisfying(
            TargetException.class,
            e -> assertThat(e.kind()).isEqualTo(TargetException.Kind.BAD_REQUEST));
    assertThat(fixture.emulator.stats().responses("ListGroups", 400)).isZero();
  }

  @Test
  void aLookupRefusedForOneGroupHoldsThatGroupAndSyncsEveryoneElse() {
    fixture.source.group("g5", EQUIPE, List.of("k1", "k2"));
    fixture.source.group("g6", "aws-ops", List.of("k1"));
    fixture.source.user("k7", "u7@example.org", "Given7", "Family7");
    fixture.source.group("g1", "aws-team", List.of("k0", "k7"));
    ScimTarget refusing = refusingTheLookupOfG5(fixture.client());

    RunReport report = fixture.run(fixture.engine(refusing), false);

    assertThat(fixture.emulator.stats().responses("ListGroups", 400)).isPositive();
    assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(report.message()).contains("1 object was not synced");
    assertThat(report.warnings())
        .anySatisfy(w -> assertThat(w).contains("group " + EQUIPE, "held", "HTTP 400"));
    EmulatorState target = fixture.emulator.snapshot();
    assertThat(target.groupByDisplayName(EQUIPE)).isEmpty();
    assertThat(target.groupByDisplayName("aws-ops")).isPresent();
    assertThat(target.userByExternalId("k7")).isPresent();
    assertThat(fixture.store.load().memberships().get("g1")).containsExactlyInAnyOrder("k0", "k7");
    assertThat(fixture.store.load().groups()).containsOnlyKeys("g1", "g6");

    // with the engine's own adapter the group is created by the next run
    RunReport next = fixture.incremental();
    assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(fixture.emulator.snapshot().groupByDisplayName(EQUIPE)).isPresent();
  }

  /**
   * The engine's adapter, except that the lookup of group {@code g5} asks by its non-ASCII
   * displayName filter first, as an adapter that looked groups up by name would: AWS answers 400.
   */
  private static ScimTarget refusingTheLookupOfG5(ScimClient client) {
    ScimClientTarget adapter = new ScimClientTarget(client);
    return (ScimTarget)
        Proxy.newProxyInstance(
            ScimTarget.class.getClassLoader(),
            new Class<?>[] {ScimTarget.class},
            (proxy, method, args) -> {
              if (method.getName().equals("findGroupByExternalId") && "g5".equals(args[0])) {
                try {
                  client.findGroupByDisplayName(EQUIPE);
                } catch (ScimException e) {
                  throw ScimClientTarget.translate(e);
                }
              }
              try {
                return method.invoke(adapter, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
