package org.scimsync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.mapping.MappingResult;
import org.scimsync.mapping.MappingRules;
import org.scimsync.mapping.RuleSpec;
import org.scimsync.mapping.SanitizerProfile;

/**
 * The desired state does not depend on how many threads map the directory: the compiled rules (JEXL
 * expressions and the AWS sanitizer) are shared by the threads, and users, groups, held keys and
 * warnings come out in source order.
 */
class DesiredStateBuilderTest {

  private static final int USERS = 2_000;
  private static final int GROUPS = 200;

  private final ResourceMapper mapper = mapperOf(rules());
  private final DirectorySnapshot snapshot = directory();

  @Test
  void severalThreadsBuildTheSameDesiredStateAsOne() {
    DesiredState alone = DesiredStateBuilder.build(snapshot, mapper, Set.of(), 1);

    for (int round = 0; round < 3; round++) {
      DesiredState shared = DesiredStateBuilder.build(snapshot, mapper, Set.of(), 8);
      assertThat(shared.warnings()).containsExactlyElementsOf(alone.warnings());
      assertThat(shared.users()).containsExactlyElementsOf(alone.users());
      assertThat(shared.groups()).containsExactlyElementsOf(alone.groups());
      assertThat(shared).isEqualTo(alone);
    }
  }

  @Test
  void theDirectoryExercisesEveryOutcomeInSourceOrder() {
    DesiredState desired = DesiredStateBuilder.build(snapshot, mapper, Set.of(), 4);

    List<String> keys = desired.users().stream().map(DesiredUser::key).toList();
    assertThat(keys).isSortedAccordingTo((a, b) -> Integer.compare(number(a), number(b)));
    assertThat(desired.users()).hasSizeBetween(USERS / 2, USERS - 100);
    assertThat(desired.heldUserKeys()).contains("u7", "u1901").doesNotContain("u11", "u1");
    assertThat(desired.heldGroupKeys()).contains("g150");
    assertThat(desired.warnings())
        .contains(
            "user u1901 skipped: userName user1@example.com is also the userName of user u1",
            "user user1@example.com: emails marked primary: the target requires a primary email");
    assertThat(desired.warnings())
        .filteredOn(w -> w.startsWith("user u7 skipped: users.map.displayName: null operand"))
        .hasSize(1);
    assertThat(desired.heldUserKeys()).doesNotContain("u13");
    assertThat(desired.warnings())
        .filteredOn(
            w ->
                w.startsWith("user user13@example.com: users.map.title: undefined property")
                    && w.endsWith("; title left out"))
        .hasSize(1);
    assertThat(desired.users().get(0).contentHash())
        .isEqualTo(ContentHash.of(desired.users().get(0).resource()));
    DesiredGroup first = desired.groups().get(0);
    assertThat(first.memberKeys()).doesNotContain("u11").contains("u0", "u7");
  }

  @Test
  void aSmallDirectoryIsMappedOnOneThread() {
    assertThat(DesiredStateBuilder.threadsFor(500, 8)).isEqualTo(1);
    assertThat(DesiredStateBuilder.threadsFor(2_500, 8)).isEqualTo(2);
    assertThat(DesiredStateBuilder.threadsFor(60_000, 8)).isEqualTo(8);
    assertThat(DesiredStateBuilder.threadsFor(60_000, 1)).isEqualTo(1);
  }

  private static int number(String key) {
    return Integer.parseInt(key.substring(1));
  }

  private static MappingRules rules() {
    Map<String, String> users = new LinkedHashMap<>();
    users.put("userName", "user.mail");
    users.put("displayName", "user.givenName + ' ' + user.sn");
    users.put("name.givenName", "user.givenName");
    users.put("name.familyName", "user.sn");
    users.put("emails", "[{'value': user.mail, 'type': 'work'}]");
    users.put("title", "user.title.toUpperCase()");
    return MappingRules.compile(
        new RuleSpec("user.mail != null", users, List.of()),
        new RuleSpec(null, Map.of("displayName", "group.cn"), List.of()),
        SanitizerProfile.AWS_IDENTITY_CENTER);
  }

  private static ResourceMapper mapperOf(MappingRules rules) {
    return new ResourceMapper() {
      @Override
      public MappingResult mapUser(SourceUser user) {
        return rules.mapUser(user);
      }

      @Override
      public MappingResult mapGroup(SourceGroup group) {
        return rules.mapGroup(group);
      }
    };
  }

  /**
   * Users: every 7th lacks a surname (rejected), every 11th a mail (out of scope), every 13th a
   * title (its expression fails, so the title is left out), and from u1900 on the mails repeat
   * (held as duplicates). Groups: consecutive users as members, and from g100 on every name
   * repeats.
   */
  private static DirectorySnapshot directory() {
    List<SourceUser> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      Map<String, List<Object>> attributes = new LinkedHashMap<>();
      attributes.put("givenName", List.of("Given" + i));
      if (i % 7 != 0 || i == 0) {
        attributes.put("sn", List.of("Family" + i));
      }
      if (i % 11 != 0 || i == 0) {
        attributes.put("mail", List.of("user" + (i % 1_900) + "@example.com"));
      }
      if (i % 13 != 0 || i == 0) {
        attributes.put("title", List.of("title " + i));
      }
      users.add(new SourceUser("u" + i, null, attributes, List.of()));
    }
    List<SourceGroup> groups = new ArrayList<>();
    for (int g = 0; g < GROUPS; g++) {
      List<String> members = new ArrayList<>();
      for (int m = 0; m < 20; m++) {
        members.add("u" + (g * 10 + m) % USERS);
      }
      String name = "group " + (g < 100 ? g : g - 100);
      groups.add(
          new SourceGroup("g" + g, name, null, Map.of("cn", List.of(name)), members, List.of()));
    }
    return new DirectorySnapshot("test", Instant.EPOCH, users, groups, List.of());
  }
}
