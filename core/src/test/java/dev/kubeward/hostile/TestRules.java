/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.hostile;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Container;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.LabelSelector;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Small rules for core's own tests. Core cannot depend on the rule modules, so these stand in
 * for them: they read the same views (pod spec, containers, env, selectors) a real rule does.
 * None of them quotes a value from the input in its message.
 */
public final class TestRules {

  private TestRules() {}

  /** Every test rule, in id order. */
  public static List<Rule> all() {
    return List.of(new EnvLiteral(), new Privileged(), new SecretKeys(), new ServiceSelectsNothing());
  }

  /** {@code test-privileged}: a container with {@code securityContext.privileged: true}. */
  public static final class Privileged implements ResourceRule {

    public static final String ID = "test-privileged";

    private static final RuleMetadata METADATA = RuleMetadata.builder(ID)
        .title("Privileged container (test rule)")
        .severity(Severity.HIGH)
        .topic(Topic.POD_SECURITY)
        .controls("pss-baseline:privileged")
        .kinds(RuleMetadata.WORKLOADS)
        .rationale("Stands in for privileged-container in core's tests.")
        .remediation("Remove securityContext.privileged.")
        .build();

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Resource resource, Context context) {
      for (Container c : resource.podSpec().containers()) {
        Node privileged = c.effectiveSecurityContext("privileged");
        if (privileged.isTrue()) {
          context.report(resource, privileged, c.describe() + " of " + resource.displayName() + " runs privileged");
        }
      }
    }
  }

  /** {@code test-env-literal}: an env var with a literal {@code value} (points at the value). */
  public static final class EnvLiteral implements ResourceRule {

    public static final String ID = "test-env-literal";

    private static final RuleMetadata METADATA = RuleMetadata.builder(ID)
        .title("Literal env value (test rule)")
        .severity(Severity.LOW)
        .topic(Topic.SECRETS)
        .kinds(RuleMetadata.WORKLOADS)
        .rationale("Points a finding at a node that holds a secret value.")
        .remediation("Use valueFrom.")
        .build();

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Resource resource, Context context) {
      for (Container c : resource.podSpec().containers()) {
        Node env = c.node().get("env");
        for (int i = 0; i < env.size(); i++) {
          Node value = env.get(i).get("value");
          if (value.isScalar() && !value.isNull()) {
            context.report(resource, value, "env var \"" + env.get(i).get("name").text("") + "\" of "
                + c.describe() + " of " + resource.displayName() + " has a literal value");
          }
        }
      }
    }
  }

  /** {@code test-secret-keys}: every key under a Secret's {@code data} and {@code stringData}. */
  public static final class SecretKeys implements ResourceRule {

    public static final String ID = "test-secret-keys";

    private static final RuleMetadata METADATA = RuleMetadata.builder(ID)
        .title("Secret in a manifest (test rule)")
        .severity(Severity.MEDIUM)
        .topic(Topic.SECRETS)
        .kinds(GroupKind.SECRET)
        .rationale("Points findings at secret values.")
        .remediation("Keep Secrets out of manifests.")
        .build();

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Resource resource, Context context) {
      for (String field : List.of("data", "stringData")) {
        MapNode map = resource.root().get(field).asMap();
        for (int i = 0; i < map.size(); i++) {
          context.report(resource, map.value(i), resource.displayName() + " holds key \"" + map.key(i)
              + "\" in " + field);
        }
      }
    }
  }

  /** {@code test-service-selects-nothing}: a Service whose selector matches no workload. */
  public static final class ServiceSelectsNothing implements InventoryRule {

    public static final String ID = "test-service-selects-nothing";

    private static final RuleMetadata METADATA = RuleMetadata.builder(ID)
        .title("Service selects nothing (test rule)")
        .severity(Severity.INFO)
        .topic(Topic.HYGIENE)
        .kinds(GroupKind.SERVICE)
        .rationale("Exercises the inventory.")
        .remediation("Fix the selector.")
        .build();

    @Override
    public RuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public void check(Inventory inventory, Context context) {
      List<Resource> services = inventory.ofKind(GroupKind.SERVICE);
      if (services.isEmpty()) {
        return;
      }
      // Pod labels once per workload, not once per Service and workload.
      List<Resource> workloads = new ArrayList<>();
      List<Map<String, String>> labels = new ArrayList<>();
      for (Resource r : inventory.all()) {
        if (r.isWorkload()) {
          workloads.add(r);
          labels.add(Inventory.podLabels(r.podSpec()));
        }
      }
      for (Resource service : services) {
        Node selector = service.root().get("spec").get("selector");
        if (!selector.isMap() || selector.size() == 0) {
          continue;
        }
        LabelSelector s = LabelSelector.ofMap(selector);
        boolean selects = false;
        for (int i = 0; i < workloads.size() && !selects; i++) {
          selects = Objects.equals(workloads.get(i).namespace(), service.namespace()) && s.matches(labels.get(i));
        }
        if (!selects) {
          context.report(service, selector, service.displayName() + " selects no workload");
        }
      }
    }
  }
}
