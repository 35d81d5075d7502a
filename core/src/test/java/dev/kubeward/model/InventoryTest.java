/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import dev.kubeward.model.GroupKind;
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
    assertThat(names(inventory.ofKind(GroupKind.CONFIG_MAP)))
        .containsExactly("ConfigMap shop/web", "ConfigMap settings", "ConfigMap shop/anon-*");
    assertThat(inventory.ofKind(GroupKind.SECRET)).isEmpty();
  }

  @Test
  void looksUpByNamespace() {
    assertThat(names(inventory.inNamespace("shop"))).containsExactly("Deployment shop/web",
        "Deployment shop/api", "Pod shop/debug", "ConfigMap shop/web", "ConfigMap shop/anon-*");
    assertThat(names(inventory.inNamespace("default"))).as("unset namespaces land in default")
        .containsExactly("CronJob report", "ConfigMap settings");
    assertThat(names(inventory.ofKind(GroupKind.CONFIG_MAP, "default"))).containsExactly("ConfigMap settings");
    assertThat(inventory.namespaces()).as("objects without a namespace do not make default present")
        .containsExactly("shop");
  }

  @Test
  void findsEveryCopyByGroupKindNamespaceAndName() {
    assertThat(names(inventory.named(GroupKind.DEPLOYMENT, "shop", "web"))).containsExactly("Deployment shop/web");
    assertThat(inventory.named(GroupKind.CONFIG_MAP, "shop", "web").get(0).kind()).isEqualTo("ConfigMap");
    assertThat(inventory.named(GroupKind.DEPLOYMENT, "default", "web")).isEmpty();
    assertThat(inventory.named(GroupKind.DEPLOYMENT, "shop", "nope")).isEmpty();
    assertThat(inventory.named(GroupKind.of("example.com", "Deployment"), "shop", "web"))
        .as("another group's Deployment is another kind").isEmpty();
    assertThat(inventory.named(GroupKind.CLUSTER_ROLE, null, "reader").get(0).name()).isEqualTo("reader");
    assertThat(inventory.named(GroupKind.CLUSTER_ROLE, "shop", "reader"))
        .as("a cluster-scoped kind ignores the namespace").hasSize(1);
  }

  @Test
  void anUnsetNamespaceIsDefault() {
    List<Resource> settings = inventory.named(GroupKind.CONFIG_MAP, null, "settings");

    assertThat(settings).hasSize(1);
    assertThat(inventory.named(GroupKind.CONFIG_MAP, "default", "settings")).isEqualTo(settings);
    assertThat(inventory.named(GroupKind.CONFIG_MAP, "", "settings")).isEqualTo(settings);
    assertThat(inventory.namespaceOf(settings.get(0))).isEqualTo("default");
    assertThat(names(inventory.selectWorkloads("default", LabelSelector.everything())))
        .containsExactly("CronJob report");
    assertThat(names(inventory.select(GroupKind.CONFIG_MAP, "default", LabelSelector.everything())))
        .containsExactly("ConfigMap settings");
  }

  @Test
  void theDefaultNamespaceIsTheCallersChoice() {
    Inventory other = Inventory.of(resources, "team-a");

    assertThat(other.defaultNamespace()).isEqualTo("team-a");
    assertThat(names(other.inNamespace("team-a"))).containsExactly("CronJob report", "ConfigMap settings");
    assertThat(other.inNamespace("default")).isEmpty();
    assertThat(other.named(GroupKind.CONFIG_MAP, null, "settings")).hasSize(1);
    assertThat(other.named(GroupKind.CONFIG_MAP, "default", "settings")).isEmpty();
    assertThat(other.namespaceOf(other.named(GroupKind.CLUSTER_ROLE, null, "reader").get(0))).isNull();
  }

  @Test
  void aClusterScopedObjectIgnoresTheNamespaceItCarriesAndCreatesNone() {
    Inventory stray = Inventory.of(Manifests.load("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: admin-ish, namespace: ghost}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: real, namespace: ghost2}
        """));

    Resource role = stray.ofKind(GroupKind.CLUSTER_ROLE).get(0);
    assertThat(role.namespace()).as("the declared namespace is kept for reports").isEqualTo("ghost");
    assertThat(stray.namespaceOf(role)).isNull();
    assertThat(stray.inNamespace("ghost")).isEmpty();
    assertThat(stray.namespaces()).containsExactly("real");
    assertThat(stray.named(GroupKind.CLUSTER_ROLE, null, "admin-ish")).containsExactly(role);
  }

  @Test
  void namespaceLabelsAddTheNameLabelTheApiServerSets() {
    Inventory labelled = Inventory.of(Manifests.load("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {team: a}}
        """));

    assertThat(labelled.namespaceLabels("shop"))
        .containsExactly(Map.entry("team", "a"), Map.entry("kubernetes.io/metadata.name", "shop"));
    assertThat(labelled.namespaceLabels("absent")).containsExactly(Map.entry("kubernetes.io/metadata.name", "absent"));
  }

  @Test
  void theSameObjectTwiceGivesBothCopiesInSourceOrderWhateverTheLoadOrder() {
    List<Resource> a = Manifests.load("b.yaml", """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: app, namespace: shop}
        """);
    List<Resource> b = Manifests.load("a.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: x}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: app, namespace: shop}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: x, namespace: default}
        """);
    List<Resource> ab = new java.util.ArrayList<>(a);
    ab.addAll(b);
    List<Resource> ba = new java.util.ArrayList<>(b);
    ba.addAll(a);

    for (List<Resource> order : List.of(ab, ba)) {
      Inventory inv = Inventory.of(order);
      assertThat(inv.named(GroupKind.SERVICE_ACCOUNT, "shop", "app")).extracting(r -> r.source().name())
          .containsExactly("a.yaml", "b.yaml");
      assertThat(inv.duplicates()).hasSize(2);
      assertThat(inv.duplicates().get(0)).extracting(Resource::kind).containsExactly("ConfigMap", "ConfigMap");
      assertThat(inv.duplicates().get(1)).extracting(Resource::kind).containsExactly("ServiceAccount", "ServiceAccount");
    }
  }

  @Test
  void copiesOfAClusterScopedObjectInDifferentNamespacesAreOneObject() {
    List<Resource> loaded = Manifests.load("roles.yaml", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader, namespace: a}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: writer}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader, namespace: b}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader}
        """);

    Inventory duplicatesFirst = Inventory.of(loaded);
    assertThat(duplicatesFirst.duplicates()).singleElement().satisfies(copies ->
        assertThat(copies).extracting(Resource::line).containsExactly(1, 9, 13));
    assertThat(duplicatesFirst.named(GroupKind.CLUSTER_ROLE, "b", "reader")).extracting(Resource::line)
        .containsExactly(1, 9, 13);

    Inventory namedFirst = Inventory.of(loaded);
    assertThat(namedFirst.named(GroupKind.CLUSTER_ROLE, null, "writer")).extracting(Resource::line)
        .containsExactly(5);
    assertThat(namedFirst.duplicates()).isEqualTo(duplicatesFirst.duplicates());
  }

  @Test
  void indexesMadeOnFirstUseGiveEveryThreadTheSameAnswer() throws Exception {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      yaml.append("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c").append(i % 150)
          .append(", namespace: n").append(i % 3).append("}\n---\n");
    }
    List<Resource> loaded = Manifests.load(yaml.toString());
    List<List<Resource>> expected = Inventory.of(loaded).duplicates();
    assertThat(expected).as("the 50 names given twice in one namespace").hasSize(50).allSatisfy(copies -> assertThat(copies).hasSize(2));

    for (int round = 0; round < 20; round++) {
      Inventory shared = Inventory.of(loaded);
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        List<java.util.concurrent.Future<List<Object>>> answers = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
          answers.add(pool.submit(() -> List.of(shared.named(GroupKind.CONFIG_MAP, "n1", "c7"),
              shared.named(GroupKind.CONFIG_MAP, "n2", "c149"), shared.duplicates(), shared.namespaces())));
        }
        for (java.util.concurrent.Future<List<Object>> answer : answers) {
          List<Object> got = answer.get();
          assertThat((List<?>) got.get(0)).as("c7 is items 7 and 157").hasSize(2);
          assertThat((List<?>) got.get(1)).hasSize(1);
          assertThat(got.get(2)).isEqualTo(expected);
          assertThat((java.util.Set<?>) got.get(3)).isEmpty();
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void derivedValuesAreComputedOncePerInventory() {
    java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
    Inventory.Derived<Integer> count = Inventory.Derived.of("count", inv -> {
      computed.incrementAndGet();
      return inv.size();
    });

    assertThat(inventory.derived(count)).isEqualTo(9);
    assertThat(inventory.derived(count)).isEqualTo(9);
    assertThat(computed).hasValue(1);
    assertThat(Inventory.of(resources).derived(count)).isEqualTo(9);
    assertThat(computed).hasValue(2);
  }

  @Test
  void aDerivedValueThatNeedsItselfIsRefused() {
    Inventory.Derived<Integer>[] self = new Inventory.Derived[1];
    self[0] = Inventory.Derived.of("self", inv -> inv.derived(self[0]));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> inventory.derived(self[0]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("derived value 'self' depends on itself");
  }

  @Test
  void selectsObjectsByTheirOwnLabels() {
    Node selector = Manifests.one("""
        apiVersion: v1
        kind: Selector
        selector:
          matchLabels: {app: web}
        """).root().get("selector");

    assertThat(names(inventory.select(GroupKind.CONFIG_MAP, "shop", LabelSelector.of(selector))))
        .containsExactly("ConfigMap shop/web");
    assertThat(names(inventory.select(GroupKind.DEPLOYMENT, null, LabelSelector.ofMap(
        Manifests.one("apiVersion: v1\nkind: S\nsel: {team: back}\n").root().get("sel")))))
        .containsExactly("Deployment shop/api");
    assertThat(inventory.select(GroupKind.DEPLOYMENT, "other", LabelSelector.everything())).isEmpty();
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
    Resource pod = inventory.named(GroupKind.POD, "shop", "debug").get(0);

    assertThat(Inventory.podLabels(pod.podSpec())).isEqualTo(Map.of("app", "debug"));
  }

  private static LabelSelector selector(String yaml) {
    String doc = "apiVersion: v1\nkind: Selector\nselector:\n" + yaml.indent(2);
    return LabelSelector.of(Manifests.one(doc).root().get("selector"));
  }
}
