package org.scimsync.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scimsync.cli.app.internal.Ports;
import org.scimsync.client.TargetProfile;
import org.scimsync.engine.plan.SyncPolicy;

/**
 * {@code targets:}: several named targets, each with its own rules and policy, or the shared ones.
 */
class TargetsKeysTest {

  private static final String SOURCE = "source:\n  type: ldif\n  path: d.ldif\n";

  @TempDir Path dir;

  private final ConfigLoader loader =
      new ConfigLoader(Map.of("AWS_TOKEN", "aws-s3cr3t", "SLACK_TOKEN", "slack-s3cr3t"));

  private ScimSyncConfig load(String rest) throws IOException {
    Path file = dir.resolve("scim-sync.yaml");
    Files.writeString(file, SOURCE + rest);
    return loader.load(file);
  }

  private ConfigException failure(String rest) {
    try {
      load(rest);
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain("s3cr3t");
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("loaded");
  }

  private static final String TWO_TARGETS =
      """
      targets:
        - name: aws
          url: https://scim.eu-west-1.amazonaws.com/abcd/scim/v2
          token: ${AWS_TOKEN}
        - name: slack
          profile: generic
          url: https://api.slack.example.com/scim/v2
          token: ${SLACK_TOKEN}
          rateLimit:
            writesPerSecond: 5
          users:
            include: user.title == 'Engineer'
            map:
              userName: user.uid
          deprovision:
            users: disable
            maxDeletes: 7
      users:
        map:
          userName: user.mail
      groups:
        include: group.cn =^ 'aws-'
      deprovision:
        users: delete
        maxDeletes: 40
      """;

  @Test
  void eachTargetHasItsOwnSectionsOrTheTopLevelOnes() throws IOException {
    ScimSyncConfig config = load(TWO_TARGETS);

    assertThat(config.targets()).extracting(TargetSpec::name).containsExactly("aws", "slack");
    assertThat(config.severalTargets()).isTrue();
    TargetSpec aws = config.targetNamed("aws").orElseThrow();
    TargetSpec slack = config.targetNamed("slack").orElseThrow();
    assertThat(aws.target().profile()).isEqualTo(TargetProfile.AWS_IDENTITY_CENTER);
    assertThat(aws.users().map()).containsEntry("userName", "user.mail");
    assertThat(aws.deprovision().maxDeletes()).isEqualTo(40);
    assertThat(slack.target().profile()).isEqualTo(TargetProfile.GENERIC);
    assertThat(slack.target().token().reveal()).isEqualTo("slack-s3cr3t");
    assertThat(slack.target().rateLimit().writesPerSecond()).isEqualTo(5.0);
    assertThat(slack.users().include()).isEqualTo("user.title == 'Engineer'");
    assertThat(slack.users().map()).containsOnlyKeys("userName").containsValue("user.uid");
    assertThat(slack.groups().include()).isEqualTo("group.cn =^ 'aws-'");
    assertThat(slack.deprovision().maxDeletes()).isEqualTo(7);
    assertThat(slack.deprovision().users()).isEqualTo(SyncPolicy.UserDeprovision.DISABLE);
    assertThat(Ports.policy(config, slack).maxDeletes()).isEqualTo(7);
    assertThatThrownBy(config::target)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 targets");
  }

  @Test
  void theSingleTargetSectionIsTheTargetNamedDefault() throws IOException {
    ScimSyncConfig config =
        load("target:\n  url: https://scim.example.com/scim/v2\n  token: ${AWS_TOKEN}\n");

    assertThat(config.targets()).extracting(TargetSpec::name).containsExactly("default");
    assertThat(config.severalTargets()).isFalse();
    assertThat(config.target().url().getHost()).isEqualTo("scim.example.com");
  }

  @Test
  void aProblemInsideAnEntryNamesTheEntryAndItsLine() {
    ConfigException e =
        failure(
            """
            targets:
              - name: aws
                url: https://scim.example.com/scim/v2
                token: ${AWS_TOKEN}
              - name: slack
                url: ftp://slack.example.com/scim
                token: ${SLACK_TOKEN}
            """);
    assertThat(e.getMessage()).contains("targets[1].url").contains(":9:");
  }

  @Test
  void namesAreRequiredValidAndDistinct() {
    assertThat(
            failure(
                    """
                    targets:
                      - url: https://scim.example.com/scim/v2
                        token: ${AWS_TOKEN}
                    """)
                .getMessage())
        .contains("targets[0].name")
        .contains("is required");
    assertThat(
            failure(
                    """
                    targets:
                      - name: AWS Prod
                        url: https://scim.example.com/scim/v2
                        token: ${AWS_TOKEN}
                    """)
                .getMessage())
        .contains("targets[0].name")
        .contains("not a valid target name");
    assertThat(
            failure(
                    """
                    targets:
                      - name: aws
                        url: https://a.example.com/scim/v2
                        token: ${AWS_TOKEN}
                      - name: aws
                        url: https://b.example.com/scim/v2
                        token: ${AWS_TOKEN}
                    """)
                .getMessage())
        .contains("targets[1].name")
        .contains("names an earlier target too");
  }

  @Test
  void targetAndTargetsTogetherOrNeitherAreRefused() {
    assertThat(
            failure(
                    """
                    target:
                      url: https://a.example.com/scim/v2
                      token: ${AWS_TOKEN}
                    targets:
                      - name: aws
                        url: https://b.example.com/scim/v2
                        token: ${AWS_TOKEN}
                    """)
                .getMessage())
        .contains("targets")
        .contains("not both");
    assertThat(failure("targets: []\n").getMessage()).contains("is empty");
    assertThat(failure("users:\n  include: 'true'\n").getMessage()).contains("target");
  }

  @Test
  void anUnknownKeyInAnEntryIsNamedWithASuggestion() {
    ConfigException e =
        failure(
            """
            targets:
              - name: aws
                url: https://a.example.com/scim/v2
                tokne: ${AWS_TOKEN}
            """);
    assertThat(e.getMessage()).contains("targets[0]").contains("tokne").contains("token");
  }

  @Test
  void aBrokenRuleOfATargetPointsAtThatTargetsSection() throws IOException {
    ScimSyncConfig config =
        load(
            """
            targets:
              - name: aws
                url: https://a.example.com/scim/v2
                token: ${AWS_TOKEN}
              - name: slack
                url: https://b.example.com/scim/v2
                token: ${SLACK_TOKEN}
                users:
                  map:
                    userName: user.mail +
            """);
    TargetSpec slack = config.targetNamed("slack").orElseThrow();
    assertThat(Ports.rules(config, config.targetNamed("aws").orElseThrow())).isNotNull();
    assertThatThrownBy(() -> Ports.rules(config, slack))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("targets[1].users.map.userName")
        .hasMessageContaining(":13:");
  }
}
