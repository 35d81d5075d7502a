/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A Deployment whose rollout may stop every replica at once while a Service sends traffic to it
 * (strategy Recreate, or a maxUnavailable that resolves to the whole replica count), or whose
 * rolling update parameters the API server rejects.
 */
public final class DeploymentRolloutUnbounded implements InventoryRule {

  private static final long PERCENT = 1L << 32;
  private static final long INVALID = -1;
  private static final List<GroupKind> KINDS = List.of(GroupKind.DEPLOYMENT, GroupKind.EXTENSIONS_DEPLOYMENT);

  private static final RuleMetadata METADATA = RuleMetadata.builder("deployment-rollout-unbounded")
      .title("Deployment rollout that may stop every replica at once")
      .severity(Severity.LOW)
      .topic(Topic.HYGIENE)
      .kinds(GroupKind.DEPLOYMENT, GroupKind.EXTENSIONS_DEPLOYMENT, GroupKind.SERVICE,
          GroupKind.HORIZONTAL_POD_AUTOSCALER)
      .optIn()
      .rationale("A rolling update replaces pods a few at a time, bounded by maxUnavailable (rounded down from a"
          + " percentage of the replicas) and maxSurge (rounded up); when both resolve to 0 the controller"
          + " takes maxUnavailable as 1. Left out, the strategy is RollingUpdate with 25% and 25% (1 and 1 in"
          + " extensions/v1beta1 and apps/v1beta1), which is bounded and not reported. Reported, when a Service"
          + " of the scan sends traffic to the Deployment's pods (as kube-score's deployment-strategy asks; a"
          + " Service whose ports are all named as metrics ports, a scrape target, does not count):"
          + " type Recreate, which stops every pod before starting the new ones, and a maxUnavailable that"
          + " resolves to at least the replica count (such as 100%, or 1 of 1 replica), which allows the same;"
          + " either way the Service has no endpoint until a new pod is ready. The replica count is taken as"
          + " for low-replica-count (the least an autoscaler allows). A pod template that mounts a"
          + " PersistentVolumeClaim is not reported for these: a ReadWriteOnce volume cannot be attached to an"
          + " old and a new pod on two nodes, so stopping the old pod first is deliberate. Reported whatever"
          + " routes to the pods, because the API server rejects them: maxUnavailable above 100%, and"
          + " maxUnavailable and maxSurge both 0 (pkg/apis/apps/validation ValidateRollingUpdateDeployment).")
      .remediation("Use strategy RollingUpdate with maxUnavailable below the replica count (0 with maxSurge: 1"
          + " keeps every replica serving during a rollout).")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    for (int k = 0; k < KINDS.size(); k++) {
      List<Resource> deployments = inventory.ofKind(KINDS.get(k));
      for (int i = 0; i < deployments.size(); i++) {
        check(inventory, deployments.get(i), context);
      }
    }
  }

  private static void check(Inventory inventory, Resource deployment, Context context) {
    if (deployment.podSpec() == null) {
      return;
    }
    Node spec = deployment.root().get("spec");
    Node strategy = spec.get("strategy");
    Node type = strategy.get("type");
    if (type.textEquals("Recreate")) {
      Resource service = mountsClaim(deployment) ? null : Services.routingTo(inventory, deployment, false);
      if (service != null) {
        context.finding(deployment, type)
            .message(deployment.displayName() + " uses strategy Recreate: a rollout stops all its pods before"
                + " starting new ones while " + service.displayName() + " sends traffic to them")
            .related(service, Services.selector(service), service.displayName() + " selects the pods")
            .key("recreate")
            .report();
      }
      return;
    }
    if (!type.isNull() && !type.textEquals("RollingUpdate")) {
      return;
    }
    Node rolling = strategy.get("rollingUpdate");
    Node maxUnavailableNode = rolling.get("maxUnavailable");
    Node maxSurgeNode = rolling.get("maxSurge");
    boolean legacy = deployment.apiVersion().equals("extensions/v1beta1") || deployment.apiVersion().equals("apps/v1beta1");
    long maxUnavailable = amount(maxUnavailableNode, legacy);
    long maxSurge = amount(maxSurgeNode, legacy);
    if (maxUnavailable == INVALID || maxSurge == INVALID) {
      return;
    }
    if (maxUnavailable > PERCENT + 100) {
      context.finding(deployment, maxUnavailableNode)
          .message(deployment.displayName() + " sets maxUnavailable: " + maxUnavailableNode.text()
              + ", which the API server rejects (must not be greater than 100%)")
          .key("rejected")
          .report();
      return;
    }
    if ((maxUnavailable == 0 || maxUnavailable == PERCENT) && (maxSurge == 0 || maxSurge == PERCENT)) {
      context.finding(deployment, maxUnavailableNode)
          .message(deployment.displayName() + " sets maxUnavailable and maxSurge both to 0, which the API server"
              + " rejects (maxUnavailable may not be 0 when maxSurge is 0)")
          .key("rejected")
          .report();
      return;
    }
    long replicas = Replicas.count(inventory, deployment);
    if (replicas <= 0) {
      return;
    }
    long unavailable = maxUnavailable >= PERCENT ? (maxUnavailable - PERCENT) * replicas / 100 : maxUnavailable;
    long surge = maxSurge >= PERCENT ? ((maxSurge - PERCENT) * replicas + 99) / 100 : maxSurge;
    if (unavailable == 0 && surge == 0) {
      unavailable = 1;
    }
    if (unavailable < replicas || mountsClaim(deployment)) {
      return;
    }
    Resource service = Services.routingTo(inventory, deployment, false);
    if (service == null) {
      return;
    }
    Replicas count = Replicas.of(inventory, deployment);
    Node at = !maxUnavailableNode.isNull() ? maxUnavailableNode
        : rolling.isMap() ? strategy.asMap().keyNode("rollingUpdate")
        : strategy.isMap() ? spec.asMap().keyNode("strategy") : deployment.root().keyNode("spec");
    String written = maxUnavailableNode.isNull() ? "maxUnavailable defaults to " + (legacy ? "1" : "25%")
        : "maxUnavailable: " + maxUnavailableNode.text();
    context.finding(deployment, at)
        .message(deployment.displayName() + " may stop all " + count.count() + " of its replicas at once during a"
            + " rollout (" + written + ", " + count.reason() + ") while " + service.displayName()
            + " sends traffic to them")
        .related(service, Services.selector(service), service.displayName() + " selects the pods")
        .key("max-unavailable")
        .report();
  }

  /**
   * An IntOrString as written or defaulted: an integer as itself, a percentage {@code p%} as
   * {@code PERCENT + p}, {@link #INVALID} for anything the API server rejects as a value.
   */
  private static long amount(Node node, boolean legacy) {
    if (node.isNull()) {
      return legacy ? 1 : PERCENT + 25;
    }
    String text = node.text();
    if (text == null || text.isEmpty()) {
      return INVALID;
    }
    long whole = node.longValue(-1);
    if (whole >= 0) {
      return whole;
    }
    int n = text.length();
    if (n < 2 || n > 5 || text.charAt(n - 1) != '%') {
      return INVALID;
    }
    long value = 0;
    for (int i = 0; i < n - 1; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return INVALID;
      }
      value = value * 10 + (c - '0');
    }
    return PERCENT + value;
  }

  /** True if the pod template mounts a PersistentVolumeClaim. */
  private static boolean mountsClaim(Resource deployment) {
    Node volumes = deployment.podSpec().spec().get("volumes");
    for (int i = 0; i < volumes.size(); i++) {
      if (volumes.get(i).get("persistentVolumeClaim").isMap()) {
        return true;
      }
    }
    return false;
  }
}
