package org.scimsync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.engine.state.MappingMemo;
import org.scimsync.engine.testing.CountingMapper;

/**
 * The mapping memo in the desired state: a user whose source entry is unchanged is taken from the
 * memo instead of being mapped, and the desired state is the same as if every user had been mapped.
 */
class MappingMemoBuildTest {

  private static final String RULES = "rules-1";

  private final CountingMapper mapper = new CountingMapper(RULES);

  @Test
  void aSecondBuildOfTheSameDirectoryMapsNoUserAndGivesTheSameDesiredState() {
    DirectorySnapshot directory = directory(users(100));
    DesiredStateBuilder.Built first = build(directory, MappingMemo.empty(RULES));
    assertThat(first.remembered()).isZero();
    assertThat(first.memoUpdate().put()).hasSize(100);
    int mappedFirst = mapper.mappedUsers();

    DesiredStateBuilder.Built second = build(directory, memoAfter(first));

    assertThat(mapper.mappedUsers()).isEqualTo(mappedFirst);
    assertThat(second.remembered()).isEqualTo(100);
    assertThat(second.memoUpdate().isEmpty()).isTrue();
    assertThat(second.desired().users()).allMatch(u -> !u.isMapped());
    assertThat(second.desired()).isEqualTo(first.desired());
    assertThat(mapper.mappedUsers()).as("equality maps the resources").isEqualTo(mappedFirst + 100);
  }

  @Test
  void aRememberedUsersResourceIsMappedOnceWhenFirstNeeded() {
    DirectorySnapshot directory = directory(users(3));
    DesiredStateBuilder.Built first = build(directory, MappingMemo.empty(RULES));
    int before = mapper.mappedUsers();

    DesiredUser user = build(directory, memoAfter(first)).desired().users().get(1);
    assertThat(mapper.mappedUsers()).isEqualTo(before);

    assertThat(user.resource()).isEqualTo(first.desired().users().get(1).resource());
    assertThat(user.resource()).isSameAs(user.resource());
    assertThat(user.isMapped()).isTrue();
    assertThat(mapper.mappedUsers()).isEqualTo(before + 1);
  }

  @Test
  void onlyTheChangedUserIsMappedAgainAndTheMemoLearnsIt() {
    List<SourceUser> users = users(10);
    DesiredStateBuilder.Built first = build(directory(users), MappingMemo.empty(RULES));
    int before = mapper.mappedUsers();
    users.set(4, user("k4", "renamed4@example.com", "Four"));

    DesiredStateBuilder.Built second = build(directory(users), memoAfter(first));

    assertThat(mapper.mappedUsers()).isEqualTo(before + 1);
    assertThat(second.remembered()).isEqualTo(9);
    assertThat(second.memoUpdate().put()).containsOnlyKeys("k4");
    assertThat(second.memoUpdate().put().get("k4").userName()).isEqualTo("renamed4@example.com");
    assertThat(second.desired())
        .isEqualTo(DesiredStateBuilder.build(directory(users), mapper, Set.of(), 1));
  }

  @Test
  void anyChangeToWhatTheRulesCanSeeMapsTheUserAgain() {
    SourceUser base = user("k1", "one@example.com", "One");
    List<SourceUser> variants =
        List.of(
            new SourceUser("k1", "uid=other,dc=example", base.attributes(), base.groups()),
            new SourceUser("k1", base.dn(), base.attributes(), List.of("admins")),
            user("k1", "one@example.com", "One", "Engineer"));
    for (SourceUser variant : variants) {
      DesiredStateBuilder.Built first = build(directory(List.of(base)), MappingMemo.empty(RULES));

      DesiredStateBuilder.Built second = build(directory(List.of(variant)), memoAfter(first));

      assertThat(second.remembered()).as("%s", variant).isZero();
    }
  }

  @Test
  void aUserMappedWithWarningsIsNeverRememberedSoItsWarningsComeBackEveryRun() {
    List<SourceUser> users = List.of(user("k1", "one@example.com", "One", "warn"));
    DesiredStateBuilder.Built first = build(directory(users), MappingMemo.empty(RULES));

    DesiredStateBuilder.Built second = build(directory(users), memoAfter(first));

    assertThat(first.memoUpdate().put()).isEmpty();
    assertThat(second.remembered()).isZero();
    assertThat(second.desired().warnings())
        .containsExactly("user one@example.com: title warn noted")
        .isEqualTo(first.desired().warnings());
  }

  @Test
  void usersThatLeftTheDirectoryOrCanNoLongerBeMappedAreForgotten() {
    List<SourceUser> users = users(3);
    DesiredStateBuilder.Built first = build(directory(users), MappingMemo.empty(RULES));
    List<SourceUser> later =
        List.of(
            users.get(0), new SourceUser("k1", null, Map.of("givenName", List.of("x")), List.of()));

    DesiredStateBuilder.Built second = build(directory(later), memoAfter(first));

    assertThat(second.memoUpdate().remove()).containsExactlyInAnyOrder("k1", "k2");
    assertThat(second.desired().heldUserKeys()).containsExactly("k1");
  }

  @Test
  void aRememberedUserNameStillTakesPartInTheDuplicateCheck() {
    List<SourceUser> users = new ArrayList<>(users(2));
    DesiredStateBuilder.Built first = build(directory(users), MappingMemo.empty(RULES));
    users.add(user("k9", "USER0@example.com", "Copy"));

    DesiredStateBuilder.Built second = build(directory(users), memoAfter(first));

    assertThat(second.remembered()).isEqualTo(2);
    assertThat(second.desired().heldUserKeys()).containsExactly("k9");
    assertThat(second.desired().warnings())
        .containsExactly(
            "user k9 skipped: userName USER0@example.com is also the userName of user k0");
  }

  @Test
  void aUserWithLargeValuesIsMappedOnEveryRunBecauseHashingItWouldCostMore() {
    SourceUser small = user("k1", "one@example.com", "One");
    Map<String, List<Object>> attributes =
        new HashMap<>(user("k2", "two@example.com", "Two").attributes());
    attributes.put("thumbnailPhoto", List.of(new byte[SourceFingerprint.MAX_VALUE_SIZE]));
    SourceUser photographed = new SourceUser("k2", null, attributes, List.of());
    List<SourceUser> users = List.of(small, photographed);
    DesiredStateBuilder.Built first = build(directory(users), MappingMemo.empty(RULES));

    DesiredStateBuilder.Built second = build(directory(users), memoAfter(first));

    assertThat(first.memoUpdate().put()).containsOnlyKeys("k1");
    assertThat(second.remembered()).isEqualTo(1);
    assertThat(second.desired().users().get(1).isMapped()).isTrue();
    assertThat(second.desired()).isEqualTo(first.desired());
  }

  @Test
  void withoutAMemoNothingIsRememberedNorRecorded() {
    DesiredStateBuilder.Built built = build(directory(users(5)), null);

    assertThat(built.remembered()).isZero();
    assertThat(built.memoUpdate()).isNull();
    assertThat(built.desired().users()).allMatch(DesiredUser::isMapped);
  }

  @Test
  void aRememberedUserThatNoLongerMapsFailsLoudlyWhenItsResourceIsNeeded() {
    DirectorySnapshot directory = directory(users(1));
    MappingMemo memo = memoAfter(build(directory, MappingMemo.empty(RULES)));
    mapper.rejectAll();

    DesiredUser user = build(directory, memo).desired().users().get(0);

    assertThatThrownBy(user::resource)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("user k0 no longer maps as it did under the same rules");
  }

  private DesiredStateBuilder.Built build(DirectorySnapshot directory, MappingMemo memo) {
    return DesiredStateBuilder.build(directory, mapper, Set.of(), memo, 2);
  }

  private static MappingMemo memoAfter(DesiredStateBuilder.Built built) {
    Map<String, MappingMemo.Entry> entries = new HashMap<>(built.memoUpdate().put());
    return new MappingMemo(RULES, entries);
  }

  private static List<SourceUser> users(int count) {
    List<SourceUser> users = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      users.add(user("k" + i, "user" + i + "@example.com", "Name" + i));
    }
    return users;
  }

  private static SourceUser user(String key, String mail, String givenName, String... title) {
    Map<String, List<Object>> attributes = new HashMap<>();
    attributes.put("mail", List.of(mail));
    attributes.put("givenName", List.of(givenName));
    attributes.put("sn", List.of("Test"));
    if (title.length > 0) {
      attributes.put("title", List.of(title[0]));
    }
    return new SourceUser(key, "uid=" + key + ",dc=example", attributes, List.of());
  }

  private static DirectorySnapshot directory(List<SourceUser> users) {
    List<SourceGroup> groups =
        List.of(
            new SourceGroup(
                "g1",
                "staff",
                null,
                Map.of(),
                users.stream().map(SourceUser::key).toList(),
                List.of()));
    return new DirectorySnapshot("test", Instant.EPOCH, users, groups, List.of());
  }
}
