/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.admission;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * Each exemption of a PodSecurity admission configuration, named: a namespace, a user or a runtime
 * class whose Pods Pod Security Admission does not check at all, whatever the labels say. INFO,
 * since exemptions are sometimes needed; the list should be known and short.
 */
public final class PodSecurityExemption implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("pod-security-exemption")
      .title("Pod Security Admission exemption")
      .severity(Severity.INFO)
      .topic(Topic.POD_SECURITY)
      .controls("cis-k8s:5.2.1")
      .kinds(PodSecurityConfigurations.KINDS)
      .rationale("An exempt namespace, user or runtime class bypasses Pod Security Admission entirely: no"
          + " level is enforced, no warning is given and nothing is audited. An exempt user (a controller's"
          + " service account) exempts only the Pods it creates directly; an exempt runtime class exempts"
          + " every Pod that names it, and anyone who may create Pods can name it.")
      .remediation("Keep exemptions to the few namespaces and identities that need them, and prefer a"
          + " namespace labelled pod-security.kubernetes.io/enforce=privileged, which is visible and audited.")
      .build();

  private static final String[][] FIELDS = {
      {"namespaces", "namespace", "every Pod in it is"},
      {"usernames", "user", "the Pods it creates directly are"},
      {"runtimeClasses", "runtime class", "every Pod that names it, whoever creates it, is"}};

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    for (Node configuration : PodSecurityConfigurations.of(resource)) {
      Node exemptions = configuration.get("exemptions");
      for (String[] field : FIELDS) {
        Node list = exemptions.get(field[0]);
        for (int i = 0; i < list.size(); i++) {
          Node item = list.get(i);
          String name = item.text();
          if (name == null || name.isEmpty()) {
            continue;
          }
          context.finding(resource, item).key(field[0] + ":" + name)
              .message("the PodSecurityConfiguration of " + resource.displayName() + " exempts the " + field[1]
                  + " \"" + name + "\" from Pod Security Admission (exemptions." + field[0] + "): "
                  + field[2] + " admitted unchecked")
              .report();
        }
      }
    }
  }
}
