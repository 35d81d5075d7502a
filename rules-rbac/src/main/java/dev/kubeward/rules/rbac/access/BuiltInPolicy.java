/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.rbac.access;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The default ClusterRoles and ClusterRoleBindings of the API server, read once from the data in
 * {@code kubeward-rbac/} (copied from the Kubernetes bootstrap policy, see its README). The data is
 * JSON rather than YAML because every scan with a workload reads it, and JSON reads in about half
 * the time while the loader's code is still interpreted (see benchmarks/README.md, "Start-up").
 */
final class BuiltInPolicy {

  static final String CLUSTER_ROLES = "kubeward-rbac/cluster-roles.json";
  static final String CLUSTER_ROLE_BINDINGS = "kubeward-rbac/cluster-role-bindings.json";
  static final String NAMESPACE_ROLES = "kubeward-rbac/namespace-roles.json";

  private static final List<Resource> ROLES = load(CLUSTER_ROLES);
  private static final List<Resource> BINDINGS = load(CLUSTER_ROLE_BINDINGS);
  private static final List<Resource> NAMESPACED_ROLES = load(NAMESPACE_ROLES);

  private BuiltInPolicy() {}

  static List<Resource> clusterRoles() {
    return ROLES;
  }

  /** The Roles the API server keeps in kube-system and kube-public. */
  static List<Resource> roles() {
    return NAMESPACED_ROLES;
  }

  static List<Resource> clusterRoleBindings() {
    return BINDINGS;
  }

  /** True if {@code name} is a ClusterRole every cluster has, though its rules may not be known here. */
  static boolean isKnownClusterRole(String name) {
    if (name.startsWith("system:controller:")) {
      return true;
    }
    for (Resource r : ROLES) {
      if (name.equals(r.name())) {
        return true;
      }
    }
    return false;
  }

  private static List<Resource> load(String path) {
    try (InputStream in = BuiltInPolicy.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("built-in RBAC policy " + path + " is missing from the jar");
      }
      LoadResult result = Loader.defaults().loadBytes(path, in.readAllBytes());
      if (!result.errors().isEmpty()) {
        throw new IllegalStateException("built-in RBAC policy " + path + " does not load: " + result.errors());
      }
      return List.copyOf(result.resources());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
