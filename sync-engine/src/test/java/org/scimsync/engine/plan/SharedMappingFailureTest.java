package org.scimsync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.source.DirectorySnapshot;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.engine.state.MappingMemo;
import org.scimsync.mapping.MappingResult;
import org.scimsync.mapping.MappingRules;
import org.scimsync.mapping.RuleSpec;
import org.scimsync.mapping.SanitizerProfile;

/**
 * An expression that fails the same way for every entry in scope is a configuration error that
 * stops the run before anything is planned; a failure that leaves some entries mapped is the
 * data's, and those entries are skipped one by one as before.
 */
class SharedMappingFailureTest {

  /** displayName needs {@code nick}, which only some users have. */
  private static final ResourceMapper NEEDS_NICK =
      mapper(users("user.nick + ' ' + user.sn"), groups("group.cn"));

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void everyUserInScopeFailingAtTheSameKeyIsAConfigurationError(int threads) {
    List<SourceUser> users = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      users.add(user("k" + i, "u" + i + "@example.org", null));
    }
    users.add(user("out", null, null));

    SyncException error = stop(snapshot(users, List.of()), NEEDS_NICK, threads);

    assertThat(error.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
    assertThat(error.getMessage())
        .isEqualTo(
            "users.map.displayName: null operand for '+' at column 1 (in 'user.nick') (the same"
                + " failure for all 1500 users in scope: the rules are wrong, nothing was"
                + " planned)");
  }

  @Test
  void everyGroupInScopeFailingAtTheSameKeyIsAConfigurationError() {
    ResourceMapper mapper = mapper(users("user.sn"), groups("group.cn + group.suffix"));
    List<SourceGroup> groups = List.of(group("g1", "aws-a"), group("g2", "aws-b"));

    SyncException error =
        stop(snapshot(List.of(user("k1", "a@example.org", "A")), groups), mapper, 1);

    assertThat(error.getMessage())
        .startsWith("groups.map.displayName: null operand for '+'")
        .contains("all 2 groups in scope");
  }

  @Test
  void aScopeThatFailsForEveryUserIsAConfigurationError() {
    ResourceMapper mapper =
        mapper(
            new RuleSpec("user.mail.endsWith(user.domain)", Map.of(), List.of()),
            groups("group.cn"));
    List<SourceUser> users =
        List.of(user("k1", "a@example.org", "A"), user("k2", "b@example.org", "B"));

    assertThat(stop(snapshot(users, List.of()), mapper, 1).getMessage())
        .startsWith("users.include: ");
  }

  @Test
  void oneUserThatMapsMakesItTheDataNotTheRules() {
    List<SourceUser> users =
        List.of(
            user("k1", "a@example.org", null),
            user("k2", "b@example.org", "Bee"),
            user("k3", "c@example.org", null));

    DesiredState desired =
        DesiredStateBuilder.build(snapshot(users, List.of()), NEEDS_NICK, Set.of());

    assertThat(desired.heldUserKeys()).containsExactlyInAnyOrder("k1", "k3");
    assertThat(desired.users()).extracting(DesiredUser::key).containsExactly("k2");
    assertThat(desired.warnings())
        .contains(
            "user k1 skipped: users.map.displayName: null operand for '+' at column 1 (in"
                + " 'user.nick')");
  }

  @Test
  void aSingleUserInScopeIsNotEnoughToJudgeTheRules() {
    List<SourceUser> users = List.of(user("k1", "a@example.org", null), user("out", null, null));

    DesiredState desired =
        DesiredStateBuilder.build(snapshot(users, List.of()), NEEDS_NICK, Set.of());

    assertThat(desired.heldUserKeys()).containsExactly("k1");
  }

  @Test
  void failuresAtDifferentKeysAreNotShared() {
    ResourceMapper mapper =
        mapper(
            new RuleSpec(
                "user.mail != null",
                map("userName", "user.mail + user.suffix", "displayName", "user.nick + 'x'"),
                List.of()),
            groups("group.cn"));
    List<SourceUser> users =
        List.of(
            user("k1", "a@example.org", "A"),
            userWith("k2", Map.of("mail", List.of("b@example.org"), "suffix", List.of("-b"))));

    DesiredState desired = DesiredStateBuilder.build(snapshot(users, List.of()), mapper, Set.of());

    assertThat(desired.heldUserKeys()).containsExactlyInAnyOrder("k1", "k2");
  }

  @Test
  void rejectionsByTheTargetProfileAreTheDatasNotTheRules() {
    // every user lacks sn, which AWS requires: each is skipped, the run goes on
    ResourceMapper mapper = mapper(users("user.nick"), groups("group.cn"));
    List<SourceUser> users =
        List.of(
            userWith("k1", Map.of("mail", List.of("a@example.org"), "nick", List.of("A"))),
            userWith("k2", Map.of("mail", List.of("b@example.org"), "nick", List.of("B"))));

    DesiredState desired = DesiredStateBuilder.build(snapshot(users, List.of()), mapper, Set.of());

    assertThat(desired.heldUserKeys()).containsExactlyInAnyOrder("k1", "k2");
    assertThat(desired.warnings())
        .contains("user k1 skipped: required by the target but missing: name.familyName");
  }

  @Test
  void aUserTakenFromTheMemoCountsAsASuccess() {
    SourceUser remembered = user("k1", "a@example.org", "A");
    List<SourceUser> users =
        List.of(remembered, user("k2", "b@example.org", null), user("k3", "c@example.org", null));
    MappingMemo memo =
        new MappingMemo(
            "rules",
            Map.of(
                "k1",
                new MappingMemo.Entry(SourceFingerprint.of(remembered), "a@example.org", "hash")));

    DesiredStateBuilder.Built built =
        DesiredStateBuilder.build(snapshot(users, List.of()), NEEDS_NICK, Set.of(), memo, 1);

    assertThat(built.remembered()).isEqualTo(1);
    assertThat(built.desired().heldUserKeys()).containsExactlyInAnyOrder("k2", "k3");
  }

  private static SyncException stop(
      DirectorySnapshot snapshot, ResourceMapper mapper, int threads) {
    SyncException error =
        catchThrowableOfType(
            SyncException.class,
            () -> DesiredStateBuilder.build(snapshot, mapper, Set.of(), null, threads));
    assertThat(error).as("the run stops").isNotNull();
    return error;
  }

  /**
   * AWS rules: userName from mail, displayName from {@code displayName}, names from nick and sn.
   */
  private static RuleSpec users(String displayName) {
    return new RuleSpec(
        "user.mail != null",
        map(
            "userName", "user.mail",
            "displayName", displayName,
            "name.givenName", "user.nick ?? 'G'",
            "name.familyName", "user.sn"),
        List.of());
  }

  private static RuleSpec groups(String displayName) {
    return new RuleSpec(null, Map.of("displayName", displayName), List.of());
  }

  private static Map<String, String> map(String... targetsAndExpressions) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < targetsAndExpressions.length; i += 2) {
      map.put(targetsAndExpressions[i], targetsAndExpressions[i + 1]);
    }
    return map;
  }

  private static ResourceMapper mapper(RuleSpec users, RuleSpec groups) {
    MappingRules rules = MappingRules.compile(users, groups, SanitizerProfile.AWS_IDENTITY_CENTER);
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

  /** A user with a surname; {@code mail} null puts it out of scope. */
  private static SourceUser user(String key, @Nullable String mail, @Nullable String nick) {
    Map<String, List<Object>> attributes = new LinkedHashMap<>();
    attributes.put("sn", List.of("Surname"));
    if (mail != null) {
      attributes.put("mail", List.of(mail));
    }
    if (nick != null) {
      attributes.put("nick", List.of(nick));
    }
    return userWith(key, attributes);
  }

  private static SourceUser userWith(String key, Map<String, List<Object>> attributes) {
    return new SourceUser(key, null, attributes, List.of());
  }

  private static SourceGroup group(String key, String name) {
    return new SourceGroup(key, name, null, Map.of("cn", List.of(name)), List.of(), List.of());
  }

  private static DirectorySnapshot snapshot(List<SourceUser> users, List<SourceGroup> groups) {
    return new DirectorySnapshot("test", Instant.EPOCH, users, groups, List.of());
  }
}
