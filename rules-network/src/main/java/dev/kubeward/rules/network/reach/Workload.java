/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import java.util.List;

/**
 * What runs pods, as answers name it: the topmost owner in the scan of each pod template (a
 * ReplicaSet of a Deployment is the Deployment), the direct controller of a Pod whose controller
 * is not in the scan, or a bare Pod.
 */
public final class Workload implements Comparable<Workload> {

  private final String kind;
  private final String namespace;
  private final String name;
  private final Resource resource;
  private final boolean inScan;
  final List<Member> members;

  Workload(String kind, String namespace, String name, Resource resource, boolean inScan, List<Member> members) {
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
    this.resource = resource;
    this.inScan = inScan;
    this.members = members;
  }

  public String kind() {
    return kind;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /**
   * The resource to point at: the workload itself, or, for a controller that is not in the scan,
   * the first of its pods that is.
   */
  public Resource resource() {
    return resource;
  }

  /** False for a controller that only its pods' {@code ownerReferences} name. */
  public boolean inScan() {
    return inScan;
  }

  /** The pod templates (and Pods) whose pods this workload runs, in scan order. */
  public List<PodSpec> pods() {
    return members.stream().map(m -> m.pod).toList();
  }

  /** True if any of its pods uses the node's network namespace. */
  public boolean hostNetwork() {
    for (Member m : members) {
      if (m.hostNetwork) {
        return true;
      }
    }
    return false;
  }

  /** {@code ns/name[Kind]}. */
  public String label() {
    return namespace + "/" + name + "[" + kind + "]";
  }

  @Override
  public int compareTo(Workload o) {
    int c = namespace.compareTo(o.namespace);
    if (c == 0) {
      c = name.compareTo(o.name);
    }
    return c == 0 ? kind.compareTo(o.kind) : c;
  }

  @Override
  public String toString() {
    return label();
  }
}
