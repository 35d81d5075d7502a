/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import dev.kubeward.model.GroupKind;
import dev.kubeward.model.MapNode;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;

/**
 * An Istio PeerAuthentication whose mutual TLS mode is PERMISSIVE or DISABLE (for the mesh, a
 * namespace, a workload, or one port of {@code portLevelMtls}), or a mesh-wide one (in the root
 * namespace {@code istio-system}, without selector) that leaves the mode unset and so keeps the
 * mesh default, PERMISSIVE (the root namespace is a parameter). An unset mode below the mesh inherits its parent's, which is judged
 * where it is written. Reported at the mode (or at {@code mtls}, or {@code spec}, when unset).
 */
public final class IstioMtlsNotStrict implements ResourceRule {

  /** Istio's root namespace, where a policy without selector applies to the whole mesh. */
  static final ParameterKey<String> ROOT_NAMESPACE = ParameterKey.ofString("rootNamespace", "istio-system",
      "The mesh's root namespace (meshConfig.rootNamespace), where a policy without selector applies to"
          + " the whole mesh.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("istio-mtls-not-strict")
      .title("Istio PeerAuthentication accepts plain-text traffic")
      .severity(Severity.MEDIUM)
      .topic(Topic.NETWORK)
      .kinds(GroupKind.ISTIO_PEER_AUTHENTICATION)
      .parameters(ROOT_NAMESPACE)
      .rationale("In an Istio mesh, mutual TLS authenticates every workload to every other and encrypts the"
          + " traffic, and authorization policies that name principals or namespaces rely on it. Mode"
          + " PERMISSIVE also accepts plain text, so any pod outside the mesh (or one that skips its"
          + " sidecar) can call the workloads unauthenticated and unencrypted, and principal-based"
          + " authorization sees no identity; DISABLE turns mutual TLS off. A PeerAuthentication in the root"
          + " namespace (istio-system unless the rootNamespace parameter says otherwise) without selector"
          + " sets the mesh-wide mode, and one that leaves the"
          + " mode unset there keeps Istio's default, PERMISSIVE; an unset mode in a namespace or workload"
          + " policy inherits its parent's and is judged there. PERMISSIVE is meant for a migration:"
          + " mesh-wide and namespace-wide it is MEDIUM, for one workload or port LOW.")
      .remediation("Set mtls.mode: STRICT mesh-wide in the root namespace, and move the workloads that still"
          + " take plain text into the mesh before removing any PERMISSIVE exception.")
      .build();

  /** The bound parameters. */
  record Params(String rootNamespace) {}

  private final Params params;

  public IstioMtlsNotStrict() {
    this(Parameters.defaults(METADATA));
  }

  private IstioMtlsNotStrict(Parameters parameters) {
    this.params = new Params(parameters.get(ROOT_NAMESPACE));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new IstioMtlsNotStrict(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    Node spec = resource.root().get("spec");
    boolean workload = spec.get("selector").get("matchLabels").size() > 0;
    boolean mesh = !workload && params.rootNamespace().equals(resource.namespace());
    Node mtls = spec.get("mtls");
    Node mode = mtls.get("mode");
    String value = mode.text("UNSET");
    if (value.equals("PERMISSIVE") || value.equals("DISABLE")) {
      context.finding(resource, mode)
          .message(resource.displayName() + " sets mutual TLS to " + value + " for " + scope(resource, workload, mesh))
          .severity(value.equals("PERMISSIVE") && workload ? Severity.LOW : Severity.MEDIUM)
          .key("mode")
          .report();
    } else if (value.equals("UNSET") && mesh) {
      context.finding(resource, mtls.isMissing() ? spec : mtls)
          .message(resource.displayName() + " leaves the mesh-wide mutual TLS mode unset, so the mesh keeps"
              + " Istio's default, PERMISSIVE")
          .key("mode")
          .report();
    }
    MapNode ports = spec.get("portLevelMtls").asMap();
    for (int i = 0; i < ports.size(); i++) {
      Node portMode = ports.value(i).get("mode");
      String v = portMode.text("");
      if (v.equals("PERMISSIVE") || v.equals("DISABLE")) {
        context.finding(resource, portMode)
            .message(resource.displayName() + " sets mutual TLS to " + v + " on port " + ports.key(i) + " of " + scope(resource, workload, mesh))
            .severity(v.equals("PERMISSIVE") ? Severity.LOW : Severity.MEDIUM)
            .key("port:" + ports.key(i))
            .report();
      }
    }
  }

  /** What a policy applies to, for messages. */
  static String scope(Resource resource, boolean workload, boolean mesh) {
    if (workload) {
      return "its workloads";
    }
    if (mesh) {
      return "the whole mesh";
    }
    return resource.namespace() == null ? "its namespace" : "namespace " + resource.namespace();
  }
}
