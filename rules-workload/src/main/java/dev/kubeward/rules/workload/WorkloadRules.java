package dev.kubeward.rules.workload;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import dev.kubeward.rules.workload.images.ImageNotPinned;
import dev.kubeward.rules.workload.podsecurity.AllowPrivilegeEscalation;
import dev.kubeward.rules.workload.podsecurity.AppArmorProfile;
import dev.kubeward.rules.workload.podsecurity.CapabilitiesBaseline;
import dev.kubeward.rules.workload.podsecurity.CapabilitiesRestricted;
import dev.kubeward.rules.workload.podsecurity.HostNamespaces;
import dev.kubeward.rules.workload.podsecurity.HostPathVolumes;
import dev.kubeward.rules.workload.podsecurity.HostPorts;
import dev.kubeward.rules.workload.podsecurity.HostProbesAndHostLifecycle;
import dev.kubeward.rules.workload.podsecurity.PodSecurityAdmission;
import dev.kubeward.rules.workload.podsecurity.PrivilegedContainer;
import dev.kubeward.rules.workload.podsecurity.ProcMount;
import dev.kubeward.rules.workload.podsecurity.ProcMountRestricted;
import dev.kubeward.rules.workload.podsecurity.RestrictedVolumes;
import dev.kubeward.rules.workload.podsecurity.RunAsNonRoot;
import dev.kubeward.rules.workload.podsecurity.RunAsUser;
import dev.kubeward.rules.workload.podsecurity.SeLinuxOptions;
import dev.kubeward.rules.workload.podsecurity.SeccompProfileBaseline;
import dev.kubeward.rules.workload.podsecurity.SeccompProfileRestricted;
import dev.kubeward.rules.workload.podsecurity.Sysctls;
import dev.kubeward.rules.workload.podsecurity.WindowsHostProcess;
import java.util.List;

/** Registers the workload rules. */
public final class WorkloadRules implements RuleProvider {

  @Override
  public List<Rule> rules() {
    return List.of(
        // Pod Security Standards: one rule per upstream check, then the admission-aware rule.
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
        new ProcMountRestricted(),
        new PodSecurityAdmission(),
        // Images.
        new ImageNotPinned());
  }
}
