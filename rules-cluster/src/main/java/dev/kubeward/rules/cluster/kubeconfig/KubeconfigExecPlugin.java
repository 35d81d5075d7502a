/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.kubeconfig;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.ListNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.Set;

/**
 * A kubeconfig user whose credentials come from an {@code exec} plugin: every {@code kubectl} call
 * with the file runs {@code command} on the user's machine with the user's rights. The well-known
 * credential plugins of cloud providers and OIDC ({@code aws}, {@code gke-gcloud-auth-plugin},
 * {@code kubelogin}...) run by bare name, resolved on the user's {@code PATH}, are what a well-run
 * team uses and are not reported; any other command (a script, a path, a shell) is: a kubeconfig
 * taken from a repository runs whatever its author wrote. Reported at {@code command}.
 */
public final class KubeconfigExecPlugin implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("kubeconfig-exec-plugin")
      .title("Kubeconfig runs a credential plugin command")
      .severity(Severity.LOW)
      .topic(Topic.SECRETS)
      .kinds(GroupKind.KUBECONFIG)
      .rationale("An exec credential plugin is the right way to get short-lived credentials, but the"
          + " command, its arguments and environment come from the kubeconfig: whoever can change a"
          + " kubeconfig kept in a repository can make every person and pipeline that uses it run any"
          + " program.")
      .remediation("Check that the command is the credential plugin you expect, refer to it by a name"
          + " resolved on the user's PATH, and keep kubeconfigs with exec plugins under review.")
      .build();

  /** Credential plugins that cloud providers and OIDC tooling document, by bare command name. */
  private static final Set<String> KNOWN = Set.of(
      "aws", "aws-iam-authenticator", "gke-gcloud-auth-plugin", "gcloud", "kubelogin", "kubectl",
      "az", "oci", "doctl", "ibmcloud", "pinniped", "teleport", "tsh", "kubectl-oidc_login", "oidc-login",
      "rancher", "scw", "linode-cli", "exoscale", "civo");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    ListNode users = resource.root().get("users").asList();
    for (int i = 0; i < users.size(); i++) {
      Node command = users.get(i).get("user").get("exec").get("command");
      String text = command.text();
      if (text == null) {
        continue;
      }
      if (KNOWN.contains(text)) {
        continue;
      }
      String name = users.get(i).get("name").text("");
      context.finding(resource, command)
          .message(resource.displayName() + " runs the command \"" + text + "\" for the credentials of user \""
              + name + "\", which is no known credential plugin")
          .key("user:" + name)
          .report();
    }
  }
}
