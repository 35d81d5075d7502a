/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.ScanSettings;
import java.util.List;

/**
 * Where a Pod Security Standards rule reports the same problem as a hardening or image rule of this
 * module, so that the user sees it once: the other rule asks here whether the Pod Security rule's
 * finding at that place is shown in this scan (the rule runs, is not suppressed on the object, and
 * its check applies at the scan's level and policy version), and stays silent if so. The Pod
 * Security rules never give way, so the {@code pss-*} profiles report exactly what admission would.
 * Each answer mirrors the evaluation of the rule it names; nothing here allocates.
 */
public final class PssOverlaps {

  private PssOverlaps() {}

  /**
   * True if {@code capabilities-restricted} reports every item of {@code capabilities.add} other
   * than {@code NET_BIND_SERVICE} in the containers of {@code resource}.
   */
  public static boolean capabilitiesRestrictedShown(Resource resource, Context context) {
    PodSpec pod = resource.podSpec();
    int minor = context.settings().pssVersion().minor();
    return pod != null && shown(PssCheck.CAPABILITIES_RESTRICTED, resource, context)
        && !(minor >= 25 && pod.isWindows());
  }

  /**
   * True if a Pod Security rule reports every {@code hostPath} volume of {@code resource}'s pod
   * (one that names no allowed source too): {@code restricted-volumes}, or
   * {@code host-path-volumes} where that one runs.
   */
  public static boolean hostPathVolumeShown(Resource resource, Context context) {
    return resource.podSpec() != null && (shown(PssCheck.RESTRICTED_VOLUMES, resource, context)
        || shown(PssCheck.HOST_PATH_VOLUMES, resource, context));
  }

  /**
   * True if {@code run-as-non-root} reports container {@code c} of {@code resource} for not setting
   * {@code runAsNonRoot}: neither it nor the pod sets it to true, and nothing sets it to false (then
   * admission reports only the false values).
   */
  public static boolean runAsNonRootMissingShown(Resource resource, Container c, Context context) {
    PodSpec pod = resource.podSpec();
    int minor = context.settings().pssVersion().minor();
    if (pod == null || !shown(PssCheck.RUN_AS_NON_ROOT, resource, context)
        || (minor >= 35 && pod.spec().get("hostUsers").isFalse())) {
      return false;
    }
    Node podValue = pod.securityContext().get("runAsNonRoot");
    if (podValue.isTrue() || !podValue.isNull() || !c.securityContext().get("runAsNonRoot").isNull()) {
      return false;
    }
    List<Container> containers = pod.containers();
    for (int i = 0; i < containers.size(); i++) {
      Node value = containers.get(i).securityContext().get("runAsNonRoot");
      if (!value.isNull() && !value.isTrue()) {
        return false;
      }
    }
    return true;
  }

  /** True if the rule of {@code check} evaluates {@code resource} in this scan and its findings are seen. */
  static boolean shown(PssCheck check, Resource resource, Context context) {
    String id = check.ruleId();
    return context.runs(id) && !context.isSuppressed(id, resource) && evaluates(check, resource, context);
  }

  /**
   * True if the rule of {@code check} evaluates {@code resource} in this scan: its check runs at the
   * scan's level and version, or it is overridden there by a rule whose findings would not be seen
   * (skipped, or suppressed on this object), so that skipping or suppressing
   * {@code restricted-volumes} to allow an NFS volume never hides a hostPath.
   */
  static boolean evaluates(PssCheck check, Resource resource, Context context) {
    ScanSettings settings = context.settings();
    int minor = settings.pssVersion().minor();
    if (check.runsAt(settings.pssLevel(), minor)) {
      return true;
    }
    if (!check.isOverriddenAt(settings.pssLevel(), minor)) {
      return false;
    }
    String overriding = check.overriddenBy().ruleId();
    return !context.runs(overriding) || context.isSuppressed(overriding, resource);
  }
}
