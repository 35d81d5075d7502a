/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hardening;

import dev.kubeward.model.GroupKind;
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
 * A hostPath volume (or a hostPath PersistentVolume) that exposes a sensitive part of the node:
 * the container runtime socket, the kubelet's state, system configuration, the host's
 * {@code /proc} and {@code /sys}, home directories, or the root filesystem.
 */
public final class SensitiveHostPath implements ResourceRule {

  private static final ParameterKey<List<String>> PATHS = ParameterKey.ofList("sensitivePaths",
      List.of("/", "/etc", "/etc/kubernetes/**", "/etc/shadow", "/etc/sudoers", "/proc/**", "/sys/**", "/dev",
          "/boot/**", "/bin", "/sbin", "/lib", "/usr", "/root/**", "/home/**", "/run", "/run/docker.sock",
          "/run/containerd/**", "/run/crio/**", "/run/cri-dockerd.sock", "/var/lib/kubelet/**",
          "/var/lib/docker/**", "/var/lib/containerd/**", "/var/lib/etcd/**", "/opt/cni/**", "/etc/cni/**"),
      "Host paths that must not be mounted. A path is reported when it is an entry or an ancestor of one"
      + " (mounting /var exposes /var/lib/kubelet); an entry ending in /** also covers everything beneath it"
      + " (/proc/** covers /proc/1/root), while a plain entry such as /etc does not (so /etc/localtime"
      + " passes). /var/run is read as /run.");

  private static final RuleMetadata METADATA = RuleMetadata.builder("sensitive-host-path")
      .title("Sensitive host path mounted")
      .severity(Severity.CRITICAL)
      .topic(Topic.POD_SECURITY)
      .controls("cis-k8s:5.2.11")
      .kinds(RuleMetadata.WORKLOADS, GroupKind.PERSISTENT_VOLUME)
      .parameters(PATHS)
      .rationale("A container that mounts the container runtime socket (docker.sock, containerd.sock,"
          + " crio.sock) can start a privileged container on the node; /var/lib/kubelet and /etc/kubernetes"
          + " hold the kubelet's credentials and every pod's secrets; /opt/cni/bin and /etc/cni/net.d hold the"
          + " CNI plugins and their configuration, which the container runtime runs as root for every new pod,"
          + " so writing there runs code on the node; /, /etc, /root, /home, /proc and /sys"
          + " give the node's users, SSH keys, processes and kernel settings; a read-only mount still leaks"
          + " credentials. Paths are compared after normalisation (repeated and trailing slashes, . and .."
          + " segments, /var/run read as /run, since it is a symbolic link on current distributions), so"
          + " /var/run/../run/docker.sock and //var/run/docker.sock/ are recognised. The Pod Security"
          + " Standards forbid hostPath at Baseline; this rule singles out the paths that hand over the"
          + " node. CIS Kubernetes Benchmark 1.12, 5.2.11: minimize the admission of HostPath volumes. One problem,"
          + " one finding: where restricted-volumes (or, at the baseline level, host-path-volumes) runs in the"
          + " same scan and is not suppressed on the object, it already reports every hostPath volume of the"
          + " pod, so this rule stays silent for that pod; it still reports PersistentVolumes, and every"
          + " pod where the Pod Security rule is skipped or suppressed.")
      .remediation("Remove the hostPath volume; talk to the node through the Kubernetes API or a dedicated"
          + " agent, and if a node agent really needs the path, run it in its own locked-down namespace.")
      .build();

  /** The bound parameters: normalised entries, and whether each covers its subtree. */
  record Params(String[] paths, boolean[] subtree) {
    static Params of(List<String> entries) {
      String[] paths = new String[entries.size()];
      boolean[] subtree = new boolean[entries.size()];
      for (int i = 0; i < paths.length; i++) {
        String e = entries.get(i).trim();
        subtree[i] = e.endsWith("/**");
        paths[i] = HostPaths.normalise(subtree[i] ? e.substring(0, e.length() - 3) : e);
      }
      return new Params(paths, subtree);
    }
  }

  private final Params params;

  public SensitiveHostPath() {
    this(Parameters.defaults(METADATA));
  }

  private SensitiveHostPath(Parameters parameters) {
    this.params = Params.of(parameters.get(PATHS));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public Rule configure(Parameters parameters) {
    return new SensitiveHostPath(parameters);
  }

  @Override
  public void check(Resource resource, Context context) {
    PodSpec pod = resource.podSpec();
    if (pod == null) {
      Node path = resource.root().get("spec").get("hostPath").get("path");
      String entry = sensitiveEntry(path.text());
      if (entry != null) {
        context.report(resource, path, resource.displayName() + " exposes the sensitive host path \""
            + path.text() + "\"" + entry);
      }
      return;
    }
    Node volumes = pod.volumes();
    for (int i = 0; i < volumes.size(); i++) {
      Node volume = volumes.get(i);
      Node path = volume.get("hostPath").get("path");
      String entry = sensitiveEntry(path.text());
      if (entry != null) {
        if (PssOverlaps.hostPathVolumeShown(resource, context)) {
          // restricted-volumes or host-path-volumes reports every hostPath volume of this pod; asked
          // only here, as it looks up suppressions on the object.
          return;
        }
        context.report(resource, path, "volume \"" + volume.get("name").text("") + "\" of "
            + resource.displayName() + " mounts the sensitive host path \"" + path.text() + "\"" + entry);
      }
    }
  }

  /**
   * How {@code raw} matches the configured paths, as a parenthesis for the message ({@code ""} when
   * it is one of them as written); {@code null} when it matches none.
   */
  private String sensitiveEntry(String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    String path = HostPaths.normalise(raw);
    String[] paths = params.paths();
    boolean[] subtree = params.subtree();
    for (int i = 0; i < paths.length; i++) {
      if (HostPaths.exposes(path, paths[i], subtree[i])) {
        if (path.equals(paths[i])) {
          return path.equals(raw) ? "" : " (read as " + path + ")";
        }
        return path.length() < paths[i].length() ? " (which holds " + paths[i] + ")" : " (beneath " + paths[i] + ")";
      }
    }
    return null;
  }
}
