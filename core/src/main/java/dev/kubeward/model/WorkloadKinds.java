/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which kinds carry a pod template, and where. The built-in set covers every Kubernetes workload
 * kind plus Argo Rollout, KEDA ScaledJob, OpenShift DeploymentConfig and Knative Service; more
 * carriers can be added by configuration or by a plugin.
 */
public final class WorkloadKinds {

  /**
   * One kind that carries a pod template.
   *
   * @param apiGroup the API group it must have ({@code ""} for core, {@code "apps"}...), or
   *     {@code null} to accept any group
   * @param kind the kind
   * @param templatePath the keys leading from the object to the pod template (an object with
   *     {@code metadata} and {@code spec}); empty for a Pod, whose object is its own template
   */
  public record Carrier(String apiGroup, String kind, List<String> templatePath) {
    public Carrier {
      Objects.requireNonNull(kind, "kind");
      templatePath = List.copyOf(templatePath);
    }

    /** A carrier of {@code kind} in {@code apiGroup} with its template at the dotted {@code path}. */
    public static Carrier of(String apiGroup, String kind, String path) {
      return new Carrier(apiGroup, kind, path.isEmpty() ? List.of() : List.of(path.split("\\.")));
    }

    boolean matches(String group, String k) {
      return kind.equals(k) && (apiGroup == null || apiGroup.equals(group));
    }
  }

  private static final WorkloadKinds BUILT_IN = new WorkloadKinds(List.of(
      Carrier.of("", "Pod", ""),
      Carrier.of("", "PodTemplate", "template"),
      Carrier.of("", "ReplicationController", "spec.template"),
      Carrier.of("apps", "Deployment", "spec.template"),
      Carrier.of("apps", "ReplicaSet", "spec.template"),
      Carrier.of("apps", "StatefulSet", "spec.template"),
      Carrier.of("apps", "DaemonSet", "spec.template"),
      Carrier.of("extensions", "Deployment", "spec.template"),
      Carrier.of("extensions", "ReplicaSet", "spec.template"),
      Carrier.of("extensions", "DaemonSet", "spec.template"),
      Carrier.of("batch", "Job", "spec.template"),
      Carrier.of("batch", "CronJob", "spec.jobTemplate.spec.template"),
      Carrier.of("argoproj.io", "Rollout", "spec.template"),
      Carrier.of("keda.sh", "ScaledJob", "spec.jobTargetRef.template"),
      Carrier.of("apps.openshift.io", "DeploymentConfig", "spec.template"),
      Carrier.of("serving.knative.dev", "Service", "spec.template")));

  private final List<Carrier> carriers;

  private WorkloadKinds(List<Carrier> carriers) {
    this.carriers = List.copyOf(carriers);
  }

  /** The built-in carriers. */
  public static WorkloadKinds builtIn() {
    return BUILT_IN;
  }

  /** The built-in carriers plus {@code extra} (which win over built-ins of the same kind). */
  public static WorkloadKinds builtInWith(List<Carrier> extra) {
    if (extra.isEmpty()) {
      return BUILT_IN;
    }
    List<Carrier> all = new ArrayList<>(extra);
    all.addAll(BUILT_IN.carriers);
    return new WorkloadKinds(all);
  }

  public List<Carrier> carriers() {
    return carriers;
  }

  /** True if some carrier declares {@code kind} (in any group). */
  public boolean isCarrierKind(String kind) {
    for (Carrier c : carriers) {
      if (c.kind().equals(kind)) {
        return true;
      }
    }
    return false;
  }

  PodSpec podSpecOf(Resource resource) {
    String group = resource.apiGroup();
    String kind = resource.kind();
    for (Carrier carrier : carriers) {
      if (carrier.matches(group, kind)) {
        Node template = resource.root();
        StringBuilder pointer = new StringBuilder();
        for (String key : carrier.templatePath()) {
          template = template.get(key);
          pointer.append('/').append(Pointers.escape(key));
        }
        Node spec = template.get("spec");
        if (!spec.isMap()) {
          return null;
        }
        return new PodSpec(resource, template.get("metadata"), spec.asMap(), pointer + "/spec");
      }
    }
    return null;
  }
}
