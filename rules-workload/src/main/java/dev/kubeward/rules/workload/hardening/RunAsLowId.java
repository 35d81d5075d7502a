/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hardening;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ParameterKey;
import dev.kubeward.rule.Parameters;
import dev.kubeward.rule.ResourceRule;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleMetadata;
import dev.kubeward.rule.Severity;
import dev.kubeward.rule.Topic;
import dev.kubeward.rules.workload.podsecurity.PssOverlaps;
import java.util.List;

/**
 * A container whose effective {@code runAsUser} or {@code runAsGroup} (container over pod) is root
 * or below a configurable floor, or, by default, is not set at all.
 */
public final class RunAsLowId implements ResourceRule {

  private static final ParameterKey<Long> MIN_UID = ParameterKey.ofInt("minimumUid", 10000,
      "Lowest acceptable runAsUser.");
  private static final ParameterKey<Long> MIN_GID = ParameterKey.ofInt("minimumGid", 10000,
      "Lowest acceptable runAsGroup.");
  private static final ParameterKey<Boolean> REQUIRE_EXPLICIT = ParameterKey.ofBoolean("requireExplicit", true,
      "Whether a container that sets no runAsUser or runAsGroup (so the image decides) is reported too.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("run-as-low-id")
      .title("Container runs as root or a low user or group id")
      .severity(Severity.MEDIUM)
      .topic(Topic.POD_SECURITY)
      .kinds(RuleMetadata.WORKLOADS)
      .parameters(MIN_UID, MIN_GID, REQUIRE_EXPLICIT)
      .rationale("UID and GID 0 are root on the node as soon as anything lets the process out of its"
          + " container (a mounted host path, a kernel bug, a misconfigured capability); low ids collide"
          + " with system users and with the ids of other software on the node and in shared volumes. The"
          + " floor defaults to 10000, the threshold of kube-score, kubesec, Checkov and Trivy: well above the"
          + " ids Linux distributions give system users (below 1000) and the first regular users (1000 and"
          + " up); lower it to 1000 if your images use the common 1000/1001 users."
          + " The effective value is the container's own, else the pod's; unset means the image's USER"
          + " decides, which is root for most images. A pod-level fsGroup or supplementalGroups entry of 0"
          + " (the root group) is reported once per pod, whatever the floor. Windows pods (spec.os.name: windows) use"
          + " runAsUserName instead and are skipped. One problem, one finding: a container that"
          + " sets no runAsUser and that run-as-non-root (running in the same scan, not suppressed on the"
          + " object) reports for lacking runAsNonRoot may run as root for the same reason, so only"
          + " run-as-non-root reports it; an explicit low id, runAsGroup and the root group are still"
          + " reported here.")
      .remediation("Set runAsUser and runAsGroup to ids of at least the floor (e.g. 10001) in the pod's"
          + " securityContext, and build the image to run as that user.")
      .build();

  /** The bound parameters. */
  record Params(long minimumUid, long minimumGid, boolean requireExplicit) {}

  private final Params params;

  public RunAsLowId() {
    this(Parameters.defaults(METADATA));
  }

  private RunAsLowId(Parameters parameters) {
    this.params = new Params(parameters.get(MIN_UID), parameters.get(MIN_GID), parameters.get(REQUIRE_EXPLICIT));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new RunAsLowId(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    PodSpec pod = resource.podSpec();
    if (pod.isWindows()) {
      return;
    }
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      check(resource, context, c, "runAsUser", "user", params.minimumUid());
      check(resource, context, c, "runAsGroup", "group", params.minimumGid());
    }
    Node podContext = pod.securityContext();
    Node fsGroup = podContext.get("fsGroup");
    if (fsGroup.longValue(-1) == 0) {
      context.report(resource, fsGroup, resource.displayName()
          + " gives its containers the root group for its volumes (fsGroup: " + fsGroup.text() + ")");
    }
    Node supplemental = podContext.get("supplementalGroups");
    for (int i = 0; i < supplemental.size(); i++) {
      if (supplemental.get(i).longValue(-1) == 0) {
        context.report(resource, supplemental.get(i), resource.displayName()
            + " gives its containers the root group (supplementalGroups: " + supplemental.get(i).text() + ")");
      }
    }
  }

  private void check(Resource resource, Context context, Container c, String field, String what, long minimum) {
    Node id = c.effectiveSecurityContext(field);
    if (id.isNull()) {
      if (params.requireExplicit() && !(field.equals("runAsUser")
          && PssOverlaps.runAsNonRootMissingShown(resource, c, context))) {
        context.report(resource, Targets.securityContextOf(c), c.describe() + " of " + resource.displayName()
            + " sets no " + field + ", so the image decides its " + what + " (often root)");
      }
      return;
    }
    long value = id.longValue(Long.MIN_VALUE);
    if (value == Long.MIN_VALUE || value >= minimum) {
      return;
    }
    String runs = value == 0 ? " runs as the root " + what : " runs as " + what + " " + value
        + ", below the minimum " + minimum;
    context.report(resource, id, c.describe() + " of " + resource.displayName() + runs + " (" + field + ": "
        + id.text() + ")");
  }
}
