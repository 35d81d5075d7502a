/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.admission;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.LabelSelector;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.InventoryRule;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A webhook of a policy engine (Kyverno, Gatekeeper, Kubewarden... recognised by name, see the
 * {@code securityWebhookMarkers} parameter) configured so that requests can get past it:
 * {@code failurePolicy: Ignore} (or unset in {@code v1beta1}, where Ignore is the default), so
 * whatever makes the webhook slow or unreachable admits requests unchecked (MEDIUM); an
 * {@code objectSelector}, since whoever creates an object chooses its labels (MEDIUM); a
 * {@code namespaceSelector} that leaves out a namespace of the scan holding workloads (MEDIUM, the
 * namespaces named); {@code sideEffects} other than None or NoneOnDryRun, and a
 * {@code timeoutSeconds} outside 1 to 30, which the API server rejects in {@code v1} (LOW).
 *
 * <p>An advisory webhook (its name holds the word {@code advisory}, {@code audit} or {@code warn}, as the
 * Pod Security webhook's {@code advisory.pod-security-webhook.kubernetes.io}) only warns and audits,
 * so it is not judged. Namespaces a policy engine is expected to leave out are not reported as excluded:
 * {@code kube-system}, {@code kube-public}, {@code kube-node-lease} and the namespace of the
 * webhook's own Service.
 */
public final class SecurityWebhookBypass implements InventoryRule {

  private static final ParameterKey<List<String>> MARKERS = ParameterKey.ofList("securityWebhookMarkers",
      SecurityWebhooks.MARKERS, "Words that make a webhook a security webhook when its configuration's name, its"
      + " name, its Service's name or namespace or its URL holds one as a whole word.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("security-webhook-bypass")
      .title("Security admission webhook that requests can get past")
      .severity(Severity.MEDIUM)
      .topic(Topic.API_SERVER)
      .controls("cis-k8s:5.2.1")
      .kinds(GroupKind.MUTATING_WEBHOOK_CONFIGURATION, GroupKind.VALIDATING_WEBHOOK_CONFIGURATION,
          GroupKind.NAMESPACE, RuleMetadata.WORKLOADS)
      .parameters(MARKERS)
      .rationale("A policy engine protects only the requests its webhook sees and answers. With failurePolicy"
          + " Ignore, a webhook that is down, overloaded or slower than its timeout admits everything, and"
          + " an attacker who can disturb it (or simply waits for an upgrade) deploys what the policies"
          + " forbid. An objectSelector lets the creator of an object opt out by choosing its labels, and a"
          + " namespaceSelector that leaves out a namespace leaves its workloads unchecked.")
      .remediation("Use failurePolicy: Fail for security webhooks, drop the objectSelector, and narrow the"
          + " namespaceSelector to the system namespaces the engine must skip.")
      .build();

  private static final Set<String> SYSTEM = Set.of("kube-system", "kube-public", "kube-node-lease");

  private final List<String> markers;

  public SecurityWebhookBypass() {
    this(Parameters.defaults(METADATA));
  }

  private SecurityWebhookBypass(Parameters parameters) {
    this.markers = parameters.get(MARKERS);
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new SecurityWebhookBypass(parameters);
  }

  @Override
  public void check(Inventory inventory, Context context) {
    Set<String> withWorkloads = null;
    for (GroupKind kind : new GroupKind[] {GroupKind.MUTATING_WEBHOOK_CONFIGURATION,
        GroupKind.VALIDATING_WEBHOOK_CONFIGURATION}) {
      for (Resource configuration : inventory.ofKind(kind)) {
        boolean v1beta1 = configuration.apiVersion().endsWith("/v1beta1");
        Node webhooks = configuration.root().get("webhooks");
        for (int i = 0; i < webhooks.size(); i++) {
          Node webhook = webhooks.get(i);
          if (!webhook.isMap() || SecurityWebhooks.marker(configuration, webhook, markers) == null
              || SecurityWebhooks.isAdvisory(webhook)) {
            continue;
          }
          if (withWorkloads == null) {
            withWorkloads = namespacesWithWorkloads(inventory);
          }
          check(inventory, configuration, webhook.asMap(), v1beta1, withWorkloads, context);
        }
      }
    }
  }

  private static void check(Inventory inventory, Resource configuration, MapNode webhook, boolean v1beta1,
      Set<String> withWorkloads, Context context) {
    String name = webhook.get("name").text("");
    String who = "webhook \"" + name + "\" of " + configuration.displayName();
    Node timeout = webhook.get("timeoutSeconds");
    long seconds = timeout.longValue(v1beta1 ? 30 : 10);
    Node failure = webhook.get("failurePolicy");
    if (failure.textEquals("Ignore") || failure.isMissing() && v1beta1) {
      Node at = failure.isMissing() ? webhook.keyNode("name") : failure;
      String why = failure.isMissing() ? "sets no failurePolicy, which is Ignore in " + configuration.apiVersion()
          : "has failurePolicy: Ignore";
      report(context, configuration, at, Severity.MEDIUM, "failurePolicy", who + " " + why
          + ": a request it does not answer within " + seconds + "s (an outage, an overload) is admitted unchecked");
    }
    Node objectSelector = webhook.get("objectSelector");
    if (!LabelSelector.of(objectSelector).isEmpty()) {
      report(context, configuration, webhook.keyNode("objectSelector"), Severity.MEDIUM, "objectSelector",
          who + " has an objectSelector: whoever creates an object chooses its labels, and so whether the"
          + " webhook sees it");
    }
    Node namespaceSelector = webhook.get("namespaceSelector");
    LabelSelector selector = LabelSelector.of(namespaceSelector);
    if (!selector.isEmpty()) {
      String own = webhook.get("clientConfig").get("service").get("namespace").text();
      Set<String> excluded = new TreeSet<>();
      for (String ns : withWorkloads) {
        if (!SYSTEM.contains(ns) && !ns.equals(own) && !selector.matches(inventory.namespaceLabels(ns))) {
          excluded.add(ns);
        }
      }
      if (!excluded.isEmpty()) {
        FindingBuilder finding = context.finding(configuration, webhook.keyNode("namespaceSelector"))
            .severity(Severity.MEDIUM).key(name + ":namespaceSelector")
            .message(who + " leaves out the namespace" + (excluded.size() == 1 ? " " : "s ")
                + String.join(", ", excluded) + " by its namespaceSelector, so the workloads there are not checked");
        for (String ns : excluded) {
          for (Resource namespace : inventory.named(GroupKind.NAMESPACE, null, ns)) {
            finding.related(namespace, namespace.root().get("metadata"), "namespace " + ns + " is left out");
          }
        }
        finding.report();
      }
    }
    Node sideEffects = webhook.get("sideEffects");
    String effects = sideEffects.text(v1beta1 ? "Unknown" : null);
    if (effects != null && !effects.equals("None") && !effects.equals("NoneOnDryRun")) {
      report(context, configuration, sideEffects.isMissing() ? webhook.keyNode("name") : sideEffects, Severity.LOW,
          "sideEffects", who + " declares sideEffects: " + effects + (sideEffects.isMissing() ? " (the default)" : "")
          + ", so dry-run requests are rejected; admissionregistration.k8s.io/v1 accepts only None or NoneOnDryRun");
    }
    if (!timeout.isMissing() && (seconds < 1 || seconds > 30)) {
      report(context, configuration, timeout, Severity.LOW, "timeoutSeconds", who + " sets timeoutSeconds: "
          + timeout.text() + ", outside the 1 to 30 seconds the API server accepts");
    }
  }

  private static void report(Context context, Resource resource, Node at, Severity severity, String field,
      String message) {
    context.finding(resource, at).severity(severity).key(field + ":" + message).message(message).report();
  }

  private static Set<String> namespacesWithWorkloads(Inventory inventory) {
    Set<String> out = new TreeSet<>();
    for (Resource workload : inventory.workloads()) {
      out.add(inventory.namespaceOf(workload));
    }
    return out;
  }
}
