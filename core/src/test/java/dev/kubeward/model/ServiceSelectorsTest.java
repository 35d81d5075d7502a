/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceSelectorsTest {

  private static String deployment(String name, String namespace, String labels) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name
        + (namespace == null ? "" : ", namespace: " + namespace) + "}\nspec:\n  template:\n    metadata: {labels: "
        + labels + "}\n    spec: {containers: [{name: app, image: app:1}]}\n";
  }

  private static String service(String name, String namespace, String spec) {
    return "apiVersion: v1\nkind: Service\nmetadata: {name: " + name
        + (namespace == null ? "" : ", namespace: " + namespace) + "}\nspec: " + spec + "\n";
  }

  private static Inventory inventory(String... documents) {
    return Inventory.of(Manifests.load(String.join("---\n", documents)));
  }

  private static Resource named(Inventory inventory, GroupKind kind, String namespace, String name) {
    return inventory.named(kind, namespace, name).get(0);
  }

  private static List<String> selecting(Inventory inventory, String namespace, String workload) {
    return ServiceSelectors.of(inventory).selecting(named(inventory, GroupKind.DEPLOYMENT, namespace, workload))
        .stream().map(Resource::name).toList();
  }

  @Test
  void aServiceIsFoundForTheWorkloadsWhoseLabelsHoldItsSelector() {
    Inventory inventory = inventory(
        service("a", "shop", "{selector: {app: a}}"),
        deployment("a-x", "shop", "{app: a, tier: x}"),
        deployment("b", "shop", "{app: b, tier: x}"),
        deployment("unlabelled", "shop", "{}"));

    assertThat(selecting(inventory, "shop", "a-x")).containsExactly("a");
    assertThat(selecting(inventory, "shop", "b")).isEmpty();
    assertThat(selecting(inventory, "shop", "unlabelled")).isEmpty();
    assertThat(ServiceSelectors.of(inventory).selectsSome(named(inventory, GroupKind.SERVICE, "shop", "a"))).isTrue();
  }

  @Test
  void everyEntryButControllerLabelsMustMatch() {
    Inventory inventory = inventory(
        service("both", "shop", "{selector: {app: a, tier: x}}"),
        service("other-tier", "shop", "{selector: {app: a, tier: y}}"),
        service("pod-name", "shop", "{selector: {statefulset.kubernetes.io/pod-name: a-0, app: a}}"),
        service("controller-only", "shop", "{selector: {pod-template-hash: abc}}"),
        service("numbers", "shop", "{selector: {version: '1'}}"),
        deployment("a", "shop", "{app: a, tier: x, version: 1}"));

    assertThat(selecting(inventory, "shop", "a")).containsExactly("both", "pod-name", "numbers");
    ServiceSelectors selectors = ServiceSelectors.of(inventory);
    assertThat(selectors.selectsSome(named(inventory, GroupKind.SERVICE, "shop", "other-tier"))).isFalse();
    // A selector of controller labels only is not read as selecting a particular workload.
    assertThat(selectors.selectsSome(named(inventory, GroupKind.SERVICE, "shop", "controller-only"))).isFalse();
  }

  @Test
  void servicesComeInScanOrderWhicheverLabelTheyAreFoundBy() {
    // Indexed by their first entry: "tier-first" and "tier-and-app" under tier=x, "app" under app=a,
    // which the workload's labels list first.
    Inventory inventory = inventory(
        service("tier-first", "shop", "{selector: {tier: x}}"),
        service("app", "shop", "{selector: {app: a}}"),
        service("tier-and-app", "shop", "{selector: {tier: x, app: a}}"),
        deployment("a", "shop", "{app: a, tier: x}"));

    assertThat(selecting(inventory, "shop", "a")).containsExactly("tier-first", "app", "tier-and-app");
  }

  @Test
  void servicesThatSelectNothingByLabelsAreLeftOut() {
    Inventory inventory = inventory(
        service("external", "shop", "{type: ExternalName, externalName: a.example.com, selector: {app: a}}"),
        service("empty", "shop", "{selector: {}}"),
        service("absent", "shop", "{ports: [{port: 80}]}"),
        service("list", "shop", "{selector: [app, a]}"),
        deployment("a", "shop", "{app: a}"));

    assertThat(selecting(inventory, "shop", "a")).isEmpty();
    ServiceSelectors selectors = ServiceSelectors.of(inventory);
    for (String name : List.of("external", "empty", "absent", "list")) {
      assertThat(selectors.selectsSome(named(inventory, GroupKind.SERVICE, "shop", name))).as(name).isFalse();
    }
  }

  @Test
  void onlyServicesOfTheWorkloadsEffectiveNamespaceSelectIt() {
    Inventory inventory = inventory(
        service("elsewhere", "other", "{selector: {app: a}}"),
        service("unset", null, "{selector: {app: a}}"),
        service("explicit", "default", "{selector: {app: a}}"),
        deployment("a", "shop", "{app: a}"),
        deployment("a", null, "{app: a}"));

    assertThat(selecting(inventory, "shop", "a")).isEmpty();
    assertThat(selecting(inventory, "default", "a")).containsExactly("unset", "explicit");
    assertThat(ServiceSelectors.of(inventory).selectsSome(named(inventory, GroupKind.SERVICE, "other", "elsewhere")))
        .isFalse();
  }

  @Test
  void theIndexIsBuiltOncePerInventory() {
    Inventory inventory = inventory(service("a", "shop", "{selector: {app: a}}"), deployment("a", "shop", "{app: a}"));

    assertThat(ServiceSelectors.of(inventory)).isSameAs(ServiceSelectors.of(inventory));
  }
}
