/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.serviceaccounts;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.ServiceAccounts;
import dev.kubeward.model.ServiceAccounts.TokenMount;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A pod that gets its service account's API token mounted: {@code automountServiceAccountToken} is
 * not false on the pod, nor (when the pod leaves it unset) on its ServiceAccount in the scan.
 */
public final class AutomountServiceAccountToken implements InventoryRule {

  private static final String FIELD = "automountServiceAccountToken";

  private static final RuleMetadata METADATA = RuleMetadata.builder("automount-service-account-token")
      .title("Service account token mounted automatically")
      .severity(Severity.MEDIUM)
      .topic(Topic.RBAC)
      .controls("cis-k8s:5.1.6")
      .kinds(RuleMetadata.WORKLOADS, GroupKind.SERVICE_ACCOUNT)
      .rationale("Unless switched off, every container of the pod gets a token for the Kubernetes API at"
          + " /var/run/secrets/kubernetes.io/serviceaccount; most applications never call the API, but"
          + " anyone who gets code execution in the container inherits whatever the service account may"
          + " do. The pod's automountServiceAccountToken wins; when the pod leaves it unset, the"
          + " ServiceAccount's decides, and unset on both means mounted. The rule looks the ServiceAccount"
          + " up in the scan (an unset namespace is default) and reports the workload when neither says"
          + " false. CIS Kubernetes Benchmark 1.12, 5.1.6: ensure that service account tokens are only"
          + " mounted where necessary.")
      .remediation("Set automountServiceAccountToken: false in the pod spec (or on the ServiceAccount), and"
          + " mount a projected token only into pods that call the API.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Inventory inventory, Context context) {
    List<Resource> workloads = inventory.workloads();
    for (int i = 0; i < workloads.size(); i++) {
      Resource r = workloads.get(i);
      PodSpec pod = r.podSpec();
      TokenMount mount = ServiceAccounts.tokenMount(inventory, r);
      if (!mount.mounted()) {
        continue;
      }
      MapNode spec = pod.spec();
      if (mount == TokenMount.POD_ENABLES) {
        Node own = spec.get(FIELD);
        context.report(r, own, r.displayName() + " mounts its service account token (" + FIELD + ": "
            + own.text() + ")");
        continue;
      }
      String account = ServiceAccounts.nameOf(spec);
      Resource sa = ServiceAccounts.mountingAccount(inventory, r);
      String why;
      if (mount == TokenMount.ACCOUNT_NOT_IN_SCAN) {
        why = "the pod does not set " + FIELD + " and ServiceAccount \"" + account + "\" is not in the scan";
      } else if (mount == TokenMount.ACCOUNT_ENABLES) {
        why = "the pod does not set " + FIELD + " and ServiceAccount \"" + account + "\" sets it to "
            + sa.root().get(FIELD).text();
      } else {
        why = "neither the pod nor ServiceAccount \"" + account + "\" sets " + FIELD;
      }
      context.report(r, Specs.specKey(r, pod), r.displayName() + " mounts the token of service account \"" + account
          + "\" (" + why + ")");
    }
  }
}
