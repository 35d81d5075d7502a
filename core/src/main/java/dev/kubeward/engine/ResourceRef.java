/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.engine;

import dev.kubeward.model.Resource;

/**
 * The identity of the resource a finding is about.
 *
 * @param namespace {@code null} for cluster-scoped or unset
 * @param name {@code null} when unset
 */
public record ResourceRef(String apiVersion, String kind, String namespace, String name) {

  public static ResourceRef of(Resource r) {
    return new ResourceRef(r.apiVersion(), r.kind(), r.namespace(), r.name());
  }

  /** {@code Kind namespace/name}. */
  public String displayName() {
    String n = name == null ? "<unnamed>" : name;
    return namespace == null ? kind + " " + n : kind + " " + namespace + "/" + n;
  }
}
