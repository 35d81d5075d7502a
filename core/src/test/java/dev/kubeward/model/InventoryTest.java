package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryTest {

  private static final String STORY = """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        labels: {team: front}
      spec:
        template:
          metadata:
            labels: {app: web, tier: front}
          spec:
            containers: [{name: app, image: web:1}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: shop
        labels: {team: back}
      spec:
        template:
          metadata:
            labels: {app: api, tier: back, canary: "true"}
          spec:
            containers: [{name: app, image: api:1}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: debug
        namespace: shop
        labels: {app: debug}
      spec:
        containers: [{name: sh, image: busybox}]
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: report
      spec:
        jobTemplate:
          spec:
            template:
              metadata:
                labels: {app: web}
              spec:
                containers: [{name: r, image: report:1}]
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: web
        namespace: shop
        labels: {app: web}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: reader
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        generateName: anon-
        namespace: shop
      """;

  private final List<Resource> resources = Manifests.load(STORY);
  private final Inventory inventory = Inventory.of(resources);

  private static List<String> names(List<Resource> list) {
    return list.stream().map(Resource::displayName).toList();
  }

  @Test
  void keepsScanOrderAndCounts() {
    assertThat(inventory.size()).isEqualTo(9);
    assertThat(inventory.all()).containsExactlyElementsOf(resources);
    assertThat(names(inventory.workloads()))
        .containsExactly("Deployment shop/web", "Deployment shop/api", "Pod shop/debug", "CronJob report");
  }

  @Test
  void looksUpByKind() {
    assertThat(names(inventory.ofKind("ConfigMap")))
        .containsExactly("ConfigMap shop/web", "ConfigMap settings", "ConfigMap shop/<unnamed>");
    assertThat(inventory.ofKind("Secret")).isEmpty();
  }

  @Test
  void looksUpByNamespace() {
    assertThat(names(inventory.inNamespace("shop"))).containsExactly("Deployment shop/web",
        "Deployment shop/api", "Pod shop/debug", "ConfigMap shop/web", "ConfigMap shop/<unnamed>");
    assertThat(inventory.inNamespace("default")).as("unset namespaces are not listed").isEmpty();
    assertThat(inventory.namespaces()).containsExactly("shop");
  }

  @Test
  void findsByKindNamespaceAndName() {
    assertThat(inventory.find("Deployment", "shop", "web").displayName()).isEqualTo("Deployment shop/web");
    assertThat(inventory.find("ConfigMap", "shop", "web").kind()).isEqualTo("ConfigMap");
    assertThat(inventory.find("Deployment", "default", "web")).isNull();
    assertThat(inventory.find("Deployment", "shop", "nope")).isNull();
    assertThat(inventory.find("ClusterRole", null, "reader").name()).isEqualTo("reader");
  }

  @Test
  void anUnsetNamespaceIsDefault() {
    Resource settings = inventory.find("ConfigMap", null, "settings");

    assertThat(inventory.find("ConfigMap", "default", "settings")).isSameAs(settings);
    assertThat(inventory.find("ConfigMap", "", "settings")).isSameAs(settings);
    assertThat(Inventory.namespaceOf(settings)).isEqualTo("default");
    assertThat(names(inventory.selectWorkloads("default", LabelSelector.everything())))
        .containsExactly("CronJob report");
    assertThat(names(inventory.select("ConfigMap", "default", LabelSelector.everything())))
        .containsExactly("ConfigMap settings");
  }

  @Test
  void selectsObjectsByTheirOwnLabels() {
    Node selector = Manifests.one("""
        apiVersion: v1
        kind: Selector
        selector:
          matchLabels: {app: web}
        """).root().get("selector");

    assertThat(names(inventory.select("ConfigMap", "shop", LabelSelector.of(selector))))
        .containsExactly("ConfigMap shop/web");
    assertThat(names(inventory.select("Deployment", null, LabelSelector.ofMap(
        Manifests.one("apiVersion: v1\nkind: S\nsel: {team: back}\n").root().get("sel")))))
        .containsExactly("Deployment shop/api");
    assertThat(inventory.select("Deployment", "other", LabelSelector.everything())).isEmpty();
  }

  @Test
  void selectsWorkloadsByTheirPodTemplateLabels() {
    List<Resource> selected = inventory.selectWorkloads("shop", selector("""
        matchLabels: {app: web}
        """));

    assertThat(names(selected)).as("the workload's own labels do not count").containsExactly("Deployment shop/web");
    assertThat(names(inventory.selectWorkloads(null, selector("matchLabels: {app: web}\n"))))
        .containsExactly("Deployment shop/web", "CronJob report");
    assertThat(names(inventory.selectWorkloads("shop", selector("matchLabels: {app: debug}\n"))))
        .containsExactly("Pod shop/debug");
    assertThat(names(inventory.selectWorkloads("shop", selector("matchLabels: {team: front}\n")))).isEmpty();
  }

  @Test
  void selectsWorkloadsByExpressions() {
    assertThat(names(inventory.selectWorkloads("shop", selector("""
        matchExpressions:
          - {key: tier, operator: In, values: [front, back]}
        """)))).containsExactly("Deployment shop/web", "Deployment shop/api");
    assertThat(names(inventory.selectWorkloads("shop", selector("""
        matchExpressions:
          - {key: tier, operator: NotIn, values: [front]}
        """)))).containsExactly("Deployment shop/api", "Pod shop/debug");
    assertThat(names(inventory.selectWorkloads("shop", selector("""
        matchExpressions:
          - {key: canary, operator: Exists}
        """)))).containsExactly("Deployment shop/api");
    assertThat(names(inventory.selectWorkloads("shop", selector("""
        matchExpressions:
          - {key: canary, operator: DoesNotExist}
        """)))).containsExactly("Deployment shop/web", "Pod shop/debug");
    assertThat(names(inventory.selectWorkloads("shop", selector("""
        matchLabels: {tier: back}
        matchExpressions:
          - {key: app, operator: In, values: [web]}
        """)))).as("all requirements must hold").isEmpty();
  }

  @Test
  void podLabelsOfAPodAreItsOwn() {
    Resource pod = inventory.find("Pod", "shop", "debug");

    assertThat(Inventory.podLabels(pod.podSpec())).isEqualTo(Map.of("app", "debug"));
  }

  private static LabelSelector selector(String yaml) {
    String doc = "apiVersion: v1\nkind: Selector\nselector:\n" + yaml.indent(2);
    return LabelSelector.of(Manifests.one(doc).root().get("selector"));
  }
}
