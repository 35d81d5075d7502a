/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.model.Selection;
import dev.kubeward.model.SelectorField;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import dev.kubeward.rules.network.objects.Policies.Direction;

/**
 * A NetworkPolicy peer whose {@code namespaceSelector} is present and empty (every namespace), in
 * a direction the policy enforces. LOW when the peer takes every pod of every namespace, INFO when
 * its {@code podSelector} narrows it to pods with certain labels (in any namespace). Reported at the
 * {@code namespaceSelector}.
 */
public final class NetworkPolicyAllNamespaces implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("network-policy-all-namespaces")
      .title("NetworkPolicy peer selects every namespace")
      .severity(Severity.LOW)
      .topic(Topic.NETWORK)
      .kinds(Policies.KINDS)
      .rationale("namespaceSelector: {} in a peer selects every namespace of the cluster, including ones"
          + " created later and ones other teams own: with no podSelector (or podSelector: {}) it admits"
          + " every pod of the cluster, and a namespace boundary no longer isolates anything (LOW). With a"
          + " podSelector it admits pods with those labels in any namespace, and anyone who may create a pod"
          + " anywhere can give it the labels (INFO: common and often meant, as for the cluster DNS pods)."
          + " An absent namespaceSelector is not the same: a podSelector alone stays in the policy's own"
          + " namespace.")
      .remediation("Select the namespaces by label, for example kubernetes.io/metadata.name: <namespace>, and"
          + " the pods by podSelector in the same peer.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    Node spec = resource.root().get("spec");
    for (Direction direction : Policies.DIRECTIONS) {
      if (!Policies.enforces(spec, direction)) {
        continue;
      }
      Node rules = spec.get(direction.field);
      for (int i = 0; i < rules.size(); i++) {
        Node peers = rules.get(i).get(direction.peers);
        for (int j = 0; j < peers.size(); j++) {
          Node peer = peers.get(j);
          if (SelectorField.NETWORK_POLICY_PEER_NAMESPACE_SELECTOR.kindOf(peer, resource.apiVersion())
              != Selection.Kind.EVERYTHING) {
            continue;
          }
          boolean everyPod = SelectorField.NETWORK_POLICY_PEER_POD_SELECTOR.kindOf(peer, resource.apiVersion())
              == Selection.Kind.EVERYTHING;
          String which = everyPod ? "every pod of every namespace" : "pods matching its podSelector in every namespace";
          context.finding(resource, SelectorField.NETWORK_POLICY_PEER_NAMESPACE_SELECTOR.node(peer))
              .message(resource.displayName() + " allows " + direction.field + " " + direction.preposition + " "
                  + which + " (namespaceSelector: {}) on " + Policies.describePorts(rules.get(i)) + " ("
                  + Policies.ruleName(direction, i) + ")")
              .severity(everyPod ? Severity.LOW : Severity.INFO)
              .key(direction.field + "/" + i + "/" + j)
              .report();
        }
      }
    }
  }
}
