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

  /**
   * The identity used in finding keys: {@code group/Kind/namespace/name}, with the namespace empty
   * for cluster-scoped or unset and the name empty when unset.
   */
  public String identity() {
    int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return group + "/" + kind + "/" + (namespace == null ? "" : namespace) + "/" + (name == null ? "" : name);
  }

  /** {@code Kind namespace/name}. */
  public String displayName() {
    String n = name == null ? "<unnamed>" : name;
    return namespace == null ? kind + " " + n : kind + " " + namespace + "/" + n;
  }
}
