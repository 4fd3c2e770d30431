package org.scimsync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scimsync.engine.error.ErrorKind;
import org.scimsync.engine.error.SyncException;
import org.scimsync.engine.plan.ResourceMapper;
import org.scimsync.engine.source.SourceGroup;
import org.scimsync.engine.source.SourceUser;
import org.scimsync.engine.state.RunStatus;
import org.scimsync.mapping.MappingResult;
import org.scimsync.mapping.MappingRules;
import org.scimsync.mapping.RuleSpec;
import org.scimsync.mapping.SanitizerProfile;

/**
 * Rules that fail the same way for every user in scope stop the run with a configuration error
 * (exit 2) before anything is planned or written, rather than skipping every user and ending well.
 */
class MisconfiguredRulesRunTest {

  private final EngineFixture f = new EngineFixture();

  @BeforeEach
  void firstRunWithWorkingRules() {
    f.users(3);
    f.mapper = rules("user.givenName + ' ' + user.sn");
    assertThat(f.full().plan().changes()).hasSize(3);
    assertThat(f.target.userCount()).isEqualTo(3);
  }

  @Test
  void aRunWhoseRulesFailForEveryUserStopsBeforeWritingAnything() {
    f.mapper = rules("user.givenName + ' ' + user.nickname");
    long writes = f.target.writeCount();
    var memo = f.store.memo();

    SyncException error = catchThrowableOfType(SyncException.class, f::full);

    assertThat(error).isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
    assertThat(error.getMessage())
        .startsWith("users.map.displayName: null operand for '+'")
        .contains("all 3 users in scope");
    assertThat(f.target.writeCount()).isEqualTo(writes);
    assertThat(f.target.userCount()).isEqualTo(3);
    assertThat(f.store.memo()).isEqualTo(memo);
    assertThat(f.store.recentRuns(1).get(0).summary().status()).isEqualTo(RunStatus.FAILED);
    assertThat(f.store.recentRuns(1).get(0).summary().message()).isEqualTo(error.getMessage());
    assertThat(f.store.isLocked()).isFalse();
  }

  @Test
  void aPlanWithSuchRulesFailsTheSameWay() {
    f.mapper = rules("user.givenName + ' ' + user.nickname");

    SyncException error =
        catchThrowableOfType(SyncException.class, () -> f.engine().plan(SyncOptions.of("cli")));

    assertThat(error).isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
  }

  @Test
  void whenOnlySomeUsersFailTheyAreSkippedAndTheRunGoesOn() {
    f.source.user(
        "k0",
        Map.of(
            "mail", "u0@example.org", "givenName", "Given0", "sn", "Family0", "nickname", "Zero"));
    f.mapper = rules("user.givenName + ' ' + user.nickname");

    RunReport report = f.full();

    assertThat(report.plan().warnings())
        .contains(
            "user k1 skipped: users.map.displayName: null operand for '+' at column 24 (in"
                + " 'user.nickname')");
    assertThat(f.target.userCount()).isEqualTo(3);
  }

  /** AWS rules mapping the fixture's users, with this displayName expression. */
  private static ResourceMapper rules(String displayName) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("userName", "user.mail");
    map.put("displayName", displayName);
    map.put("name.givenName", "user.givenName");
    map.put("name.familyName", "user.sn");
    map.put("emails", "[{'value': user.mail, 'primary': true}]");
    MappingRules rules =
        MappingRules.compile(
            new RuleSpec(null, map, List.of()),
            RuleSpec.defaults(),
            SanitizerProfile.AWS_IDENTITY_CENTER);
    return new ResourceMapper() {
      @Override
      public MappingResult mapUser(SourceUser user) {
        return rules.mapUser(user);
      }

      @Override
      public MappingResult mapGroup(SourceGroup group) {
        return rules.mapGroup(group);
      }

      @Override
      public String rulesFingerprint() {
        return rules.fingerprint();
      }
    };
  }
}
