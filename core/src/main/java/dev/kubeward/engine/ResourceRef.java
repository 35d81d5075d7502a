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
 * @param file the source of a configuration file without a name, which identifies it; else {@code null}
 * @param fileOrdinal its 1-based place among such objects of its kind in the file when there are
 *     several, else 0
 */
public record ResourceRef(String apiVersion, String kind, String namespace, String name, String file, int fileOrdinal) {

  /** A reference to an object identified by its name (or unnamed and not a configuration file). */
  public ResourceRef(String apiVersion, String kind, String namespace, String name) {
    this(apiVersion, kind, namespace, name, null, 0);
  }

  public static ResourceRef of(Resource r) {
    return r.isIdentifiedByFile()
        ? new ResourceRef(r.apiVersion(), r.kind(), r.namespace(), r.name(), r.source().name(), r.fileOrdinal())
        : new ResourceRef(r.apiVersion(), r.kind(), r.namespace(), r.name());
  }

  /**
   * The identity used in finding keys: {@code group/Kind/namespace/name}, with the namespace empty
   * for cluster-scoped or unset and the name empty when unset.
   */
  public String identity() {
    int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return group + "/" + kind + "/" + (namespace == null ? "" : namespace) + "/" + (name == null ? "" : name);
  }

  /** {@code Kind namespace/name}; {@code Kind in file} for a configuration file without a name. */
  public String displayName() {
    return Resource.displayName(kind, namespace, name, file, fileOrdinal);
  }
}
