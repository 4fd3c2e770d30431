package org.scimsync.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.scimsync.service.internal.CronSchedule;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class DeployManifestsTest {

  /** Every key of the configuration contract (config-example.yaml); map entries are free. */
  private static final Set<String> CONTRACT_KEYS =
      Set.of(
          "source.type",
          "source.path",
          "source.csv.users",
          "source.csv.groups",
          "source.ldap.url",
          "source.ldap.startTls",
          "source.ldap.bindDn",
          "source.ldap.bindPassword",
          "source.ldap.flavor",
          "source.ldap.userBase",
          "source.ldap.userFilter",
          "source.ldap.groupBase",
          "source.ldap.groupFilter",
          "source.users.key",
          "source.groups.key",
          "source.groups.nested",
          "target.profile",
          "target.url",
          "target.token",
          "target.rateLimit.readsPerSecond",
          "target.rateLimit.writesPerSecond",
          "target.timeoutSeconds",
          "target.trustStore",
          "state.path",
          "users.include",
          "users.drop",
          "groups.include",
          "deprovision.users",
          "deprovision.groups",
          "deprovision.maxDeletes",
          "deprovision.maxDeletePercent",
          "schedule.cron",
          "schedule.fullEvery",
          "webhook.listen",
          "webhook.secret");

  private static List<Map<String, Object>> documents(String relative) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : yaml.loadAll(DeployFiles.read(relative))) {
      assertThat(document).as(relative + " document").isInstanceOf(Map.class);
      documents.add(map(document));
    }
    return documents;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<Object>) value;
  }

  /** The value at a dotted path of nested maps. */
  private static Object at(Map<String, Object> root, String path) {
    Object value = root;
    for (String key : path.split("\\.")) {
      assertThat(map(value)).as(path).containsKey(key);
      value = map(value).get(key);
    }
    return value;
  }

  private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind) {
    return documents.stream()
        .filter(d -> kind.equals(d.get("kind")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind));
  }

  private static void flatten(String prefix, Map<String, Object> map, Set<String> keys) {
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
      if (entry.getValue() instanceof Map<?, ?> nested && !key.endsWith(".map")) {
        flatten(key, map(nested), keys);
      } else {
        keys.add(key);
      }
    }
  }

  @Test
  void theExampleConfigurationUsesOnlyContractKeysAndNoLiteralSecret() {
    Map<String, Object> config = documents("config/scim-sync.yaml").get(0);
    Set<String> keys = new TreeSet<>();
    flatten("", config, keys);
    keys.removeIf(key -> key.equals("users.map") || key.equals("groups.map"));
    assertThat(keys).isSubsetOf(CONTRACT_KEYS);

    assertThat(at(config, "source.type")).isEqualTo("ldap");
    assertThat(at(config, "source.ldap.flavor")).isEqualTo("active-directory");
    assertThat(at(config, "source.ldap.url").toString()).startsWith("ldaps://");
    assertThat(at(config, "source.users.key")).isEqualTo("objectGUID");
    assertThat(at(config, "target.profile")).isEqualTo("aws-identity-center");
    assertThat(at(config, "target.url").toString()).startsWith("https://scim.");
    assertThat(at(config, "target.token")).isEqualTo("${file:scim-token}");
    assertThat(at(config, "source.ldap.bindPassword")).isEqualTo("${file:ldap-password}");
    assertThat(at(config, "webhook.secret")).isEqualTo("${file:webhook-secret}");
    assertThat(at(config, "state.path").toString()).startsWith("/var/lib/scim-sync/");
    assertThat(at(config, "users.map.userName")).isNotNull();
    assertThat(at(config, "groups.map.displayName")).isNotNull();
    CronSchedule.parse(at(config, "schedule.cron").toString());
    assertThat(ServiceSettings.parseListen(at(config, "webhook.listen").toString()).getPort())
        .isEqualTo(8088);
  }

  @Test
  void theDeploymentProbesTheServiceAndTakesSecretsFromASecret() {
    List<Map<String, Object>> documents = documents("kubernetes/deployment.yaml");
    Map<String, Object> deployment = kind(documents, "Deployment");
    assertThat(at(deployment, "apiVersion")).isEqualTo("apps/v1");
    assertThat(at(deployment, "spec.replicas")).isEqualTo(1);
    assertThat(at(deployment, "spec.strategy.type")).isEqualTo("Recreate");
    assertThat(at(deployment, "spec.selector.matchLabels"))
        .isEqualTo(at(deployment, "spec.template.metadata.labels"));
    Map<String, Object> pod = map(at(deployment, "spec.template.spec"));
    assertThat(at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
    Map<String, Object> container = map(list(pod.get("containers")).get(0));
    assertThat(list(container.get("args"))).startsWith("serve");
    assertThat(at(container, "readinessProbe.httpGet.path")).isEqualTo("/readyz");
    assertThat(at(container, "livenessProbe.httpGet.path")).isEqualTo("/healthz");
    assertThat(at(container, "readinessProbe.httpGet.port")).isEqualTo("http");
    assertThat(map(list(container.get("ports")).get(0)))
        .containsEntry("name", "http")
        .containsEntry("containerPort", 8088);
    assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
    assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
    assertSecretsProjectedBesideTheConfiguration(pod);
    assertThat(kind(documents, "PersistentVolumeClaim")).isNotNull();

    Map<String, Object> service = kind(documents("kubernetes/service.yaml"), "Service");
    assertThat(at(service, "spec.selector"))
        .isEqualTo(at(deployment, "spec.template.metadata.labels"));
    assertThat(map(list(at(service, "spec.ports")).get(0))).containsEntry("targetPort", "http");
  }

  @Test
  void theClusterRunsTwoReplicasOnPostgresqlWithADisruptionBudgetAndProbes() {
    List<Map<String, Object>> documents = documents("kubernetes/cluster.yaml");
    Map<String, Object> deployment = kind(documents, "Deployment");
    assertThat(at(deployment, "spec.replicas")).isEqualTo(2);
    assertThat(at(deployment, "spec.strategy.type")).isEqualTo("RollingUpdate");
    Map<String, Object> labels = map(at(deployment, "spec.template.metadata.labels"));
    assertThat(at(deployment, "spec.selector.matchLabels")).isEqualTo(labels);
    Map<String, Object> pod = map(at(deployment, "spec.template.spec"));
    assertThat(at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
    Map<String, Object> container = map(list(pod.get("containers")).get(0));
    assertThat(list(container.get("args")))
        .containsExactly("serve", "--config", "/etc/scim-sync/scim-sync.yaml");
    assertThat(at(container, "readinessProbe.httpGet.path")).isEqualTo("/readyz");
    assertThat(at(container, "livenessProbe.httpGet.path")).isEqualTo("/healthz");
    assertThat(at(container, "startupProbe.httpGet.path")).isEqualTo("/healthz");
    assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
    List<String> mounts =
        list(container.get("volumeMounts")).stream()
            .map(m -> map(m).get("mountPath").toString())
            .toList();
    assertThat(mounts)
        .as("the state is in PostgreSQL: no state volume")
        .containsExactlyInAnyOrder("/etc/scim-sync", "/tmp");
    assertThat(documents).noneMatch(d -> "PersistentVolumeClaim".equals(d.get("kind")));
    Map<String, Object> config =
        list(pod.get("volumes")).stream()
            .map(DeployManifestsTest::map)
            .filter(v -> "config".equals(v.get("name")))
            .findFirst()
            .orElseThrow();
    assertThat(list(at(config, "projected.sources")))
        .map(DeployManifestsTest::map)
        .anySatisfy(source -> assertThat(source).containsKey("secret"))
        .anySatisfy(source -> assertThat(source).containsKey("configMap"));
    String text = DeployFiles.read("kubernetes/cluster.yaml");
    assertThat(text)
        .contains("url: jdbc:postgresql://")
        .contains("password: ${file:db-password}")
        .contains("--from-file=db-password");

    Map<String, Object> budget = kind(documents, "PodDisruptionBudget");
    assertThat(at(budget, "apiVersion")).isEqualTo("policy/v1");
    assertThat(at(budget, "spec.minAvailable")).isEqualTo(1);
    assertThat(at(budget, "spec.selector.matchLabels")).isEqualTo(labels);
    Map<String, Object> service = kind(documents("kubernetes/service.yaml"), "Service");
    assertThat(at(service, "spec.selector")).isEqualTo(labels);
  }

  @Test
  void theCronJobRunsOneShotSyncsOneAtATime() {
    List<Map<String, Object>> documents = documents("kubernetes/cronjob.yaml");
    Map<String, Object> cronJob = kind(documents, "CronJob");
    assertThat(at(cronJob, "apiVersion")).isEqualTo("batch/v1");
    assertThat(at(cronJob, "spec.concurrencyPolicy")).isEqualTo("Forbid");
    assertThat(at(cronJob, "spec.schedule").toString().split(" ")).hasSize(5);
    Map<String, Object> pod = map(at(cronJob, "spec.jobTemplate.spec.template.spec"));
    assertThat(pod.get("restartPolicy")).isEqualTo("Never");
    Map<String, Object> container = map(list(pod.get("containers")).get(0));
    assertThat(list(container.get("args"))).startsWith("sync");
    assertSecretsProjectedBesideTheConfiguration(pod);
    String claim =
        list(pod.get("volumes")).stream()
            .map(DeployManifestsTest::map)
            .filter(v -> v.containsKey("persistentVolumeClaim"))
            .map(v -> at(v, "persistentVolumeClaim.claimName").toString())
            .findFirst()
            .orElseThrow();
    assertThat(at(kind(documents, "PersistentVolumeClaim"), "metadata.name")).isEqualTo(claim);
  }

  /** The ConfigMap and the Secret are projected into /etc/scim-sync; the state has a volume. */
  private static void assertSecretsProjectedBesideTheConfiguration(Map<String, Object> pod) {
    Map<String, Object> container = map(list(pod.get("containers")).get(0));
    assertThat(list(container.get("args"))).contains("--config", "/etc/scim-sync/scim-sync.yaml");
    List<String> mounts =
        list(container.get("volumeMounts")).stream()
            .map(m -> map(m).get("mountPath").toString())
            .toList();
    assertThat(mounts).contains("/etc/scim-sync", "/var/lib/scim-sync", "/tmp");
    Map<String, Object> config =
        list(pod.get("volumes")).stream()
            .map(DeployManifestsTest::map)
            .filter(v -> "config".equals(v.get("name")))
            .findFirst()
            .orElseThrow();
    List<Object> sources = list(at(config, "projected.sources"));
    assertThat(sources)
        .anySatisfy(s -> assertThat(at(map(s), "secret.name")).isEqualTo("scim-sync"));
    assertThat(sources)
        .anySatisfy(s -> assertThat(at(map(s), "configMap.name")).isEqualTo("scim-sync-config"));
  }

  @Test
  void theImageIsBuiltWithTheWrapperAndRunsAsNonRootOnAJre() {
    String dockerfile = DeployFiles.read("docker/Dockerfile");
    List<String> stages = dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList();
    assertThat(stages).hasSize(2);
    assertThat(stages.get(0)).contains("17-jdk").endsWith(" AS build");
    assertThat(stages.get(1)).contains("17-jre");
    assertThat(dockerfile)
        .contains("./mvnw -B")
        .contains("\nUSER 10001")
        .contains("VOLUME [\"/var/lib/scim-sync\"]");
    assertThat(dockerfile.lines().filter(l -> l.startsWith("USER ")).toList())
        .noneMatch(l -> l.contains("root") || l.equals("USER 0"));
  }

  @Test
  void theCronLineRunsAOneShotSyncAsTheServiceUser() {
    List<String> entries =
        DeployFiles.read("cron/scim-sync.cron")
            .lines()
            .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.contains("="))
            .toList();
    assertThat(entries).hasSize(1);
    String[] fields = entries.get(0).split("\\s+", 7);
    assertThat(fields).hasSize(7);
    assertThat(fields[5]).isEqualTo("scim-sync");
    assertThat(fields[6])
        .contains("/opt/scim-sync/bin/scim-sync sync --config /etc/scim-sync/scim-sync.yaml");
  }
}
