/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A view of the pod a resource carries: a Pod's own spec, a workload's {@code spec.template},
 * a CronJob's {@code spec.jobTemplate.spec.template}, or a declared custom carrier's template.
 * Built once when the resource is loaded; rules read it without allocating.
 */
public final class PodSpec {

  private final Resource owner;
  private final Node metadata;
  private final MapNode spec;
  private final String pointer;
  private final Node securityContext;
  private final List<Container> containers;

  PodSpec(Resource owner, Node metadata, MapNode spec, String pointer) {
    this.securityContext = spec.get("securityContext");
    this.owner = owner;
    this.metadata = metadata;
    this.spec = spec;
    this.pointer = pointer;
    List<Container> all = new ArrayList<>();
    addContainers(all, Container.Type.INIT);
    addContainers(all, Container.Type.REGULAR);
    addContainers(all, Container.Type.EPHEMERAL);
    this.containers = Collections.unmodifiableList(all);
  }

  private void addContainers(List<Container> all, Container.Type type) {
    Node list = spec.get(type.field());
    for (int i = 0; i < list.size(); i++) {
      Node item = list.get(i);
      if (item.isMap()) {
        all.add(new Container(this, type, i, item.asMap()));
      }
    }
  }

  /** The resource that carries this pod spec. */
  public Resource owner() {
    return owner;
  }

  /**
   * The pod template's metadata (a Pod's own metadata), where annotation-based checks look;
   * {@code MISSING} when absent.
   */
  public Node metadata() {
    return metadata;
  }

  /** The annotations of the pod template (not of the workload), or {@code MISSING}. */
  public Node annotations() {
    return metadata.get("annotations");
  }

  /** The pod spec object. */
  public MapNode spec() {
    return spec;
  }

  /** The JSON Pointer of the pod spec inside its resource, e.g. {@code /spec/template/spec}. */
  public String pointer() {
    return pointer;
  }

  /** The pod-level {@code securityContext}, or {@code MISSING}. */
  public Node securityContext() {
    return securityContext;
  }

  /**
   * Every container in the order admission visits them: init containers, containers, then
   * ephemeral containers.
   */
  public List<Container> containers() {
    return containers;
  }

  /** {@code spec.volumes}, or {@code MISSING}. */
  public Node volumes() {
    return spec.get("volumes");
  }

  /** True if {@code spec.os.name} is {@code windows}. */
  public boolean isWindows() {
    return spec.get("os").get("name").textEquals("windows");
  }
}
