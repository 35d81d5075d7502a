/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.secrets;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;

/**
 * A Secret handed to a container as environment variables ({@code env[].valueFrom.secretKeyRef},
 * {@code envFrom[].secretRef}) rather than as a mounted file.
 */
public final class SecretAsEnvVar implements ResourceRule {

  private static final RuleMetadata METADATA = RuleMetadata.builder("secret-as-env-var")
      .title("Secret passed as an environment variable")
      .severity(Severity.LOW)
      .topic(Topic.SECRETS)
      .controls("cis-k8s:5.4.1")
      .kinds(RuleMetadata.WORKLOADS)
      .rationale("Environment variables leak more easily than files: they are inherited by every child"
          + " process, printed by crash handlers, debug endpoints and 'env' in a shell, readable through"
          + " /proc/<pid>/environ, and never updated when the Secret is rotated. Mounted Secret files can be"
          + " restricted by mode, are updated in place, and are read only when needed. CIS Kubernetes"
          + " Benchmark 1.12, 5.4.1: prefer using Secrets as files over Secrets as environment variables.")
      .remediation("Mount the Secret as a volume (secret or projected) and have the application read the file.")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(Resource resource, Context context) {
    List<Container> containers = resource.podSpec().containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      Node env = c.node().get("env");
      for (int j = 0; j < env.size(); j++) {
        Node ref = env.get(j).get("valueFrom").get("secretKeyRef");
        if (ref.isMap()) {
          context.report(resource, env.get(j).get("valueFrom").asMap().keyNode("secretKeyRef"), c.describe() + " of " + resource.displayName() + " reads key \""
              + ref.get("key").text("") + "\" of Secret \"" + ref.get("name").text("") + "\" into environment"
              + " variable \"" + env.get(j).get("name").text("") + "\"");
        }
      }
      Node envFrom = c.node().get("envFrom");
      for (int j = 0; j < envFrom.size(); j++) {
        Node ref = envFrom.get(j).get("secretRef");
        if (ref.isMap()) {
          context.report(resource, envFrom.get(j).asMap().keyNode("secretRef"), c.describe() + " of " + resource.displayName() + " imports every key"
              + " of Secret \"" + ref.get("name").text("") + "\" as environment variables (envFrom)");
        }
      }
    }
  }
}
