/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.rule.Rule;
import java.util.List;

/**
 * The Pod Security Standards checks, one rule per upstream check id, in the order of the upstream
 * catalogue. The workload provider registers them, and {@link PodSecurityAdmission} reuses their
 * evaluation for labelled namespaces.
 */
public final class PodSecurityStandards {

  static final List<PssRule> CHECKS = List.of(
      new WindowsHostProcess(),
      new HostNamespaces(),
      new PrivilegedContainer(),
      new CapabilitiesBaseline(),
      new HostPathVolumes(),
      new HostPorts(),
      new HostProbesAndHostLifecycle(),
      new AppArmorProfile(),
      new SeLinuxOptions(),
      new ProcMount(),
      new SeccompProfileBaseline(),
      new Sysctls(),
      new RestrictedVolumes(),
      new AllowPrivilegeEscalation(),
      new RunAsNonRoot(),
      new RunAsUser(),
      new SeccompProfileRestricted(),
      new CapabilitiesRestricted(),
      new ProcMountRestricted());

  private PodSecurityStandards() {}

  /** Every check as a rule. */
  public static List<Rule> checks() {
    return List.copyOf(CHECKS);
  }
}
